package fr.aptic.qualification.network;

import fr.aptic.qualification.engine.ProcessVariable;

/**
 * The batch's process ({@code bpmn/network-batch.bpmn}, business key = batch id): starts the members' processes
 * in the background, one chunk per job, chunks in parallel.
 */
public final class NetworkBatchProcess {

    public static final String KEY = "network-batch";

    public static final String START = "StartEvent_BatchStored";
    public static final String MEMBER_CHUNKS = "SubProcess_MemberChunk";
    public static final String START_MEMBER_CHUNK = "ServiceTask_StartMemberChunk";
    public static final String CHUNK_STARTED = "EndEvent_ChunkStarted";
    public static final String END = "EndEvent_MembersStarted";

    public static final ProcessVariable<String> BATCH_ID = ProcessVariable.of("batchId", String.class);
    public static final ProcessVariable<String> NETWORK_ID = ProcessVariable.of("networkId", String.class);
    /** The accepted members to start. */
    public static final ProcessVariable<Integer> MEMBERS = ProcessVariable.of("members", Integer.class);
    /** Members started per job (one transaction). */
    public static final ProcessVariable<Integer> CHUNK_SIZE = ProcessVariable.of("chunkSize", Integer.class);
    /** The multi-instance's cardinality: ceil(members / chunkSize). */
    public static final ProcessVariable<Integer> CHUNK_COUNT = ProcessVariable.of("chunkCount", Integer.class);
    /** The engine's multi-instance counter (0-based): which chunk this instance starts. */
    public static final ProcessVariable<Integer> CHUNK_INDEX = ProcessVariable.of("loopCounter", Integer.class);

    private NetworkBatchProcess() {}
}
