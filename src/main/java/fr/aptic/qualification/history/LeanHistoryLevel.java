package fr.aptic.qualification.history;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * The engine's {@code full} history, less the rows that repeat what the caller of a copying process keeps
 * (history-level {@value #NAME}): the variables of the processes named here, whose variables are copies in and
 * out of their caller's (the eligibility assessment, called by every path), are not historised, neither as
 * historic variables nor as update details. The caller's historic variables and details hold the same values.
 *
 * <p>Inside the bulk processes ({@link BulkProcesses}: a network's members), a value a call activity copies from one
 * instance to another is recorded as the historic variable that holds it, without a detail repeating its
 * creation: the instance it came from recorded it (the assessment's answering decisions, the application's
 * fields kept with it). Every later change of it is detailed. The none start and end events and the exclusive
 * gateways a member passes at once have no activity instance: the activities before and after them tell its path.
 *
 * <p>Everything else is recorded as at {@code full}: instances, activities, tasks, every other variable with the
 * detail of each update (who changed bank details, and from what, stays answerable), decisions with their inputs
 * and outputs, identity links, incidents, the operation log. Its id is {@code full}'s, so a database set up with
 * {@code full} runs with it and back (the engine compares levels by id at start).
 *
 * <p>A member of a network writes about 190 rows until its attestation task at {@code full}, 55 at
 * {@value #NAME}.
 */
public class LeanHistoryLevel extends HistoryLevelFull {

    public static final String NAME = "full-lean";

    /** The element types a member passes at once, whose activity instances bulk processes do not record. */
    static final Set<Object> PASS_THROUGH =
            Set.of(ActivityTypes.START_EVENT, ActivityTypes.END_EVENT_NONE, ActivityTypes.GATEWAY_EXCLUSIVE);

    private final Set<String> processesWithoutVariableHistory;
    private final BulkProcesses bulkProcesses;
    // process definition id -> key: asked for each variable written, and an id's key never changes
    private final Map<String, String> keysByDefinitionId = new ConcurrentHashMap<>();

    LeanHistoryLevel(Set<String> processesWithoutVariableHistory, BulkProcesses bulkProcesses) {
        this.processesWithoutVariableHistory = Set.copyOf(processesWithoutVariableHistory);
        this.bulkProcesses = bulkProcesses;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (isVariableEvent(eventType) && processesWithoutVariableHistory.contains(processDefinitionKey(entity))) {
            return false;
        }
        if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL && isBulkCopyByCallActivity(entity)) {
            return false;
        }
        if (isActivityInstanceEvent(eventType) && isBulkPassThrough(entity)) {
            return false;
        }
        return true;
    }

    private static boolean isActivityInstanceEvent(HistoryEventType eventType) {
        return eventType == HistoryEventTypes.ACTIVITY_INSTANCE_START
                || eventType == HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE
                || eventType == HistoryEventTypes.ACTIVITY_INSTANCE_END
                || eventType == HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE;
    }

    // Inside a bulk process, an element a member passes at once, holding no work and no decision: a none start
    // or end event, an exclusive gateway. The path it stands on is told by the activities before and after it.
    private boolean isBulkPassThrough(Object entity) {
        if (!(entity instanceof ExecutionEntity execution) || execution.getActivity() == null) {
            return false;
        }
        return PASS_THROUGH.contains(execution.getActivity().getProperty("type")) && bulkProcesses.contains(execution);
    }

    // Inside a bulk process, a variable created in one process instance while another one executes: a call
    // activity copying values in or out (the copies of an ended assessment are written while it ends). Its
    // historic variable instance holds the value, which the process it came from recorded already (the
    // assessment's decisions, the application's fields); any later change is detailed as usual.
    private boolean isBulkCopyByCallActivity(Object entity) {
        if (!(entity instanceof HistoryEvent event)
                || !event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)) {
            return false;
        }
        BpmnExecutionContext context = Context.getBpmnExecutionContext();
        if (context == null || event.getProcessInstanceId() == null) {
            return false;
        }
        ExecutionEntity running = context.getExecution();
        return !event.getProcessInstanceId().equals(running.getProcessInstanceId()) && bulkProcesses.contains(running);
    }

    private static boolean isVariableEvent(HistoryEventType eventType) {
        return eventType == HistoryEventTypes.VARIABLE_INSTANCE_CREATE
                || eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE
                || eventType == HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE
                || eventType == HistoryEventTypes.VARIABLE_INSTANCE_DELETE
                || eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL;
    }

    // the key of the process a variable belongs to, or null (a task's or a case's variable, or no definition)
    private String processDefinitionKey(Object entity) {
        if (entity instanceof HistoryEvent event) {
            return event.getProcessDefinitionKey();
        }
        if (entity instanceof VariableInstanceEntity variable && variable.getProcessDefinitionId() != null) {
            return keysByDefinitionId.computeIfAbsent(variable.getProcessDefinitionId(), LeanHistoryLevel::keyOf);
        }
        return null;
    }

    private static String keyOf(String processDefinitionId) {
        ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration()
                .getDeploymentCache()
                .findDeployedProcessDefinitionById(processDefinitionId);
        return definition == null ? null : definition.getKey();
    }
}
