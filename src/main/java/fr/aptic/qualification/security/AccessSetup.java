package fr.aptic.qualification.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The groups of the contract and what each may do in the engine, created at every start when missing:
 * hubs and networks see only the tasks routed to their group (through the per-task authorizations the
 * engine grants candidate groups) and the instances {@link InstanceAccess} opens to them; the national team
 * reads everything and works its own tasks; the back office alone (with administrators) reads bank details;
 * process owners deploy models and read definitions but work no task. Also the shared Tasklist filters, in
 * French: each user sees in them only the tasks the engine lets them read. The README's authorization matrix says the same, cell by cell.
 */
public class AccessSetup {

    public static final String ADMIN = "camunda-admin";
    public static final String NATIONAL = "aptic-qualification";
    public static final String BACK_OFFICE = "aptic-back-office";
    public static final String PROCESS_OWNERS = "process-owners";
    /**
     * The processes whose variables hold bank details (task-local variables of Task_ValidateBankDetails): only
     * the back office and administrators read their variables.
     */
    public static final String CONTRACTING = "contracting";

    public static final Set<String> CONFIDENTIAL_PROCESSES = Set.of(CONTRACTING);
    public static final String MY_TASKS = "Mes tâches";
    public static final String GROUP_TASKS = "Tâches de mon groupe";
    /** The tasks past their due date ({@code aptic.deadlines.*}), whoever may see them. */
    public static final String OVERDUE = "En retard";
    /** The tasks past their follow-up date. */
    public static final String FOLLOW_UP = "À suivre";

