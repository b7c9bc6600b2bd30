package io.escalera.exchange.rest;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /v3/api-docs and its browsable page at /swagger-ui.html: every call needs a token. */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI escaleraApi() {
        return new OpenAPI()
                .info(new Info().title("Escalera API").version("v1").description("""
                        Customers, orders, interactions, complaints and feedback of Escalera. Authenticate with an API \
                        token issued by an ADMIN (Administration → API tokens): Authorization: Bearer <token>. A token \
                        acts with one role for one unit and the units below it. Errors are RFC 9457 problem details."""))
                .components(new Components().addSecuritySchemes("token",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
