/**
 * Data in and out: the REST API ({@code /api/v1}, authenticated by API tokens, described by OpenAPI) and webhooks.
 * It calls the other modules' public services only, so that the API follows the same validation, role and unit rules
 * as the UI.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exchange",
        allowedDependencies = {"shared", "shared :: ui", "shared :: jdbc", "shared :: imports", "security", "admin", "customer", "interaction",
                "complaint", "feedback"})
package io.escalera.exchange;
