/** Units (stores, regions), users' administration screens, settings and the audit screen. */
@org.springframework.modulith.ApplicationModule(displayName = "Administration", allowedDependencies = {"shared", "shared :: ui", "shared :: imports", "security"})
package io.escalera.admin;
