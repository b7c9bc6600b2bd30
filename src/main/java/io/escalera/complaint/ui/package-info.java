/** The complaint screens; the open-complaint dialog is shared with modules that open cases (closed-loop follow-ups). */
@org.springframework.modulith.NamedInterface("ui")
package io.escalera.complaint.ui;
