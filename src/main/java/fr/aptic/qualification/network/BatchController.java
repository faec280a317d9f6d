package fr.aptic.qualification.network;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aptic.qualification.csv.CsvWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A network's batches: submission (CSV or JSON, answered 202 once validated and stored), progress, the
 * members' statuses (JSON or CSV) and the row errors.
 */
@RestController
@RequestMapping("/api/networks/{networkId}/batches")
class BatchController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final String TEXT_CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final BatchService batches;
    private final ObjectMapper objectMapper;

    BatchController(BatchService batches, ObjectMapper objectMapper) {
        this.batches = batches;
        this.objectMapper = objectMapper;
    }

    /**
     * A batch as CSV, as an Excel workbook (.xlsx, its first sheet with the CSV's columns) or as a JSON array of
     * application bodies; its format is its {@code Content-Type}'s.
     */
    @PostMapping(consumes = {TEXT_CSV, XLSX, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<String> submit(
            @PathVariable String networkId,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            HttpServletRequest request,
            Authentication authentication)
            throws IOException {
        MediaType type = MediaType.parseMediaType(request.getContentType());
        BatchService.Format format = MediaType.APPLICATION_JSON.isCompatibleWith(type)
                ? BatchService.Format.JSON
                : MediaType.parseMediaType(XLSX).isCompatibleWith(type)
                        ? BatchService.Format.XLSX
                        : BatchService.Format.CSV;
        return accepted(
                networkId,
                batches.submit(networkId, format, request.getInputStream(), key, NetworkAccess.of(authentication)));
    }

    @GetMapping("/{batchId}")
    BatchProgress progress(
            @PathVariable String networkId, @PathVariable String batchId, Authentication authentication) {
        return batches.progress(networkId, batchId, NetworkAccess.of(authentication));
    }

    /** The members as JSON, or as CSV when the client asks for {@code text/csv} (cells neutralised). */
    @GetMapping("/{batchId}/members")
    void members(
            @PathVariable String networkId,
            @PathVariable String batchId,
            @RequestParam(required = false) String status,
            @RequestHeader(name = "Accept", required = false) String accept,
            Authentication authentication,
            HttpServletResponse response)
            throws IOException {
        NetworkAccess caller = NetworkAccess.of(authentication);
        if (accept != null && accept.contains(TEXT_CSV)) {
            membersAsCsv(networkId, batchId, status, caller, response);
        } else {
            membersAsJson(networkId, batchId, status, caller, response);
        }
    }

    @GetMapping("/{batchId}/errors")
    void errors(
            @PathVariable String networkId,
            @PathVariable String batchId,
            @RequestHeader(name = "Accept", required = false) String accept,
            Authentication authentication,
            HttpServletResponse response)
            throws IOException {
        NetworkAccess caller = NetworkAccess.of(authentication);
        // Checked before the first byte goes out, so a refusal is still a proper problem response.
        batches.progress(networkId, batchId, caller);
        if (accept != null && accept.contains(TEXT_CSV)) {
            errorsAsCsv(batches, networkId, batchId, caller, response);
            return;
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (JsonGenerator json = objectMapper.createGenerator(response.getOutputStream())) {
            json.writeStartArray();
            batches.errors(
                    networkId,
                    batchId,
                    caller,
                    error -> write(json, () -> {
                        json.writeStartObject();
                        json.writeNumberField("row", error.row());
                        json.writeStringField("field", error.field());
                        json.writeStringField("message", error.message());
                        json.writeEndObject();
                    }));
            json.writeEndArray();
        }
    }

    /**
     * The row errors as a file the partner opens in a spreadsheet beside its own (UTF-8 with BOM, {@code ;}):
     * one line per row and column, the row numbered as the spreadsheet numbers it (the header is row 1).
     */
    static void errorsAsCsv(
            BatchService batches, String networkId, String batchId, NetworkAccess caller, HttpServletResponse response)
            throws IOException {
        response.setContentType(TEXT_CSV + ";charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"erreurs-" + batchId + ".csv\"");
        try (CsvWriter csv = CsvWriter.forSpreadsheet(response.getOutputStream())) {
            csv.row("ligne", "colonne", "message");
            batches.errors(
                    networkId,
                    batchId,
                    caller,
                    error -> csv.number(error.row())
                            .cell(error.field())
                            .cell(error.message())
                            .endRow());
        }
    }

    private void membersAsJson(
            String networkId, String batchId, String status, NetworkAccess caller, HttpServletResponse response)
            throws IOException {
        batches.progress(networkId, batchId, caller);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (JsonGenerator json = objectMapper.createGenerator(response.getOutputStream())) {
            json.writeStartArray();
            batches.members(
                    networkId,
                    batchId,
                    status,
                    caller,
                    member -> write(json, () -> {
                        json.writeStartObject();
                        json.writeNumberField("row", member.row());
                        json.writeNumberField("memberRank", member.memberRank());
                        json.writeStringField("applicationId", member.applicationId());
                        json.writeStringField("siret", member.siret());
                        json.writeStringField("organisationName", member.organisationName());
                        json.writeStringField("status", member.status());
                        json.writeArrayFieldStart("reasons");
                        for (String reason : member.reasons()) {
                            json.writeString(reason);
                        }
                        json.writeEndArray();
                        json.writeEndObject();
                    }));
            json.writeEndArray();
        }
    }

    private void membersAsCsv(
            String networkId, String batchId, String status, NetworkAccess caller, HttpServletResponse response)
            throws IOException {
        batches.progress(networkId, batchId, caller);
        response.setContentType(TEXT_CSV + ";charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"membres-" + batchId + ".csv\"");
        try (CsvWriter csv = CsvWriter.open(response.getOutputStream())) {
            csv.row("row", "memberRank", "applicationId", "siret", "organisationName", "status", "reasons");
            batches.members(
                    networkId,
                    batchId,
                    status,
                    caller,
                    member -> csv.number(member.row())
                            .number(member.memberRank())
                            .cell(member.applicationId())
                            .cell(member.siret())
                            .cell(member.organisationName())
                            .cell(member.status())
                            .cell(String.join("|", member.reasons()))
                            .endRow());
        }
    }

    private static ResponseEntity<String> accepted(String networkId, BatchService.Submission submission) {
        var response = ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/networks/" + networkId + "/batches/" + submission.batchId()))
                .contentType(new MediaType("application", "json", StandardCharsets.UTF_8));
        if (submission.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.body(submission.answer());
    }

    /** A JSON write that may fail inside a row callback. */
    private interface JsonWrite {
        void run() throws IOException;
    }

    private static void write(JsonGenerator json, JsonWrite write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
