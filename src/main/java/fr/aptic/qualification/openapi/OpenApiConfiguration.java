package fr.aptic.qualification.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of {@code /api} ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): springdoc
 * reads paths, parameters and schemas from the controllers, and {@link ApiContract} adds what the contract says of
 * each operation (summary, who may call it, statuses and their meaning, examples) and the problem answers.
 */
@Configuration
class OpenApiConfiguration {

    static final String BASIC = "basic";
    static final String SESSION = "session";
    static final String TRACKING_TOKEN = "trackingToken";
    static final String INVITATION = "invitation";
    static final String PROBLEM = "Problem";

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Map<String, ApiOperation> CONTRACT =
            ApiContract.OPERATIONS.stream().collect(Collectors.toMap(ApiOperation::key, Function.identity()));

    @Bean
    OpenAPI apticOpenApi(ObjectProvider<BuildProperties> build) {
        String version = Optional.ofNullable(build.getIfAvailable())
                .map(BuildProperties::getVersion)
                .orElse("dev");
        return new OpenAPI()
                .info(new Info()
                        .title("#APTIC — qualification des producteurs de médiation numérique")
                        .version(version)
                        .description("L'interface publique du moteur de qualification : parcours libre, réseau et"
                                + " territorial, carte des lieux qualifiés, pilotage. Erreurs au format"
                                + " application/problem+json (RFC 9457) ; pour un fichier CSV, chaque erreur donne"
                                + " aussi sa ligne (l'en-tête est la ligne 1). Dates ISO-8601, montants en"
                                + " centimes d'euro sauf les champs en ...Euros.")
                        .license(new License().name("Licence Ouverte / Etalab 2.0 (données publiques de la carte)")))
                .components(new Components()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("Les utilisateurs et groupes du moteur, ceux de Tasklist"))
                        .addSecuritySchemes(
                                SESSION,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.COOKIE)
                                        .name("JSESSIONID")
                                        .description("La session ouverte dans Tasklist (lecture seule)"))
                        .addSecuritySchemes(
                                TRACKING_TOKEN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-Tracking-Token")
                                        .description("Le jeton de suivi rendu une fois au dépôt de la demande"))
                        .addSecuritySchemes(
                                INVITATION,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.QUERY)
                                        .name("invitation")
                                        .description("Le jeton du lien d'invitation d'une campagne"))
                        .addSchemas(PROBLEM, problemSchema()));
    }

    @Bean
    OpenApiCustomizer apticContract() {
        return OpenApiConfiguration::apply;
    }

    /** Applies {@link ApiContract} to the document springdoc wrote from the controllers. */
    static void apply(OpenAPI openApi) {
        openApi.setTags(List.of(
                new Tag().name(ApiContract.APPLICATIONS),
                new Tag().name(ApiContract.NETWORKS),
                new Tag().name(ApiContract.TERRITORIES),
                new Tag().name(ApiContract.MAP),
                new Tag().name(ApiContract.STEERING)));
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    ApiOperation contract = CONTRACT.get(method.name() + " " + path);
                    if (contract != null) {
                        describe(operation, contract);
                    }
                }));
    }

    private static void describe(io.swagger.v3.oas.models.Operation operation, ApiOperation contract) {
        operation.setSummary(contract.summary());
        operation.setTags(List.of(contract.tag()));
        operation.setSecurity(security(contract.access()));
        boolean csv = operation.getParameters() != null
                && operation
                        .getParameters()
                        .removeIf(p -> "header".equals(p.getIn()) && "Accept".equalsIgnoreCase(p.getName()));
        if (operation.getParameters() != null && operation.getParameters().isEmpty()) {
            operation.setParameters(null);
        }
        ApiResponses generated = operation.getResponses();
        ApiResponse success = generated == null ? null : generated.get("200");
        ApiResponses responses = new ApiResponses();
        Map<Integer, String> statuses = new TreeMap<>(contract.statuses());
        ApiContract.ALWAYS.forEach(statuses::putIfAbsent);
        statuses.forEach((status, meaning) -> {
            ApiResponse response = new ApiResponse().description(meaning);
            if (status < 300) {
                Content content =
                        success == null || success.getContent() == null ? new Content() : success.getContent();
                if (csv) {
                    content.addMediaType("text/csv", new MediaType().schema(new StringSchema()));
                }
                MediaType json = content.get("application/json");
                if (json != null && json.getSchema() instanceof StringSchema) {
                    // a controller that writes its JSON itself (ResponseEntity<String>): an object, not a string
                    json.setSchema(new ObjectSchema());
                }
                if (contract.answerExample() != null && json != null) {
                    content.get("application/json").setExample(example(contract.answerExample() + ".json"));
                }
                response.setContent(content.isEmpty() ? null : content);
            } else {
                response.setContent(
                        new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM))));
            }
            responses.addApiResponse(String.valueOf(status), response);
        });
        operation.setResponses(responses);
        if (!contract.streamedBody().isEmpty()) {
            operation.setRequestBody(streamedBody(contract.streamedBody()));
        }
        if (contract.requestExample() != null && operation.getRequestBody() != null) {
            Content body = operation.getRequestBody().getContent();
            if (body.get("application/json") != null) {
                body.get("application/json").setExample(example(contract.requestExample() + ".json"));
            }
            if (body.get("text/csv") != null) {
                body.get("text/csv").setExample(example(contract.requestExample() + ".csv"));
            }
        }
    }

    /**
     * A body the controller reads as a stream: CSV as text (UTF-8 or Windows-1252, {@code ,} or {@code ;}, header
     * row), JSON as an array of applications.
     */
    private static RequestBody streamedBody(List<String> mediaTypes) {
        Content content = new Content();
        for (String mediaType : mediaTypes) {
            Schema<?> schema = "application/json".equals(mediaType)
                    ? new ArraySchema().items(new Schema<>().$ref("ApplicationRequest"))
                    : new StringSchema()
                            .description("CSV : UTF-8 (avec ou sans BOM) ou Windows-1252, séparateur , ou"
                                    + " ;, une ligne d'en-tête");
            content.addMediaType(mediaType, new MediaType().schema(schema));
        }
        return new RequestBody().required(true).content(content);
    }

    private static List<SecurityRequirement> security(ApiOperation.Access access) {
        return switch (access) {
            case PUBLIC -> List.of();
            case AUTHENTICATED ->
                List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(SESSION));
            case TRACKING_TOKEN ->
                List.of(new SecurityRequirement().addList(TRACKING_TOKEN), new SecurityRequirement().addList(BASIC));
            case INVITATION -> List.of(new SecurityRequirement().addList(INVITATION));
        };
    }

    /** An example file's content: JSON parsed as JSON, anything else as text. */
    static Object example(String name) {
        try (InputStream in =
                OpenApiConfiguration.class.getClassLoader().getResourceAsStream("openapi/examples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("openapi/examples/" + name + " missing from the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return name.endsWith(".json")
                    ? io.swagger.v3.core.util.Json.mapper().readTree(text)
                    : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema error = new ObjectSchema()
                .addProperty("row", new IntegerSchema().description("ligne du fichier CSV (l'en-tête est la ligne 1)"))
                .addProperty("field", new StringSchema().example("places[0].postalCode"))
                .addProperty("message", new StringSchema().example("code postal inconnu : 99999"));
        return new ObjectSchema()
                .description("Une erreur (RFC 9457) ; jamais de trace de pile")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("La demande comporte des erreurs"))
                .addProperty("errors", new ArraySchema().items(error));
    }
}
