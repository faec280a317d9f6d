package fr.aptic.qualification.security;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's default authorizations for tasks (a candidate group may read and work on its task, and read its
 * history), without asking the database whether a task created in this very transaction already has one: it
 * cannot, since the task's id is new. Grants made earlier in the transaction are still merged as the engine
 * does, from its entity cache. Every network member's attestation task saved two queries this way.
 */
@Component
public class NewTaskAuthorizationPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getResourceAuthorizationProvider() == null
                || configuration.getResourceAuthorizationProvider().getClass() == DefaultAuthorizationProvider.class) {
            configuration.setResourceAuthorizationProvider(new NewTaskAuthorizationProvider());
        }
    }

    static class NewTaskAuthorizationProvider extends DefaultAuthorizationProvider {

        @Override
        protected AuthorizationEntity getGrantAuthorization(
                String taskId, String userId, String groupId, Resource resource) {
            if (createdInThisTransaction(taskId)) {
                return null;
            }
            return super.getGrantAuthorization(taskId, userId, groupId, resource);
        }

        private static boolean createdInThisTransaction(String taskId) {
            CommandContext context = Context.getCommandContext();
            if (context == null || taskId == null) {
                return false;
            }
            CachedDbEntity cached =
                    context.getDbEntityManager().getDbEntityCache().getCachedEntity(TaskEntity.class, taskId);
            return cached != null && cached.getEntityState() == DbEntityState.TRANSIENT;
        }
    }
}
