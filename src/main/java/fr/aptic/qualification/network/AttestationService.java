package fr.aptic.qualification.network;

import fr.aptic.qualification.application.Application;
import fr.aptic.qualification.application.ApplicationRepository;
import fr.aptic.qualification.application.FreeQualificationProcess;
import fr.aptic.qualification.engine.SystemAuthority;
import fr.aptic.qualification.engine.TaskDecision;
import fr.aptic.qualification.web.FieldError;
import fr.aptic.qualification.web.ProblemException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Attests or refuses many members at once, as partners work (Tasklist completes one task at a time): each
 * member's {@code Task_AttestMember} is completed as the calling user, so the engine's authorizations and the
 * task's server-side validation apply exactly as in Tasklist. Each completion is its own transaction: one
 * member's failure leaves the others done, and the answer says what happened to each.
 */
@Service
class AttestationService {

    static final int MAX_MEMBERS = 1000;

    private static final Logger log = LoggerFactory.getLogger(AttestationService.class);

    private final NetworkService networks;
    private final ApplicationRepository applications;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final SystemAuthority authority;

    AttestationService(
            NetworkService networks,
            ApplicationRepository applications,
            TaskService tasks,
            RuntimeService runtime,
            SystemAuthority authority) {
        this.runtime = runtime;
        this.networks = networks;
        this.applications = applications;
        this.tasks = tasks;
        this.authority = authority;
    }

    AttestationAnswer attest(String networkId, AttestationRequest request, NetworkAccess caller) {
        networks.actionable(networkId, caller);
        List<String> ids = validate(request);
        Map<String, Object> variables = new HashMap<>();
        FreeQualificationProcess.DECISION.putInto(variables, request.decision());
        if (request.reason() != null && !request.reason().isBlank()) {
            FreeQualificationProcess.REASON.putInto(variables, request.reason().strip());
        }
        if (request.comment() != null && !request.comment().isBlank()) {
            FreeQualificationProcess.COMMENT.putInto(variables, request.comment());
        }
        List<AttestationAnswer.Result> results = new ArrayList<>(ids.size());
        for (String id : ids) {
            results.add(attestOne(networkId, id, variables));
        }
        int completed = (int) results.stream()
                .filter(r -> r.outcome() == AttestationAnswer.Outcome.COMPLETED)
                .count();
        log.info(
                "Network {}: {} by {} for {} member(s), {} completed",
                networkId,
                request.decision(),
                caller.userId(),
                ids.size(),
                completed);
        return new AttestationAnswer(request.decision(), completed, ids.size() - completed, results);
    }

    /** How many of the network's members await attestation (open attestation tasks). */
    long awaitingCount(String networkId, NetworkAccess caller) {
        networks.readable(networkId, caller);
        return authority.call(() -> attestationTasks(networkId).count());
    }

    private TaskQuery attestationTasks(String networkId) {
        return tasks.createTaskQuery()
                .processDefinitionKey(NetworkMemberProcess.KEY)
                .taskDefinitionKey(NetworkMemberProcess.ATTEST)
                .taskCandidateGroup(Network.groupOf(networkId));
    }

    /**
     * The network's members whose attestation is awaited (an open attestation task), among {@code applicationIds},
     * or all of them when it is {@code null}; in no particular order.
     */
    Set<String> awaiting(String networkId, Collection<String> applicationIds, NetworkAccess caller) {
        networks.readable(networkId, caller);
        if (applicationIds != null && applicationIds.isEmpty()) {
            return Set.of();
        }
        return authority.call(() -> {
            TaskQuery query = attestationTasks(networkId);
            if (applicationIds != null) {
                query.processInstanceBusinessKeyIn(applicationIds.toArray(String[]::new));
            }
            Set<String> instances =
                    query.list().stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
            if (instances.isEmpty()) {
                return Set.of();
            }
            return runtime.createProcessInstanceQuery().processInstanceIds(instances).list().stream()
                    .map(ProcessInstance::getBusinessKey)
                    .collect(Collectors.toSet());
        });
    }

