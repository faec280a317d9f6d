package fr.aptic.qualification.network;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.application.ApplicationValidator;
import fr.aptic.qualification.web.FieldError;
import fr.aptic.qualification.web.ProblemException;
import fr.aptic.qualification.web.ProblemHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Reads a batch's JSON (an array of application bodies, as {@code POST /api/applications} takes them) one
 * element at a time. Each error's {@code row} is the element's position counting from 1, and its {@code field}
 * the JSON path from the array ({@code [2].places[0].postalCode} for the third element). Broken JSON refuses the
 * whole batch with 400, like a CSV that cannot be read to its end.
 */
final class JsonMembers implements MemberSource {

    private final JsonParser parser;
    private final ObjectMapper objectMapper;
    private final ApplicationValidator validator;
    private int index = -1;
    private boolean ended;

    private JsonMembers(JsonParser parser, ObjectMapper objectMapper, ApplicationValidator validator) {
        this.parser = parser;
        this.objectMapper = objectMapper;
        this.validator = validator;
    }

    static JsonMembers open(InputStream in, ObjectMapper objectMapper, ApplicationValidator validator)
            throws IOException {
        JsonParser parser = objectMapper.createParser(in);
        try {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new ProblemException(
                        HttpStatus.BAD_REQUEST,
                        "Un tableau JSON de demandes est attendu",
                        List.of(FieldError.of("", "tableau JSON attendu")));
            }
        } catch (JsonProcessingException e) {
            parser.close();
            throw unreadable(e);
        }
        return new JsonMembers(parser, objectMapper, validator);
    }

    @Override
    public String format() {
        return "JSON";
    }

    @Override
    public MemberRow next() throws IOException {
        if (ended) {
            return null;
        }
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                ended = true;
                return null;
            }
            index++;
            int row = index + 1;
            String at = "[" + index + "]";
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return MemberRow.rejected(row, List.of(FieldError.atRow(row, at, "objet JSON attendu")));
            }
            // One element of a stream: the elements after it are not "trailing tokens" of this read.
            JsonNode node = objectMapper
                    .reader()
                    .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(parser);
            ApplicationRequest request;
            try {
                request = objectMapper.treeToValue(node, ApplicationRequest.class);
            } catch (JsonMappingException e) {
                return MemberRow.rejected(
                        row, List.of(FieldError.atRow(row, at + suffix(ProblemHandler.path(e)), mappingMessage(e))));
            }
            ApplicationValidator.Checked checked = validator.check(request);
            List<FieldError> errors = checked.errors().stream()
                    .map(error -> FieldError.atRow(row, at + suffix(error.field()), error.message()))
                    .toList();
            return errors.isEmpty() ? MemberRow.valid(row, checked.request()) : MemberRow.rejected(row, errors);
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        }
    }

    private static String suffix(String field) {
        if (field == null || field.isEmpty()) {
            return "";
        }
        return field.startsWith("[") ? field : "." + field;
    }

    private static String mappingMessage(JsonMappingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            return "champ inconnu : " + unknown.getPropertyName();
        }
        return "valeur de type incorrect";
    }

    private static ProblemException unreadable(JsonProcessingException e) {
        String where = e.getLocation() == null
                ? ""
                : " (ligne " + e.getLocation().getLineNr() + ", colonne "
                        + e.getLocation().getColumnNr() + ")";
        return new ProblemException(
                HttpStatus.BAD_REQUEST,
                "JSON mal formé" + where + " : aucun membre n'a été enregistré",
                List.of(FieldError.of("", "JSON mal formé" + where)));
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
