package fr.aptic.qualification.openapi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One operation: method and path as the controllers map them, a French summary, the tag it is listed under,
 * who may call it, its statuses with what each means, the names of its example files
 * ({@code openapi/examples/{name}.json} or {@code .csv}) for the request body and the success answer, and,
 * for a body the controller reads as a stream (which springdoc cannot see), its media types.
 */
record ApiOperation(
        String method,
        String path,
        String tag,
        String summary,
        Access access,
        Map<Integer, String> statuses,
        String requestExample,
        String answerExample,
        List<String> streamedBody) {

    String key() {
        return method + " " + path;
    }

    int success() {
        return statuses.keySet().stream().filter(s -> s < 300).findFirst().orElseThrow();
    }

    /** Who may call an operation. */
    enum Access {
        /** Anyone, no credentials. */
        PUBLIC,
        /** Staff and partners with HTTP Basic or a Tasklist session; the operation checks the group. */
        AUTHENTICATED,
        /** Staff with HTTP Basic, or anyone holding the application's tracking token ({@code X-Tracking-Token}). */
        TRACKING_TOKEN,
        /** Anyone holding a campaign invitation ({@code ?invitation=}). */
        INVITATION
    }

    static Builder op(String method, String path, String tag, String summary, Access access) {
        return new Builder(method, path, tag, summary, access);
    }

    /** Writes an {@link Operation} as a sentence; the list above reads as a table. */
    static final class Builder {
        private final String method;
        private final String path;
        private final String tag;
        private final String summary;
        private final Access access;
        private final Map<Integer, String> statuses = new LinkedHashMap<>();
        private List<String> streamedBody = List.of();

        Builder(String method, String path, String tag, String summary, Access access) {
            this.method = method;
            this.path = path;
            this.tag = tag;
            this.summary = summary;
            this.access = access;
        }

        Builder status(int status, String meaning) {
            statuses.put(status, meaning);
            return this;
        }

        /** The body is read as a stream, in one of these media types. */
        Builder streamed(String... mediaTypes) {
            streamedBody = List.of(mediaTypes);
            return this;
        }

        ApiOperation examples(String request, String answer) {
            return new ApiOperation(
                    method,
                    path,
                    tag,
                    summary,
                    access,
                    Collections.unmodifiableMap(new LinkedHashMap<>(statuses)),
                    request,
                    answer,
                    streamedBody);
        }
    }

    /** Lets an operation without examples end the sentence. */
    static List<ApiOperation> list(Object... operations) {
        return java.util.Arrays.stream(operations)
                .map(o -> o instanceof Builder b ? b.examples(null, null) : (ApiOperation) o)
                .toList();
    }
}
