package fr.aptic.qualification.simulation;

import static fr.aptic.qualification.eligibility.EligibilityAssessmentProcess.CHARTER_DECISION;
import static fr.aptic.qualification.eligibility.EligibilityAssessmentProcess.ELIGIBILITY_DECISION;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.reference.Territories;
import fr.aptic.qualification.web.ProblemException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Simulates a decision before it goes live: a candidate file or a deployed version of {@code eligibility} or
 * {@code charter-compliance}, judged on every stored application and compared with how each was assessed.
 * Read-only: nothing is deployed, stored or started.
 */
@Service
public class SimulationService {

    /** The decisions a stored application's outcome comes from, and so the ones a simulation can replace. */
    static final List<String> SIMULATED = List.of(ELIGIBILITY_DECISION, CHARTER_DECISION);

    private static final Logger log = LoggerFactory.getLogger(SimulationService.class);

    private final CandidateDecisions decisions;
    private final StoredApplications applications;
    private final ObjectReader bodies;
    private final Territories territories = Territories.defaults();
    private final int threads;

    SimulationService(
            CandidateDecisions decisions,
            StoredApplications applications,
            ObjectMapper objectMapper,
            @Value("${aptic.simulation.threads:0}") int threads) {
        this.decisions = decisions;
        this.applications = applications;
        // Bodies were validated when stored; a field added or dropped since must not make them unreadable.
        this.bodies = objectMapper
                .readerFor(ApplicationRequest.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** What to compare the candidate with. */
    public enum Baseline {
        /** The outcome recorded when each application was assessed (never-assessed ones are skipped). */
        STORED,
        /** What the latest deployed decisions say now, for every application. */
        DEPLOYED;

        static Baseline parse(String value) {
            if (value == null || value.isBlank()) {
                return STORED;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("baseline", "valeurs possibles : stored, deployed");
            }
        }
    }

    /**
     * A simulation to run: {@code file} (with its name) or else {@code version} of the deployed decision
     * {@code decisionKey} (the latest when null).
     */
    public record Request(
            String decisionKey,
            Integer version,
            String fileName,
            byte[] file,
            Baseline baseline,
            LocalDate submittedFrom,
            LocalDate submittedTo,
            String departement) {}

    /** One application whose outcome or reasons would change, with who applied and what changes. */
    public record Change(
            String applicationId,
            String siret,
            String organisation,
            String departement,
            String from,
            String to,
            int scoreBefore,
            int scoreAfter,
            List<String> reasonsAdded,
            List<String> reasonsRemoved) {}

    /**
     * A simulation's answer and its changed applications one by one: the {@code limit} smallest ids when more
     * changed ({@code report.changed()} says how many did).
     */
    public record Listing(SimulationReport report, List<Change> changes) {

        public boolean truncated() {
            return report.changed() > changes.size();
        }
    }

    /** A deployed version of a decision that simulations replace. */
    public record DeployedVersion(String decisionKey, int version, String versionTag) {}

    public SimulationReport simulate(Request request) {
        return run(request, 0).report();
    }

    /** {@link #simulate} that also lists the changed applications, up to {@code limit} of them. */
    public Listing simulateListing(Request request, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit " + limit);
        }
        return run(request, limit);
    }

    /** Every deployed version of the decisions a simulation replaces, latest first for each. */
    public List<DeployedVersion> deployedVersions() {
        return SIMULATED.stream()
                .flatMap(key -> decisions.versions(key).stream())
                .toList();
    }

    private Listing run(Request request, int listed) {
        long start = System.nanoTime();
        String key = request.decisionKey() == null || request.decisionKey().isBlank()
                ? ELIGIBILITY_DECISION
                : request.decisionKey().strip();
        DmnDecision candidate;
        String label;
        if (request.file() != null) {
            if (request.version() != null) {
                throw ProblemException.invalid("version", "soit un fichier, soit une version déployée, pas les deux");
            }
            requireSimulated(key);
            candidate = decisions.parseFile(key, request.fileName(), request.file());
            label = "fichier " + (request.fileName() == null ? key + ".dmn" : request.fileName());
        } else {
            CandidateDecisions.Deployed deployed = decisions.deployed(key, request.version());
            requireSimulated(key);
            candidate = deployed.decision();
            label = "version " + deployed.version();
        }
        CandidateDecisions.requireOutputs(
                candidate,
                request.file() != null ? "file" : "decisionKey",
                key.equals(ELIGIBILITY_DECISION)
                        ? List.of("eligible", "score", "reasons")
                        : List.of("compliant", "refusedCommitments"));
        DmnDecision eligibility = decisions.deployed(ELIGIBILITY_DECISION, null).decision();
        DmnDecision charter = decisions.deployed(CHARTER_DECISION, null).decision();
        DecisionPair judged = key.equals(ELIGIBILITY_DECISION)
                ? new DecisionPair(candidate, charter)
                : new DecisionPair(eligibility, candidate);
        Baseline baseline = request.baseline() == null ? Baseline.STORED : request.baseline();
        DecisionPair deployedPair = baseline == Baseline.DEPLOYED ? new DecisionPair(eligibility, charter) : null;
        Simulator simulator = new Simulator(bodies, territories, decisions.engine(), judged, deployedPair, listed);
        if (request.submittedFrom() != null
                && request.submittedTo() != null
                && request.submittedTo().isBefore(request.submittedFrom())) {
            throw ProblemException.invalid("submittedTo", "antérieure à submittedFrom");
        }
        var scope = new StoredApplications.Scope(
                request.submittedFrom(), request.submittedTo(), blankToNull(request.departement()));
        Tally tally = SimulationRun.run(sink -> applications.forEach(scope, sink), simulator, threads);
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        log.info(
                "Simulated {} ({}) against {} on {} applications in {} ms: {} changed, {} failed",
                key,
                label,
                baseline,
                tally.applications,
                elapsed,
                tally.changed,
                tally.failed + tally.unreadable);
        return new Listing(
                SimulationReport.of(key, label, baseline.name().toLowerCase(Locale.ROOT), tally, elapsed),
                List.copyOf(tally.changes.values()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void requireSimulated(String key) {
        if (!SIMULATED.contains(key)) {
            throw ProblemException.invalid(
                    "decisionKey",
                    "seules les décisions " + SIMULATED + " se simulent sur les demandes enregistrées, pas " + key);
        }
    }
}
