package org.hulul.platform.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at /api/docs: every operation takes the bearer token from POST
 * /api/v1/auth/token.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Hulul API", version = "v1",
		description = "Durable-solutions coordination in Iraq. Get a token with POST /api/v1/auth/token and send "
				+ "it as 'Authorization: Bearer <token>'. Errors are RFC 9457 problem details."),
		security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
class OpenApiConfig {

}
