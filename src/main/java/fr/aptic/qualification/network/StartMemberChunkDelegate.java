package fr.aptic.qualification.network;

import static fr.aptic.qualification.network.NetworkBatchProcess.BATCH_ID;
import static fr.aptic.qualification.network.NetworkBatchProcess.CHUNK_INDEX;
import static fr.aptic.qualification.network.NetworkBatchProcess.CHUNK_SIZE;
import static fr.aptic.qualification.network.NetworkBatchProcess.NETWORK_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_StartMemberChunk}: starts one chunk of the batch's member processes, in this job's transaction. */
@Component
class StartMemberChunkDelegate implements JavaDelegate {

    private final MemberProcesses processes;

    StartMemberChunkDelegate(MemberProcesses processes) {
        this.processes = processes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        processes.startChunk(
                BATCH_ID.get(execution),
                NETWORK_ID.get(execution),
                CHUNK_INDEX.get(execution),
                CHUNK_SIZE.get(execution));
    }
}
