package org.openreturns.server.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /api/openapi}, browsable at {@code /api/docs}: bearer-token security on every
 * operation and the problem documents for 401 and 404; each controller describes its own operations.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearerToken";

    @Bean
    OpenAPI openReturnsApi() {
        return new OpenAPI()
                .info(new Info().title("OpenReturns API").version("v1")
                        .description("""
                                For MIS vendors and scripts acting for one school. Every call needs that school's \
                                API token, which its headteacher makes on the API tokens page, sent as \
                                `Authorization: Bearer <token>`. Without a live token the answer is 401; a file \
                                request or submission of another school is 404, as if it did not exist.""")
                        .license(new License().name("Open source")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("An API token of one school")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * Every operation can answer 401, those with an id also 404, with a problem document. The schema is added here,
     * not on the bean above, because springdoc rebuilds the schemas from the controllers.
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> {
            api.getComponents().addSchemas("Problem", new ObjectSchema()
                    .description("RFC 9457 problem details")
                    .addProperty("type", new StringSchema())
                    .addProperty("title", new StringSchema())
                    .addProperty("status", new IntegerSchema())
                    .addProperty("detail", new StringSchema()));
            api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                operation.getResponses().addApiResponse("401", problem("No live API token was sent"));
                if (path.contains("{id}")) {
                    operation.getResponses().addApiResponse("404", problem("No such thing for the token's school"));
                }
            }));
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }
}
