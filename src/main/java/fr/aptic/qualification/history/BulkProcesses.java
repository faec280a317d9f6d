package fr.aptic.qualification.history;

import java.util.Collection;
import java.util.Set;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * The processes started by the thousand (a network's members), named by {@code aptic.history.bulk-processes}:
 * inside them and the processes they call, history leaves out what is recorded elsewhere already. Decision
 * history keeps the decision that answered, not the tables it required ({@link AnsweringDecisionHistoryProducer});
 * a value a call activity copies from one instance to another is a historic variable, not also a creation
 * detail, and the none events and exclusive gateways a member passes at once have no activity instance
 * ({@link LeanHistoryLevel}).
 */
final class BulkProcesses {

    private final Set<String> keys;

    BulkProcesses(Collection<String> keys) {
        this.keys = Set.copyOf(keys);
    }

    /** Whether the execution runs inside a bulk process: in one, or in a process one of them called. */
    boolean contains(ExecutionEntity execution) {
        return !keys.isEmpty() && keys.contains(rootProcessKey(execution));
    }

    // the key of the process that started it all: the caller of the caller…, found in the transaction's cache
    private static String rootProcessKey(ExecutionEntity execution) {
        ExecutionEntity instance = execution.getProcessInstance();
        while (instance.getSuperExecution() != null) {
            instance = instance.getSuperExecution().getProcessInstance();
        }
        return instance.getProcessDefinition().getKey();
    }
}
