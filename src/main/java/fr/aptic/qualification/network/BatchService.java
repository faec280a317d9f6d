package fr.aptic.qualification.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aptic.qualification.application.ApplicationRepository;
import fr.aptic.qualification.application.ApplicationService;
import fr.aptic.qualification.application.ApplicationStatus;
import fr.aptic.qualification.application.ApplicationValidator;
import fr.aptic.qualification.web.FieldError;
import fr.aptic.qualification.web.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a network's batch of members: reads it as a stream, validates every row like a free application,
 * stores the valid ones chunk by chunk with JDBC batches, records the row errors, and starts the batch's
 * process, which starts the members' processes in the background. All of it in one transaction: a request
 * refused on the way (a file that cannot be read to its end, a body over 20 MiB) leaves nothing behind.
 */
@Service
public class BatchService {

    /** Valid rows stored per JDBC batch: bounds the memory a batch holds, whatever its length. */
    static final int STORE_CHUNK = 500;
    /** Row errors the answer carries; all are stored and listed by {@code GET .../errors}. */
    static final int ANSWER_ERRORS = 1000;

    static final int MAX_IDEMPOTENCY_KEY = 200;

    private static final Logger log = LoggerFactory.getLogger(BatchService.class);

    /** The body's format, from its Content-Type. */
    enum Format {
        CSV,
        JSON,
        /** An Excel workbook (.xlsx): its first sheet, read as the CSV is, rows numbered as the sheet shows them. */
        XLSX
    }

    /** The answer to give: the stored JSON, and whether it replays an earlier submission. */
    record Submission(String batchId, String answer, boolean replayed) {}

    private final NetworkService networkService;
    private final NetworkRepository networks;
    private final ApplicationService applicationService;
    private final ApplicationRepository applications;
    private final ApplicationValidator validator;
    private final MemberProcesses processes;
    private final ObjectMapper objectMapper;

    BatchService(
            NetworkService networkService,
            NetworkRepository networks,
            ApplicationService applicationService,
            ApplicationRepository applications,
            ApplicationValidator validator,
            MemberProcesses processes,
            ObjectMapper objectMapper) {
        this.networkService = networkService;
        this.networks = networks;
        this.applicationService = applicationService;
        this.applications = applications;
        this.validator = validator;
        this.processes = processes;
        this.objectMapper = objectMapper;
    }

