package fr.aptic.qualification.network;

import fr.aptic.qualification.application.ApplicationRepository;
import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.application.ApplicationService;
import fr.aptic.qualification.application.QualificationPath;
import fr.aptic.qualification.web.FieldError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One batch being read: counts, the SIRETs seen, the valid rows waiting to be stored and the errors waiting
 * to be written, both flushed every {@link BatchService#STORE_CHUNK}.
 */
final class BatchIntake {
    private final Network network;
    private final String batchId;
    private final ApplicationService.Origin origin;
    /** Each accepted SIRET and its row: the same SIRET again is rejected. */
    private final Map<String, Integer> sirets = new HashMap<>();

    private final List<MemberRow> pending = new ArrayList<>(BatchService.STORE_CHUNK);
    private final List<NetworkRepository.RowError> pendingErrors = new ArrayList<>();
    private final List<FieldError> answerErrors = new ArrayList<>();
    private boolean errorsTruncated;
    private int errorCount;
    private int received;
    private int accepted;
    private int rejected;
    private int nextRank;

    private final BatchService.Format format;

    private final ApplicationService applicationService;
    private final ApplicationRepository applications;
    private final NetworkRepository networks;

    BatchIntake(
            Network network,
            String batchId,
            BatchService.Format format,
            ApplicationService applicationService,
            ApplicationRepository applications,
            NetworkRepository networks) {
        this.applicationService = applicationService;
        this.applications = applications;
        this.networks = networks;
        this.network = network;
        this.format = format;
        this.batchId = batchId;
        this.origin = new ApplicationService.Origin(QualificationPath.NETWORK, null, network.id(), batchId);
        this.nextRank = network.memberCount() + 1;
    }

    void add(MemberRow row) {
        received++;
        if (!row.isValid()) {
            reject(row.errors());
            return;
        }
        Integer first = sirets.putIfAbsent(row.request().siret(), row.row());
        if (first != null) {
            reject(List.of(FieldError.atRow(
                    row.row(),
                    "siret",
                    "SIRET " + row.request().siret() + " en double dans le lot (déjà " + where(first) + ")")));
            return;
        }
        pending.add(row);
        if (pending.size() >= BatchService.STORE_CHUNK) {
            store();
        }
    }

    void finish() {
        store();
        writeErrors();
    }

    int received() {
        return received;
    }

    int accepted() {
        return accepted;
    }

    int rejected() {
        return rejected;
    }

    BatchAnswer answer() {
        answerErrors.sort(Comparator.comparing(FieldError::row));
        return new BatchAnswer(
                batchId, network.id(), received, accepted, rejected, List.copyOf(answerErrors), errorsTruncated);
    }

    private void store() {
        if (pending.isEmpty()) {
            return;
        }
        Set<String> taken = applications.activeSirets(
                pending.stream().map(row -> row.request().siret()).toList());
        List<ApplicationRequest> requests = new ArrayList<>(pending.size());
        List<Integer> rows = new ArrayList<>(pending.size());
        for (MemberRow row : pending) {
            String siret = row.request().siret();
            if (taken.contains(siret)) {
                reject(List.of(FieldError.atRow(
                        row.row(),
                        "siret",
                        "le SIRET " + siret + " a déjà une demande en cours ou une qualification en vigueur")));
            } else {
                requests.add(row.request());
                rows.add(row.row());
            }
        }
        pending.clear();
        if (requests.isEmpty()) {
            return;
        }
        List<String> ids = applicationService.storeAll(requests, origin);
        List<NetworkRepository.NewMember> members = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            members.add(new NetworkRepository.NewMember(ids.get(i), nextRank++, rows.get(i)));
        }
        networks.insertMembers(network.id(), batchId, members);
        accepted += ids.size();
    }

    private void reject(List<FieldError> errors) {
        rejected++;
        for (FieldError error : errors) {
            errorCount++;
            pendingErrors.add(new NetworkRepository.RowError(errorCount, error.row(), error.field(), error.message()));
            if (answerErrors.size() < BatchService.ANSWER_ERRORS) {
                answerErrors.add(error);
            } else {
                errorsTruncated = true;
            }
        }
        if (pendingErrors.size() >= BatchService.STORE_CHUNK) {
            writeErrors();
        }
    }

    private void writeErrors() {
        if (!pendingErrors.isEmpty()) {
            networks.insertErrors(batchId, pendingErrors);
            pendingErrors.clear();
        }
    }

    private String where(int row) {
        return (format == BatchService.Format.JSON ? "élément " : "ligne ") + row;
    }
}
