package fr.aptic.qualification.security;

import fr.aptic.qualification.web.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * The only expressions a task query may carry: what Tasklist's own filters use. {@code currentUser()},
 * {@code currentUserGroups()}, {@code now()} and {@code dateTime()} followed by date arithmetic
 * ({@code plusDays(2)}, {@code minusWeeks(1)}, {@code withTimeAtStartOfDay()}, {@code toDate()}), each alone in
 * one {@code ${…}} or {@code #{…}}, and of the type its field takes (a user id, a list of groups, a date).
 *
 * <p>The text is parsed by the engine's own expression parser, and the syntax tree it evaluates is the one
 * checked here: no bean, no property, no other method, no literal but a whole number of days, weeks…
 */
public final class QueryExpressions {

    /** What a query field takes, and what an allowed expression gives. */
    enum Kind {
        USER,
        GROUPS,
        DATE,
        /** dateTime() and its arithmetic: a Joda date-time the engine turns into a date. */
        DATE_TIME
    }

    /** Longer than any allowed form with room to spare; longer input is refused before it is parsed. */
    static final int MAX_LENGTH = 200;

    private static final long MAX_AMOUNT = 100_000;

    /** Engine field (the query's setter) → the type it takes and its name in the REST API's task query. */
    private record Field(Kind kind, String restName) {}

    private static final Map<String, Field> FIELDS = Map.ofEntries(
            Map.entry("taskAssignee", new Field(Kind.USER, "assigneeExpression")),
            Map.entry("taskAssigneeLike", new Field(Kind.USER, "assigneeLikeExpression")),
            Map.entry("taskOwner", new Field(Kind.USER, "ownerExpression")),
            Map.entry("taskCandidateUser", new Field(Kind.USER, "candidateUserExpression")),
            Map.entry("taskInvolvedUser", new Field(Kind.USER, "involvedUserExpression")),
            Map.entry("taskCandidateGroup", new Field(Kind.USER, "candidateGroupExpression")),
            Map.entry("taskCandidateGroupIn", new Field(Kind.GROUPS, "candidateGroupsExpression")),
            Map.entry("processInstanceBusinessKey", new Field(Kind.USER, "processInstanceBusinessKeyExpression")),
            Map.entry(
                    "processInstanceBusinessKeyLike", new Field(Kind.USER, "processInstanceBusinessKeyLikeExpression")),
            Map.entry("taskCreatedOn", new Field(Kind.DATE, "createdOnExpression")),
            Map.entry("taskCreatedBefore", new Field(Kind.DATE, "createdBeforeExpression")),
            Map.entry("taskCreatedAfter", new Field(Kind.DATE, "createdAfterExpression")),
            Map.entry("taskUpdatedAfter", new Field(Kind.DATE, "updatedAfterExpression")),
            Map.entry("dueDate", new Field(Kind.DATE, "dueDateExpression")),
            Map.entry("dueBefore", new Field(Kind.DATE, "dueBeforeExpression")),
            Map.entry("dueAfter", new Field(Kind.DATE, "dueAfterExpression")),
            Map.entry("followUpDate", new Field(Kind.DATE, "followUpDateExpression")),
            Map.entry("followUpBefore", new Field(Kind.DATE, "followUpBeforeExpression")),
            Map.entry("followUpBeforeOrNotExistent", new Field(Kind.DATE, "followUpBeforeOrNotExistentExpression")),
            Map.entry("followUpAfter", new Field(Kind.DATE, "followUpAfterExpression")));

    private static final Map<String, Kind> FUNCTIONS = Map.of(
            "currentUser", Kind.USER,
            "currentUserGroups", Kind.GROUPS,
            "now", Kind.DATE,
            "dateTime", Kind.DATE_TIME);

    private static final Set<String> UNITS = Set.of("Years", "Months", "Weeks", "Days", "Hours", "Minutes", "Seconds");

    /** The same features as the engine's expression factory (JUEL's JEE6 profile), so the same tree. */
    static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    private QueryExpressions() {}

    /** Why the expression may not stand in a query whatever its field; empty when it is an allowed form. */
    public static Optional<String> refusal(String expression) {
        return check(expression).refusal();
    }

    /**
     * Every expression of the query and of its or-queries that is refused, named as the REST API names the
     * field ({@code orQueries[0].assigneeExpression}), under {@code prefix} ({@code query.} for a filter's).
     */
    public static List<FieldError> refusals(AbstractQuery<?, ?> query, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        collect(query, prefix, errors);
        if (query instanceof TaskQueryImpl task) {
            List<TaskQueryImpl> ors = task.getQueries();
            for (int i = 1; i < ors.size(); i++) {
                collect(ors.get(i), prefix + "orQueries[" + (i - 1) + "].", errors);
            }
        }
        return errors;
    }

    private static void collect(AbstractQuery<?, ?> query, String prefix, List<FieldError> errors) {
        query.getExpressions().forEach((key, expression) -> {
            Field field = FIELDS.get(key);
            String name = prefix + (field == null ? key + "Expression" : field.restName());
            if (field == null) {
                errors.add(FieldError.of(name, "ce champ n'accepte pas d'expression"));
                return;
            }
            Checked checked = check(expression);
            if (checked.refusal().isPresent()) {
                errors.add(FieldError.of(name, checked.refusal().get()));
            } else if (!fits(checked.kind(), field.kind())) {
                errors.add(FieldError.of(name, "cette expression ne donne pas " + expected(field.kind())));
            }
        });
    }

    private static boolean fits(Kind given, Kind wanted) {
        return given == wanted || (given == Kind.DATE_TIME && wanted == Kind.DATE);
    }

    private static String expected(Kind kind) {
        return switch (kind) {
            case USER -> "un identifiant (utilisez ${currentUser()})";
            case GROUPS -> "une liste de groupes (utilisez ${currentUserGroups()})";
            case DATE, DATE_TIME -> "une date (utilisez ${now()} ou ${dateTime()…})";
        };
    }

    private record Checked(Kind kind, Optional<String> refusal) {
        static Checked ok(Kind kind) {
            return new Checked(kind, Optional.empty());
        }

        static Checked no(String why) {
            return new Checked(null, Optional.of(why));
        }
    }

    private static final String ALLOWED =
            "seuls ${currentUser()}, ${currentUserGroups()}, ${now()} et ${dateTime()} suivi de plusDays(n),"
                    + " minusWeeks(n)…, withTimeAtStartOfDay() ou toDate() sont permis";

    private static Checked check(String expression) {
        if (expression == null || expression.isBlank()) {
            return Checked.no("expression vide");
        }
        if (expression.length() > MAX_LENGTH) {
            return Checked.no("expression trop longue (" + MAX_LENGTH + " caractères au plus) ; " + ALLOWED);
        }
        Tree tree;
        try {
            tree = PARSER.build(expression);
        } catch (TreeBuilderException | IllegalArgumentException e) {
            return Checked.no("expression mal formée ; " + ALLOWED);
        }
        if (!(tree.getRoot() instanceof AstEval eval)) {
            return Checked.no("une expression s'écrit ${…} ou #{…}, seule ; " + ALLOWED);
        }
        Kind kind = kindOf(eval.getChild(0));
        return kind == null ? Checked.no("expression refusée ; " + ALLOWED) : Checked.ok(kind);
    }

    /** The kind of an allowed node, null for anything else. */
    private static Kind kindOf(Node node) {
        if (node instanceof AstFunction function) {
            return function.getParamCount() == 0 ? FUNCTIONS.get(function.getName()) : null;
        }
        if (node instanceof AstMethod method
                && method.getChild(0) instanceof AstDot dot
                && method.getChild(1) instanceof AstParameters parameters
                && kindOf(dot.getChild(0)) == Kind.DATE_TIME) {
            String name = methodName(dot);
            int count = parameters.getCardinality();
            if (count == 0 && name.equals("withTimeAtStartOfDay")) {
                return Kind.DATE_TIME;
            }
            if (count == 0 && name.equals("toDate")) {
                return Kind.DATE;
            }
            if (count == 1 && isArithmetic(name) && isWholeAmount(parameters.getChild(0))) {
                return Kind.DATE_TIME;
            }
        }
        return null;
    }

    /** JUEL prints a property access as ". name"; the name is a Java identifier, so nothing else can follow. */
    private static String methodName(AstDot dot) {
        String printed = dot.toString();
        return printed.startsWith(". ") ? printed.substring(2) : "";
    }

    private static boolean isArithmetic(String name) {
        return (name.startsWith("plus") && UNITS.contains(name.substring(4)))
                || (name.startsWith("minus") && UNITS.contains(name.substring(5)));
    }

    private static boolean isWholeAmount(Node node) {
        if (node instanceof AstUnary unary && unary.getOperator() == AstUnary.NEG) {
            node = unary.getChild(0);
        }
        return node instanceof AstNumber number
                && number.eval(null, null) instanceof Long amount
                && amount <= MAX_AMOUNT;
    }
}
