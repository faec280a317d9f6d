package fr.aptic.qualification.network;

import fr.aptic.qualification.application.FreeQualificationProcess;
import fr.aptic.qualification.engine.SystemAuthority;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Starts the processes of a batch: the batch's own process when the batch is stored, then, from its jobs,
 * the members' processes one chunk at a time (each chunk in the job's transaction, so a chunk starts whole or
 * not at all, and a retried job starts only the members still waiting).
 */
@Component
class MemberProcesses {

    /**
     * Members started per transaction by default: enough to share the commit and write each table's rows in a few
     * statements, few enough to keep a retry cheap (network benchmark: 100 gave 426 members/s, 50 gave 410, 200
     * gave 408, 25 gave 340).
     */
    static final int CHUNK_SIZE = 100;

    private static final Logger log = LoggerFactory.getLogger(MemberProcesses.class);

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final NetworkRepository networks;
    private final SystemAuthority authority;
    private final int chunkSize;

    MemberProcesses(
            RuntimeService runtime,
            RepositoryService repository,
            NetworkRepository networks,
            SystemAuthority authority,
            @Value("${aptic.network.chunk-size:" + CHUNK_SIZE + "}") int chunkSize) {
        this.chunkSize = chunkSize;
        this.runtime = runtime;
        this.repository = repository;
        this.networks = networks;
        this.authority = authority;
    }

    /** Starts the batch's process; its first step is asynchronous, so nothing runs in the caller's request. */
    ProcessInstance startBatch(String batchId, String networkId, int members) {
        Map<String, Object> variables = new HashMap<>();
        NetworkBatchProcess.BATCH_ID.putInto(variables, batchId);
        NetworkBatchProcess.NETWORK_ID.putInto(variables, networkId);
        NetworkBatchProcess.MEMBERS.putInto(variables, members);
        NetworkBatchProcess.CHUNK_SIZE.putInto(variables, chunkSize);
        NetworkBatchProcess.CHUNK_COUNT.putInto(variables, (members + chunkSize - 1) / chunkSize);
        // Started for the system: partners have no engine permission to start processes.
        return authority.call(() -> runtime.startProcessInstanceByKey(NetworkBatchProcess.KEY, batchId, variables));
    }

    /** Starts the member processes of one chunk of a batch (chunk 0 holds its first {@code chunkSize} members). */
    int startChunk(String batchId, String networkId, int chunk, int chunkSize) {
        NetworkRepository.Batch batch = networks.findBatch(networkId, batchId)
                .orElseThrow(() -> new IllegalStateException("No batch " + batchId));
        int from = batch.firstRank() + chunk * chunkSize;
        List<String> applicationIds = networks.submittedMembers(batchId, from, from + chunkSize - 1);
        // One definition lookup per chunk instead of one per start.
        String definitionId = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(NetworkMemberProcess.KEY)
                .latestVersion()
                .singleResult()
                .getId();
        for (String applicationId : applicationIds) {
            start(definitionId, applicationId);
        }
        log.debug("Batch {} chunk {}: {} member processes started", batchId, chunk, applicationIds.size());
        return applicationIds.size();
    }

    /** The one place a member's process starts: business key and variable applicationId are the application's id. */
    private ProcessInstance start(String definitionId, String applicationId) {
        Map<String, Object> variables = new HashMap<>();
        FreeQualificationProcess.APPLICATION_ID.putInto(variables, applicationId);
        // the path is the process's own (its call activity passes NETWORK to the assessment): no variable for it
        return runtime.startProcessInstanceById(definitionId, applicationId, variables);
    }
}
