/** The customer screens; the customer dialog is shared with modules that create customers inline (quick log). */
@org.springframework.modulith.NamedInterface("ui")
package io.escalera.customer.ui;
