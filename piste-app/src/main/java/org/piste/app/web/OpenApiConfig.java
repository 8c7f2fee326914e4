package org.piste.app.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header (served at /api/openapi): what the API is and how to authenticate. */
@Configuration
public class OpenApiConfig {
    @Bean
    public OpenAPI pisteOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Piste API").version("1")
                        .description("The operations of the Piste web application as JSON: imports, alerts, entities,"
                                + " networks, referrals and case files. Same accounts and roles as the web pages; every"
                                + " read of personal data is audited. Send X-Piste-Case: ID to record the case a read"
                                + " is for."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
