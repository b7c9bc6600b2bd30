/** UI building blocks other modules' views may use (layout pieces, formatting, notifications). */
@org.springframework.modulith.NamedInterface("ui")
package io.escalera.shared.ui;
