/**
 * Users, roles, login (with throttling), the signed-in user and the unit they act for.
 * Units themselves belong to the admin module; this module sees them through the {@link io.escalera.security.UnitDirectory} port.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security", allowedDependencies = {"shared", "shared :: ui", "shared :: jdbc", "shared :: imports"})
package io.escalera.security;
