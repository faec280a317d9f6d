package fr.aptic.qualification.security;

import fr.aptic.qualification.engine.TransactionScoped;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * Lets the group an application is routed to (a hub, a network) see that application's process instance and
 * its history through the engine, and nothing else: the engine grants candidate groups their tasks; this adds
 * the instance itself, so a reviewer's process-instance and history queries show their own work. Variables
 * stay behind the specific variable permissions (a reviewer reads them through their task).
 */
@Component
public class InstanceAccess {

    private final AuthorizationService authorizations;
    // the grants of this transaction (a chunk of a network's members makes two hundred): the engine's entity
    // cache holds them too, but finding one there means going through all of them
    private final TransactionScoped<Set<String>> grantedInThisTransaction = TransactionScoped.of(HashSet::new);

    public InstanceAccess(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    /** Grants {@code groupId} read access to the execution's process instance and its history, once. */
    public void grantRead(DelegateExecution execution, String groupId) {
        if (groupId == null || groupId.isBlank()) {
            return;
        }
        String instanceId = execution.getProcessInstanceId();
        String rootId = ((ExecutionEntity) execution).getRootProcessInstanceId();
        // The user whose action led here (an applicant, a partner) may hold no right to grant anything.
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            throw new IllegalStateException("grantRead runs inside the engine (a delegate or a listener)");
        }
        // An instance started in this transaction has nothing granted in the database yet: no query needed.
        boolean startedNow = context.getDbEntityManager()
                .getDbEntityCache()
                .isTransient(((ExecutionEntity) execution).getProcessInstance());
        java.util.concurrent.Callable<Void> grant = () -> {
            save(context, startedNow, groupId, Resources.PROCESS_INSTANCE, instanceId, rootId, Permissions.READ);
            save(
                    context,
                    startedNow,
                    groupId,
                    Resources.HISTORIC_PROCESS_INSTANCE,
                    instanceId,
                    rootId,
                    HistoricProcessInstancePermissions.READ);
            return null;
        };
        context.runWithoutAuthorization(grant);
    }

    private void save(
            CommandContext context,
            boolean startedNow,
            String groupId,
            Resources resource,
            String instanceId,
            String rootId,
            org.camunda.bpm.engine.authorization.Permission permission) {
        if (grantedInThisTransaction(context, groupId, resource, instanceId)) {
            return;
        }
        if (!startedNow
                && authorizations
                                .createAuthorizationQuery()
                                .groupIdIn(groupId)
                                .resourceType(resource)
                                .resourceId(instanceId)
                                .count()
                        > 0) {
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(instanceId);
        authorization.addPermission(permission);
        // History cleanup removes the authorization with the instance's history.
        AuthorizationEntity entity = (AuthorizationEntity) authorization;
        entity.setRootProcessInstanceId(rootId);
        if (startedNow && insertedDirectly(context, entity, resource, instanceId)) {
            return;
        }
        authorizations.saveAuthorization(authorization);
    }

    /**
     * For an instance started in this transaction, what saveAuthorization does without its database read: the
     * historic instance whose removal time the grant takes (none yet under the default end-based strategy) is the
     * one in the entity cache. False, and nothing done, where that instance is not there.
     */
    private static boolean insertedDirectly(
            CommandContext context, AuthorizationEntity authorization, Resources resource, String instanceId) {
        if (resource == Resources.HISTORIC_PROCESS_INSTANCE) {
            HistoricProcessInstanceEventEntity historic =
                    context.getDbEntityManager().getCachedEntity(HistoricProcessInstanceEventEntity.class, instanceId);
            if (historic == null) {
                return false;
            }
            authorization.setRootProcessInstanceId(historic.getRootProcessInstanceId());
            authorization.setRemovalTime(historic.getRemovalTime());
        }
        context.getAuthorizationManager().validateResourceCompatibility(authorization);
        context.getAuthorizationManager().insert(authorization);
        return true;
    }

    // an authorization saved earlier in this transaction, which a query of the database does not see yet
    private boolean grantedInThisTransaction(
            CommandContext context, String groupId, Resources resource, String instanceId) {
        Set<String> granted = grantedInThisTransaction.get();
        if (granted != null) {
            return !granted.add(groupId + '\n' + resource.resourceType() + '\n' + instanceId);
        }
        DbEntityCache cache = context.getDbEntityManager().getDbEntityCache();
        for (AuthorizationEntity cached : cache.getEntitiesByType(AuthorizationEntity.class)) {
            if (!cache.isDeleted(cached)
                    && groupId.equals(cached.getGroupId())
                    && cached.getResourceType() == resource.resourceType()
                    && instanceId.equals(cached.getResourceId())) {
                return true;
            }
        }
        return false;
    }
}