    private AttestationAnswer.Result attestOne(String networkId, String applicationId, Map<String, Object> variables) {
        Optional<Application> application = applications.findById(applicationId);
        if (application.isEmpty() || !networkId.equals(application.get().networkId())) {
            return result(applicationId, AttestationAnswer.Outcome.NOT_FOUND, null, "aucun membre de ce réseau");
        }
        // Found for the system, completed as the caller: a task the caller may not work is "forbidden", not
        // "missing".
        Task task = authority.call(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(applicationId)
                .taskDefinitionKey(NetworkMemberProcess.ATTEST)
                .singleResult());
        if (task == null) {
            return result(
                    applicationId,
                    AttestationAnswer.Outcome.NOT_AWAITING_ATTESTATION,
                    application.get().status().name(),
                    "aucune attestation en attente pour ce membre");
        }
        try {
            tasks.complete(task.getId(), variables);
        } catch (ProcessEngineException e) {
            return failure(applicationId, e);
        }
        String status =
                applications.findById(applicationId).map(a -> a.status().name()).orElse(null);
        return result(applicationId, AttestationAnswer.Outcome.COMPLETED, status, null);
    }

    private AttestationAnswer.Result failure(String applicationId, ProcessEngineException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof FormFieldValidationException invalid) {
                return result(applicationId, AttestationAnswer.Outcome.INVALID, null, message(invalid));
            }
            if (cause instanceof AuthorizationException) {
                return result(
                        applicationId,
                        AttestationAnswer.Outcome.FORBIDDEN,
                        null,
                        "vous ne pouvez pas traiter cette tâche");
            }
            if (cause instanceof OptimisticLockingException) {
                return result(
                        applicationId,
                        AttestationAnswer.Outcome.CONFLICT,
                        null,
                        "tâche modifiée ou terminée entre-temps");
            }
        }
        if (String.valueOf(exception.getMessage()).contains("Cannot find task")) {
            return result(applicationId, AttestationAnswer.Outcome.CONFLICT, null, "tâche terminée entre-temps");
        }
        throw exception;
    }

    private static String message(FormFieldValidationException invalid) {
        String message = String.valueOf(invalid.getMessage());
        String marker = "Exception while invoking TaskListener: ";
        int at = message.lastIndexOf(marker);
        return at < 0 ? message : message.substring(at + marker.length());
    }

    private static AttestationAnswer.Result result(
            String applicationId, AttestationAnswer.Outcome outcome, String status, String message) {
        return new AttestationAnswer.Result(applicationId, outcome, status, message);
    }

    /** The distinct ids to attest; 400 for a request that cannot apply to any member. */
    static List<String> validate(AttestationRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.decision() == null || !AttestationDecisionListener.DECISIONS.contains(request.decision())) {
            errors.add(FieldError.of("decision", "ATTEST ou REFUSE"));
        } else if (NetworkMemberProcess.REFUSED.equals(request.decision())
                && (request.reason() == null || request.reason().isBlank())) {
            errors.add(FieldError.of("reason", "motif obligatoire pour REFUSE"));
        }
        if (request.reason() != null && request.reason().strip().length() > TaskDecision.MAX_REASON) {
            errors.add(FieldError.of("reason", "trop long (au plus " + TaskDecision.MAX_REASON + " caractères)"));
        }
        if (request.comment() != null && request.comment().length() > TaskDecision.MAX_COMMENT) {
            errors.add(FieldError.of("comment", "trop long (au plus " + TaskDecision.MAX_COMMENT + " caractères)"));
        }
        List<String> ids = request.applicationIds();
        if (ids == null || ids.isEmpty()) {
            errors.add(FieldError.of("applicationIds", "au moins un identifiant de demande"));
        } else if (ids.size() > MAX_MEMBERS) {
            errors.add(FieldError.of("applicationIds", "au plus " + MAX_MEMBERS + " membres par envoi"));
        } else {
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                if (id == null || id.isBlank() || id.length() > 36) {
                    errors.add(FieldError.of("applicationIds[" + i + "]", "identifiant de demande invalide"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }
}