    private static final Logger log = LoggerFactory.getLogger(AccessSetup.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    public AccessSetup(
            IdentityService identity, AuthorizationService authorizations, FilterService filters, TaskService tasks) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    public void ensure() {
        group(ADMIN, "Administrateurs", "SYSTEM");
        group(NATIONAL, "Équipe nationale de qualification #APTIC", "WORKFLOW");
        group(BACK_OFFICE, "Back-office #APTIC (banque, abonnements)", "WORKFLOW");
        group(PROCESS_OWNERS, "Responsables des processus et des règles", "WORKFLOW");
        for (Resources resource : Resources.values()) {
            grant(ADMIN, resource, "*", Permissions.ALL);
        }
        for (String group : Set.of(NATIONAL, BACK_OFFICE)) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.FILTER, "*", Permissions.READ);
            grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        }
        // The national team reads every instance and task, and works on the tasks routed to it (reviews where
        // no hub applies, overdue reviews, audits) through the engine's per-task grants; it never completes a
        // hub's or the back office's task on their behalf. Variables: see variableReaders.
        grant(
                NATIONAL,
                Resources.PROCESS_DEFINITION,
                "*",
                Permissions.READ,
                Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY,
                Permissions.READ_TASK);
        withdraw(NATIONAL, Resources.PROCESS_DEFINITION, "*", Permissions.UPDATE_TASK);
        grant(NATIONAL, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        grant(NATIONAL, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
        grant(NATIONAL, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
        grant(NATIONAL, Resources.TASK, "*", Permissions.READ);
        withdraw(NATIONAL, Resources.TASK, "*", Permissions.UPDATE);
        // The back office sees the contract step, bank details included, in Cockpit and Tasklist.
        grant(
                BACK_OFFICE,
                Resources.PROCESS_DEFINITION,
                CONTRACTING,
                Permissions.READ,
                Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
                ProcessDefinitionPermissions.READ_TASK_VARIABLE);
        // Process owners deploy models and follow how they run; they work no task and read no bank details.
        grant(PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(PROCESS_OWNERS, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ, Permissions.DELETE);
        grant(
                PROCESS_OWNERS,
                Resources.PROCESS_DEFINITION,
                "*",
                Permissions.READ,
                Permissions.READ_HISTORY,
                Permissions.UPDATE,
                Permissions.READ_INSTANCE,
                // moves running instances to a new version (docs/process-owners.md)
                Permissions.MIGRATE_INSTANCE);
        grant(
                PROCESS_OWNERS,
                Resources.DECISION_DEFINITION,
                "*",
                Permissions.READ,
                Permissions.READ_HISTORY,
                Permissions.UPDATE,
                Permissions.CREATE_INSTANCE);
        grant(PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
        for (String hubId : hubIds()) {
            reviewerGroup("hub-" + hubId, "Hub territorial " + hubId);
        }
        filter(
                MY_TASKS,
                "Les tâches qui me sont attribuées",
                -10,
                identityTaskQuery().taskAssigneeExpression("${currentUser()}"));
        filter(
                GROUP_TASKS,
                "Les tâches de mes groupes, à prendre en charge",
                -5,
                identityTaskQuery()
                        .taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks());
        // ${now()} is read when the filter is listed: the engine's clock at that moment
        filter(
                OVERDUE,
                "Les tâches dont l'échéance est passée",
                0,
                "#ce0500",
                identityTaskQuery()
                        .dueBeforeExpression("${now()}")
                        .orderByDueDate()
                        .asc());
        filter(
                FOLLOW_UP,
                "Les tâches dont la date de suivi est arrivée",
                5,
                identityTaskQuery()
                        .followUpBeforeExpression("${now()}")
                        .orderByFollowUpDate()
                        .asc());
        for (String filter : List.of(MY_TASKS, GROUP_TASKS, OVERDUE, FOLLOW_UP)) {
            grant(Authorization.ANY, Resources.FILTER, filterId(filter), Permissions.READ);
        }
    }

    /**
     * Lets the national team and process owners read the variables of these processes (runtime, history and
     * task forms), except the confidential ones. Called at start with every deployed process key: a process
     * deployed later gets its readers at the next start; until then only administrators read its variables.
     */
    public void variableReaders(Collection<String> processKeys) {
        for (String key : processKeys) {
            if (CONFIDENTIAL_PROCESSES.contains(key)) {
                continue;
            }
            grant(
                    NATIONAL,
                    Resources.PROCESS_DEFINITION,
                    key,
                    ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                    ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
                    ProcessDefinitionPermissions.READ_TASK_VARIABLE);
            grant(
                    PROCESS_OWNERS,
                    Resources.PROCESS_DEFINITION,
                    key,
                    ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                    ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
        }
    }

    /** A group whose members review in Tasklist: hubs and networks. They see only their own tasks. */
    public void reviewerGroup(String groupId, String name) {
        group(groupId, name, "WORKFLOW");
        grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        // Definitions are the published models, not data: Tasklist shows their names beside each task.
        grant(groupId, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
    }

    public void group(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
            log.info("Created group {}", id);
        }
    }

    /**
     * Grants a group permissions on a resource, adding them to what an earlier start granted (so a permission
     * added here reaches existing databases too); {@link Authorization#ANY} grants every user, globally.
     */
    public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        boolean everyone = Authorization.ANY.equals(groupId);
        Authorization authorization = find(groupId, resource, resourceId);
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(
                    everyone ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT);
            if (!everyone) {
                authorization.setGroupId(groupId);
            }
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        } else if (Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
            return;
        }
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }

    /** Takes back permissions an earlier version granted (existing databases keep their authorizations). */
    public void withdraw(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = find(groupId, resource, resourceId);
        if (authorization == null || Arrays.stream(permissions).noneMatch(authorization::isPermissionGranted)) {
            return;
        }
        for (Permission permission : permissions) {
            authorization.removePermission(permission);
        }
        authorizations.saveAuthorization(authorization);
        log.info(
                "Withdrew {} on {} {} from {}",
                Arrays.toString(permissions),
                resource.resourceName(),
                resourceId,
                groupId);
    }

    private Authorization find(String groupId, Resource resource, String resourceId) {
        boolean everyone = Authorization.ANY.equals(groupId);
        var query =
                authorizations.createAuthorizationQuery().resourceType(resource).resourceId(resourceId);
        if (everyone) {
            query.authorizationType(Authorization.AUTH_TYPE_GLOBAL);
        } else {
            query.groupIdIn(groupId);
        }
        int type = everyone ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT;
        return query.list().stream()
                .filter(a -> a.getAuthorizationType() == type)
                .findFirst()
                .orElse(null);
    }

    private TaskQuery identityTaskQuery() {
        return tasks.createTaskQuery();
    }

    private void filter(String name, String description, int priority, TaskQuery query) {
        filter(name, description, priority, "#1f6fb2", query);
    }

    private void filter(String name, String description, int priority, String color, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(name)
                .setQuery(query)
                .setProperties(
                        Map.of("description", description, "priority", priority, "refresh", true, "color", color));
        filters.saveFilter(filter);
    }

    private String filterId(String name) {
        return filters.createFilterQuery().filterName(name).singleResult().getId();
    }

    /** Every hub id of the reference list (a hub with several periods appears once). */
    public static Set<String> hubIds() {
        Set<String> ids = new LinkedHashSet<>();
        try (var in = AccessSetup.class.getResourceAsStream("/reference/hubs.csv");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    ids.add(line.substring(0, line.indexOf(',')));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }
}
