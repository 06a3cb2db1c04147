package org.openreturns.server.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /api/openapi}, browsable at {@code /api/docs}: bearer-token security on every
 * operation, the problem documents for 401 and 404, and the submission endpoints described by hand for as long as
 * no controller in this build declares them.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearerToken";
    static final String SUBMISSIONS = "/api/v1/file-requests/{id}/submissions";
    static final String SUBMISSION = "/api/v1/submissions/{id}";

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

    /**
     * The upload and receipt endpoints, written out by hand until the submissions controller documents itself;
     * once it does, its own description wins.
     */
    @Bean
    OpenApiCustomizer submissionEndpoints() {
        return api -> {
            if (!api.getPaths().containsKey(SUBMISSIONS)) {
                Schema<?> form = new ObjectSchema()
                        .addProperty("file", new ArraySchema().items(new StringSchema().format("binary"))
                                .description("One or more CTF XML files of this collection"))
                        .addProperty("comment", new StringSchema().description("An optional note for the LA"))
                        .required(List.of("file"));
                Schema<?> receipt = new ObjectSchema()
                        .addProperty("id", new IntegerSchema().format("int64").description("The submission's id"))
                        .addProperty("receipt", new StringSchema().description("A durable receipt to keep"));
                api.path(SUBMISSIONS, new PathItem().post(new Operation()
                        .addTagsItem("Submissions")
                        .summary("Upload files for a file request")
                        .description("Stores the files at once and checks them in the background: poll the "
                                + "submission for the outcome.")
                        .addParametersItem(idParameter("The file request's id"))
                        .requestBody(new RequestBody().required(true).content(new Content()
                                .addMediaType("multipart/form-data", new MediaType().schema(form))))
                        .responses(new ApiResponses()
                                .addApiResponse("202", json("Received; checks follow", receipt))
                                .addApiResponse("400", problem("The upload was empty, too large or not CTF XML"))
                                .addApiResponse("401", problem("No live API token was sent"))
                                .addApiResponse("404", problem("No such file request for the token's school")))));
            }
            if (!api.getPaths().containsKey(SUBMISSION)) {
                Schema<?> submission = new ObjectSchema()
                        .addProperty("id", new IntegerSchema().format("int64"))
                        .addProperty("fileRequestId", new IntegerSchema().format("int64"))
                        .addProperty("version", new IntegerSchema())
                        .addProperty("status", new StringSchema().description("RECEIVED, CHECKING, FAILED_CHECKS, "
                                + "QUERIES_TO_EXPLAIN, CHECKED, ACCEPTED or RETURNED"))
                        .addProperty("receivedAt", new StringSchema().format("date-time"))
                        .addProperty("errors", new IntegerSchema())
                        .addProperty("queries", new IntegerSchema());
                api.path(SUBMISSION, new PathItem().get(new Operation()
                        .addTagsItem("Submissions")
                        .summary("A submission and where its checks stand")
                        .addParametersItem(idParameter("The submission's id"))
                        .responses(new ApiResponses()
                                .addApiResponse("200", json("The submission", submission))
                                .addApiResponse("401", problem("No live API token was sent"))
                                .addApiResponse("404", problem("No such submission for the token's school")))));
            }
        };
    }

    private static Parameter idParameter(String description) {
        return new Parameter().name("id").in("path").required(true).description(description)
                .schema(new IntegerSchema().format("int64"));
    }

    private static ApiResponse json(String description, Schema<?> schema) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("application/json", new MediaType().schema(schema)));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }
}
