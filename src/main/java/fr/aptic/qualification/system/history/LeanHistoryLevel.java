package fr.aptic.qualification.system.history;

import java.util.Set;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * The engine's {@code full} history, less two kinds of rows that repeat what is kept elsewhere (history-level
 * {@value #NAME}):
 *
 * <ul>
 *   <li>the detail of every variable update ({@code ACT_HI_DETAIL}): the historic variable keeps each variable's
 *       last value, the application's timeline says who did what and when, and Community Edition's Cockpit shows
 *       no details;
 *   <li>the variables of the processes named here, whose variables are copies in and out of their caller's
 *       (the eligibility assessment, called by every path): the caller's historic variables hold the same values.
 * </ul>
 *
 * <p>Everything else is recorded as at {@code full}: instances, activities, tasks, decisions with their inputs and
 * outputs, identity links, incidents, the operation log. Its id is {@code full}'s, so a database set up with
 * {@code full} runs with it and back (the engine compares levels by id at start).
 *
 * <p>A member of a network costs about 190 rows until its attestation task at {@code full}; the repeated ones are
 * about 50 of them.
 */
public class LeanHistoryLevel extends HistoryLevelFull {

    public static final String NAME = "full-lean";

    private final Set<String> processesWithoutVariableHistory;

    public LeanHistoryLevel(Set<String> processesWithoutVariableHistory) {
        this.processesWithoutVariableHistory = Set.copyOf(processesWithoutVariableHistory);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL) {
            return false;
        }
        if (isVariableEvent(eventType) && processesWithoutVariableHistory.contains(processDefinitionKey(entity))) {
            return false;
        }
        return true;
    }

    private static boolean isVariableEvent(HistoryEventType eventType) {
        return eventType == HistoryEventTypes.VARIABLE_INSTANCE_CREATE
                || eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE
                || eventType == HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE
                || eventType == HistoryEventTypes.VARIABLE_INSTANCE_DELETE;
    }

    // the key of the process a variable belongs to, or null (a task's or a case's variable, or no definition)
    private static String processDefinitionKey(Object entity) {
        if (entity instanceof HistoryEvent event) {
            return event.getProcessDefinitionKey();
        }
        if (entity instanceof VariableInstanceEntity variable && variable.getProcessDefinitionId() != null) {
            ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration()
                    .getDeploymentCache()
                    .findDeployedProcessDefinitionById(variable.getProcessDefinitionId());
            return definition == null ? null : definition.getKey();
        }
        return null;
    }
}