    /**
     * Submits a batch for a network: 404 unknown network, 403 another network's user, 409 agreement not active
     * today, 400 when the body cannot be read; otherwise the answer (202), replayed for a known Idempotency-Key.
     */
    // Rolls back on IOException too: a body cut short or over 20 MiB must leave nothing behind.
    @Transactional(rollbackFor = Exception.class)
    Submission submit(String networkId, Format format, InputStream body, String idempotencyKey, NetworkAccess caller)
            throws IOException {
        networkService.actionable(networkId, caller);
        String key = checkedKey(idempotencyKey);
        // Batches of one network queue up here: ranks follow each other, and a repeated key sees the first batch.
        Network network = networks.lock(networkId).orElseThrow(() -> NetworkService.notFound(networkId));
        if (key != null) {
            var answer = networks.answerForKey(networkId, key);
            if (answer.isPresent()) {
                log.info("Batch for network {} replayed for Idempotency-Key {}", networkId, key);
                return new Submission(batchIdOf(answer.get()), answer.get(), true);
            }
        }
        if (!network.agreementActiveOn(networkService.today())) {
            throw ProblemException.conflict("L'accord de coopération " + network.agreementReference()
                    + " n'est pas en vigueur aujourd'hui (du " + network.validFrom() + " au " + network.validUntil()
                    + ") : aucun membre ne peut être soumis");
        }
        String batchId = UUID.randomUUID().toString();
        networks.insertBatch(batchId, networkId, key, format.name(), Instant.now(), caller.userId());
        BatchIntake intake = new BatchIntake(network, batchId, format, applicationService, applications, networks);
        try (MemberSource members = open(format, body)) {
            for (MemberRow row = members.next(); row != null; row = members.next()) {
                intake.add(row);
            }
        }
        intake.finish();
        if (intake.received() == 0) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "Le lot ne contient aucun membre",
                    List.of(FieldError.of("", "au moins un membre est attendu")));
        }
        networks.addMembers(networkId, intake.accepted());
        BatchAnswer answer = intake.answer();
        String json = json(answer);
        networks.completeBatch(
                batchId, intake.received(), intake.accepted(), intake.rejected(), network.memberCount() + 1, json);
        if (intake.accepted() > 0) {
            processes.startBatch(batchId, networkId, intake.accepted());
        }
        log.info(
                "Batch {} for network {}: {} received, {} accepted, {} rejected",
                batchId,
                networkId,
                intake.received(),
                intake.accepted(),
                intake.rejected());
        return new Submission(batchId, json, false);
    }

    /** Where the batch's members stand. */
    @Transactional(readOnly = true)
    BatchProgress progress(String networkId, String batchId, NetworkAccess caller) {
        NetworkRepository.Batch batch = readableBatch(networkId, batchId, caller);
        Map<String, Integer> byStatus = networks.countByStatus(batchId);
        boolean done = byStatus.entrySet().stream()
                .allMatch(entry -> ApplicationStatus.valueOf(entry.getKey()).isFinal());
        return new BatchProgress(
                batch.id(),
                batch.networkId(),
                batch.format(),
                batch.received(),
                batch.accepted(),
                batch.rejected(),
                byStatus,
                done,
                batch.createdAt(),
                batch.createdBy());
    }

    /** Each member of the batch, optionally in one status only, streamed in rank order. */
    @Transactional(readOnly = true)
    void members(
            String networkId,
            String batchId,
            String status,
            NetworkAccess caller,
            Consumer<NetworkRepository.Member> each) {
        readableBatch(networkId, batchId, caller);
        checkStatus(status);
        networks.members(batchId, status, each);
    }

    /** The network's latest batches (at most 20), the latest first. */
    @Transactional(readOnly = true)
    List<NetworkRepository.Batch> batches(String networkId, NetworkAccess caller) {
        networkService.readable(networkId, caller);
        return networks.batches(networkId, 20);
    }

    /** One page of a network's members (the page counts from 1), and how many are in each status. */
    record MemberPage(
            List<NetworkRepository.Member> members, int page, int pages, int total, Map<String, Integer> byStatus) {}

    @Transactional(readOnly = true)
    MemberPage memberPage(String networkId, String status, int page, int size, NetworkAccess caller) {
        networkService.readable(networkId, caller);
        checkStatus(status);
        Map<String, Integer> byStatus = networks.countByStatusOfNetwork(networkId);
        int total = status == null
                ? byStatus.values().stream().mapToInt(Integer::intValue).sum()
                : byStatus.getOrDefault(status, 0);
        int pages = Math.max(1, (total + size - 1) / size);
        int shown = Math.min(Math.max(page, 1), pages);
        return new MemberPage(
                networks.memberPage(networkId, status, (shown - 1) * size, size), shown, pages, total, byStatus);
    }

    /** Every member of the network, optionally in one status only, streamed in rank order. */
    @Transactional(readOnly = true)
    void networkMembers(
            String networkId, String status, NetworkAccess caller, Consumer<NetworkRepository.Member> each) {
        networkService.readable(networkId, caller);
        checkStatus(status);
        networks.networkMembers(networkId, status, each);
    }

    private static void checkStatus(String status) {
        if (status != null) {
            try {
                ApplicationStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("status", "statut inconnu : " + status);
            }
        }
    }

    /** Every row error of the batch, in row order. */
    @Transactional(readOnly = true)
    void errors(String networkId, String batchId, NetworkAccess caller, Consumer<NetworkRepository.RowError> each) {
        readableBatch(networkId, batchId, caller);
        networks.errors(batchId, each);
    }

    private NetworkRepository.Batch readableBatch(String networkId, String batchId, NetworkAccess caller) {
        networkService.readable(networkId, caller);
        return networks.findBatch(networkId, batchId)
                .orElseThrow(() -> ProblemException.notFound("Lot introuvable : " + batchId));
    }

    private MemberSource open(Format format, InputStream body) throws IOException {
        return switch (format) {
            case CSV -> CsvMembers.open(body, validator);
            case XLSX -> XlsxMembers.open(body, validator);
            case JSON -> JsonMembers.open(body, objectMapper, validator);
        };
    }

    private static String checkedKey(String key) {
        if (key == null || key.isEmpty()) {
            return null;
        }
        if (key.length() > MAX_IDEMPOTENCY_KEY || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw ProblemException.invalid(
                    "Idempotency-Key",
                    "au plus " + MAX_IDEMPOTENCY_KEY + " caractères ASCII visibles (un UUID par exemple)");
        }
        return key;
    }

    private String batchIdOf(String answer) {
        try {
            return objectMapper.readTree(answer).path("batchId").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored batch answer is unreadable", e);
        }
    }

    private String json(BatchAnswer answer) {
        try {
            return objectMapper.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
