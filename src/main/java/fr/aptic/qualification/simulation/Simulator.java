package fr.aptic.qualification.simulation;

import com.fasterxml.jackson.databind.ObjectReader;
import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.eligibility.AssessmentInputs;
import fr.aptic.qualification.eligibility.AssessmentService.Assessment;
import fr.aptic.qualification.reference.Territories;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.camunda.bpm.dmn.engine.DmnEngine;

/**
 * One simulation step: rebuilds an application's decision inputs from its stored body and submission date,
 * judges it with the candidate, and counts how that compares with the baseline (the outcome stored when it
 * was assessed, or what the deployed decisions say now). Stateless: one instance serves every worker.
 */
final class Simulator implements BiConsumer<StoredApplication, Tally> {

    private final ObjectReader bodies;
    private final Territories territories;
    private final DmnEngine engine;
    private final DecisionPair candidate;
    /** The deployed decisions to compare with; null to compare with the stored outcome. */
    private final DecisionPair deployed;
    /** How many changed applications to list one by one (the smallest ids); 0 for none. */
    private final int listed;

    Simulator(
            ObjectReader bodies,
            Territories territories,
            DmnEngine engine,
            DecisionPair candidate,
            DecisionPair deployed) {
        this(bodies, territories, engine, candidate, deployed, 0);
    }

    Simulator(
            ObjectReader bodies,
            Territories territories,
            DmnEngine engine,
            DecisionPair candidate,
            DecisionPair deployed,
            int listed) {
        this.bodies = bodies;
        this.territories = territories;
        this.engine = engine;
        this.candidate = candidate;
        this.deployed = deployed;
        this.listed = listed;
    }

    @Override
    public void accept(StoredApplication row, Tally tally) {
        if (deployed == null && !row.assessed()) {
            tally.notAssessed++;
            return;
        }
        ApplicationRequest request;
        try {
            request = bodies.readValue(row.body());
        } catch (IOException | RuntimeException e) {
            tally.unreadable(
                    row.id(), "demande enregistrée illisible : " + e.getClass().getSimpleName());
            return;
        }
        Map<String, Object> inputs;
        try {
            inputs = AssessmentInputs.of(request, row.submittedOn(), territories);
        } catch (RuntimeException e) {
            tally.unreadable(row.id(), "demande enregistrée incomplète : " + CandidateDecisions.messages(e));
            return;
        }
        Assessment before;
        Assessment after;
        try {
            before = deployed == null ? stored(row) : deployed.assess(engine, inputs);
        } catch (RuntimeException e) {
            tally.failed(row.id(), "version déployée : " + CandidateDecisions.messages(e));
            return;
        }
        try {
            after = candidate.assess(engine, inputs);
        } catch (RuntimeException e) {
            tally.failed(row.id(), "candidate : " + CandidateDecisions.messages(e));
            return;
        }
        if (tally.record(row.id(), row.departement(), before, after) && listed > 0) {
            tally.list(
                    new SimulationService.Change(
                            row.id(),
                            request.siret(),
                            request.organisation() == null
                                    ? null
                                    : request.organisation().name(),
                            row.departement(),
                            Tally.label(before),
                            Tally.label(after),
                            before.score(),
                            after.score(),
                            after.reasons().stream()
                                    .filter(r -> !before.reasons().contains(r))
                                    .toList(),
                            before.reasons().stream()
                                    .filter(r -> !after.reasons().contains(r))
                                    .toList()),
                    listed);
        }
    }

    static Assessment stored(StoredApplication row) {
        String reasons = row.reasons();
        List<String> codes = reasons == null || reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split("\\|"));
        return new Assessment(row.eligible(), row.score(), codes);
    }
}
