package fr.aptic.qualification.security;

import java.util.ArrayList;
import java.util.List;

/**
 * Expressions nobody may run through a task query: bean calls that write (each leaves a marker, a user
 * {@code pwned-NN}, a table or a file, that must never exist), static class access, reflection, string and
 * collection methods on the allowed functions, wrong types, nested or composite expressions, both delimiters,
 * JSON unicode escapes that decode to an expression, malformed and very long input.
 */
final class HostileExpressions {

    /** One case: what it tries, the text sent (as JSON decodes it), and the user it would create, if any. */
    record Hostile(String label, String expression, String user) {
        @Override
        public String toString() {
            return label;
        }
    }

    static final String FILE_MARKER = "/tmp/aptic-pwned-file";
    static final String TABLE_MARKER = "aptic_pwned";

    private HostileExpressions() {}

    static List<Hostile> all() {
        List<Hostile> all = new ArrayList<>();
        int n = 0;
        // Bean calls that write a user, in every shape the parser accepts
        for (String shape : List.of(
                "${identityService.saveUser(identityService.newUser('%s'))}",
                "#{identityService.saveUser(identityService.newUser('%s'))}",
                "${ identityService.saveUser(identityService.newUser('%s')) }",
                "${currentUser()}${identityService.saveUser(identityService.newUser('%s'))}",
                "prefix ${identityService.saveUser(identityService.newUser('%s'))}",
                "${currentUser() == null ? currentUser() : identityService.saveUser(identityService.newUser('%s'))}",
                "${identityService.saveUser(identityService.newUser('%s')) == null ? currentUser() : currentUser()}",
                "${empty identityService.saveUser(identityService.newUser('%s')) ? currentUser() : currentUser()}",
                "${dateTime().plusDays(identityService.saveUser(identityService.newUser('%s')))}",
                "${dateTime().plusDays(1).plusDays(identityService.newUser('%s').hashCode())}",
                "${processEngine.identityService.saveUser(processEngine.identityService.newUser('%s'))}",
                "${processEngineConfiguration.identityService.saveUser(identityService.newUser('%s'))}",
                "${identityService['saveUser'](identityService.newUser('%s'))}",
                "${(identityService).saveUser(identityService.newUser('%s'))}",
                "${[identityService.saveUser(identityService.newUser('%s'))]}",
                "${currentUserGroups().add(identityService.saveUser(identityService.newUser('%s')))}",
                "${jdbcTemplate.update('INSERT INTO ACT_ID_USER (ID_, REV_) VALUES (?, 1)', '%s')}",
                "${jdbcTemplate.execute('INSERT INTO ACT_ID_USER (ID_, REV_) VALUES (''%s'', 1)')}",
                "\u0024{identityService.saveUser(identityService.newUser('%s'))}",
                "$\u007bidentityService.saveUser(identityService.newUser('%s'))\u007d",
                "${identityService\u002esaveUser(identityService.newUser('%s'))}",
                "${'${identityService.saveUser(identityService.newUser(\"%s\"))}'}",
                "${not empty identityService ? identityService.saveUser(identityService.newUser('%s')) : 1}",
                "${fn:identityService(identityService.newUser('%s'))}")) {
            String user = "pwned-" + String.format("%02d", ++n);
            all.add(new Hostile("writes a user #" + n + ": " + shape, String.format(shape, user), user));
        }
        // Other code: SQL, processes, reflection, static classes, the runtime
        for (String expression : List.of(
                "${jdbcTemplate.execute('CREATE TABLE " + TABLE_MARKER + " (x INT)')}",
                "${dataSource.connection.createStatement().execute('CREATE TABLE " + TABLE_MARKER + " (x INT)')}",
                "${''.getClass().forName('java.lang.Runtime').getRuntime().exec('touch " + FILE_MARKER + "')}",
                "${currentUser().getClass().forName('java.lang.Runtime').getRuntime().exec('touch " + FILE_MARKER
                        + "')}",
                "#{T(java.lang.Runtime).getRuntime().exec('touch " + FILE_MARKER + "')}",
                "${runtimeService.startProcessInstanceByKey('free-qualification')}",
                "${processEngineConfiguration.setAuthorizationEnabled(false)}",
                "${authorizationService.createNewAuthorization(1)}",
                "${repositoryService.createDeployment().name('pwned').deploy()}",
                "${managementService.getTableCount()}",
                "${taskService.createTaskQuery().list()}",
                "${filterService.newTaskFilter('pwned')}",
                "${environment.getProperty('spring.datasource.password')}",
                "${systemProperties['user.home']}",
                "${applicationContext}",
                "${applicationContext.getBean('identityService')}",
                "${identityService}",
                "${''.class}",
                "${''.getClass()}",
                "${currentUser().getClass()}",
                "${currentUser().getClass().getClassLoader()}",
                "${currentUser()['class']}",
                "${now().getClass().getProtectionDomain()}",
                "${dateTime().getClass()}",
                "${dateTime().plusDays(1).getClass()}",
                "${dateTime().toDate().getClass()}",
                "${currentUser().toString()}",
                "${currentUser().concat('x')}",
                "${currentUser().substring(0)}",
                "${currentUser().replace('a', 'b')}",
                "${'reviewer-corse'.trim()}",
                "${currentUserGroups().size()}",
                "${currentUserGroups()[0]}",
                "${currentUserGroups().stream()}",
                "${now().time}",
                "${now().getTime()}",
                "${dateTime().toString()}",
                "${dateTime().millis}",
                "${dateTime().plusDays('1')}",
                "${dateTime().plusDays(1.5)}",
                "${dateTime().plusDays(99999999999)}",
                "${dateTime().plusDays(1, 2)}",
                "${dateTime().plus(1)}",
                "${dateTime().withZone(null)}",
                "${dateTime().toDate().toInstant()}",
                "${fn:currentUser()}",
                "${currentuser()}",
                "${currentUser}",
                "${currentUser(1)}",
                "${(currentUser())}",
                "${currentUser() + currentUser()}",
                "${currentUser() == 'admin'}",
                "${x -> x}",
                "${currentUser() += 'x'}",
                "${",
                "${}",
                "${currentUser()",
                "#{currentUser()",
                "${currentUser()}}",
                "\\${currentUser()}",
                "currentUser()",
                "",
                "   ",
                "${" + " ".repeat(5_000) + "currentUser()}",
                "${dateTime()" + ".plusDays(1)".repeat(1_000) + "}",
                "${'" + "a".repeat(100_000) + "'}")) {
            all.add(new Hostile("code #" + (++n) + ": " + abbreviate(expression), expression, null));
        }
        return all;
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 77) + "…" : text;
    }

    /** The forms Tasklist's own filters use: allowed, each beside the query field it fits. */
    record Allowed(String field, String expression) {}

    static List<Allowed> allowed() {
        return List.of(
                new Allowed("assigneeExpression", "${currentUser()}"),
                new Allowed("assigneeExpression", "#{currentUser()}"),
                new Allowed("assigneeExpression", "${ currentUser() }"),
                new Allowed("candidateUserExpression", "${currentUser()}"),
                new Allowed("involvedUserExpression", "${currentUser()}"),
                new Allowed("ownerExpression", "${currentUser()}"),
                new Allowed("candidateGroupsExpression", "${currentUserGroups()}"),
                new Allowed("candidateGroupsExpression", "#{currentUserGroups()}"),
                new Allowed("dueBeforeExpression", "${now()}"),
                new Allowed("dueAfterExpression", "${dateTime()}"),
                new Allowed("dueBeforeExpression", "${dateTime().plusDays(30)}"),
                new Allowed("dueBeforeExpression", "${dateTime().plusDays(30).toDate()}"),
                new Allowed("dueAfterExpression", "${dateTime().withTimeAtStartOfDay()}"),
                new Allowed("createdAfterExpression", "${dateTime().minusWeeks(1).toDate()}"),
                new Allowed("createdBeforeExpression", "${dateTime().plusHours(1)}"),
                new Allowed("followUpBeforeOrNotExistentExpression", "${dateTime().plusMonths(-1).plusYears(2)}"),
                new Allowed("updatedAfterExpression", "${dateTime().minusMinutes(5).minusSeconds(10)}"),
                new Allowed("createdOnExpression", "#{dateTime().withTimeAtStartOfDay().toDate()}"));
    }
}
