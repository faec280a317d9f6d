package fr.aptic.qualification.security;

import fr.aptic.qualification.web.FieldError;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Closes the engine's expression language to task queries, at the engine, whatever surface a query comes
 * through ({@code /engine-rest}, the webapps' {@code /camunda/api/engine}, the Java API):
 *
 * <ul>
 *   <li>before a command runs, the query it is (a task list or count), the filter it stores (create, update) or
 *       the filter it lists (the stored query, and the extending query sent with it) is checked, or-queries
 *       included, and refused with the fields named ({@link QueryExpressions});
 *   <li>the engine's expression manager refuses any query expression outside the allow-list when asked to
 *       evaluate it ({@link GuardedExpressionManager}), for a path nobody listed here.
 * </ul>
 *
 * With that, expressions are allowed in ad-hoc queries too: {@code ${currentUser()}} works at the top level of
 * a REST query as it does in a Tasklist filter, and nothing else works anywhere.
 */
@Component
public class QueryExpressionPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new Check());
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
        configuration.setEnableExpressionsInAdhocQueries(true);
        configuration.setEnableExpressionsInStoredQueries(true);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!(configuration.getExpressionManager() instanceof GuardedExpressionManager)) {
            configuration.setExpressionManager(new GuardedExpressionManager(configuration.getExpressionManager()));
        }
    }

    /** Runs inside the command's context, before the command: what it would evaluate is checked first. */
    static final class Check extends CommandInterceptor {

        private static final Field SAVED_FILTER = field(SaveFilterCmd.class, "filter");
        private static final Field FILTER_ID = field(AbstractExecuteFilterCmd.class, "filterId");
        private static final Field EXTENDING_QUERY = field(AbstractExecuteFilterCmd.class, "extendingQuery");

        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof AbstractQuery<?, ?> query) {
                refuse(QueryExpressions.refusals(query, ""));
            } else if (command instanceof SaveFilterCmd) {
                if (read(SAVED_FILTER, command) instanceof Filter filter
                        && filter.getQuery() instanceof AbstractQuery<?, ?> query) {
                    refuse(QueryExpressions.refusals(query, "query."));
                }
            } else if (command instanceof AbstractExecuteFilterCmd) {
                if (read(EXTENDING_QUERY, command) instanceof AbstractQuery<?, ?> extending) {
                    refuse(QueryExpressions.refusals(extending, ""));
                }
                if (read(FILTER_ID, command) instanceof String filterId) {
                    // The command reads the same filter again, from the command context's cache. A filter stored
                    // before this check existed is refused here, as one stored now would have been.
                    Filter stored =
                            Context.getCommandContext().getFilterManager().findFilterById(filterId);
                    if (stored != null && stored.getQuery() instanceof AbstractQuery<?, ?> query) {
                        refuse(QueryExpressions.refusals(query, "filter.query."));
                    }
                }
            }
            return next.execute(command);
        }

        private static void refuse(List<FieldError> errors) {
            if (!errors.isEmpty()) {
                throw new RefusedExpressionException(errors);
            }
        }

        private static Field field(Class<?> type, String name) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(
                        "The engine's " + type.getSimpleName() + " has no field " + name + ": check the query guard",
                        e);
            }
        }

        private static Object read(Field field, Object target) {
            try {
                return field.get(target);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
