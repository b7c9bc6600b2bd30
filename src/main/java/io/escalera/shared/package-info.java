/**
 * What every module may use: settings, the audit log, field-level validation errors, the current-user port and
 * the shell of the UI. Depends on no other Escalera module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared")
package io.escalera.shared;
