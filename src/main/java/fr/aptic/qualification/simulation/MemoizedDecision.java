package fr.aptic.qualification.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionLiteralExpressionImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;

/**
 * A decision evaluated once per distinct combination of the variables it reads. A decision is a function of
 * the variables its expressions name, so applications that agree on those get the same result: the charter
 * reads two of the two dozen inputs and takes a handful of values over a hundred thousand applications.
 *
 * <p>Which variables a decision reads is found by name in the text of every expression of the decision and of
 * those it requires: a name FEEL cannot see in the text, it cannot read (even {@code get value(m, "x")} names
 * it). A decision that asks for the clock ({@code now()}, {@code today()}) is never memoized. The memo stops
 * growing at {@link #CAPACITY} entries, so a decision that reads everything costs a lookup, not memory.
 */
final class MemoizedDecision {

    static final int CAPACITY = 10_000;
    private static final Pattern CLOCK = Pattern.compile("\\b(now|today)\\s*\\(");

    private final DmnDecision decision;
    private final String text;
    private final boolean memoizable;
    private final boolean opaque;
    private final Map<List<Object>, Map<String, Object>> results = new ConcurrentHashMap<>();
    private volatile String[] reads;

    MemoizedDecision(DmnDecision decision) {
        this.decision = decision;
        List<String> texts = new ArrayList<>();
        this.opaque = !collect(decision, texts, new ArrayList<>());
        this.text = String.join("\n", texts);
        this.memoizable = !CLOCK.matcher(text).find();
    }

    DmnDecision decision() {
        return decision;
    }

    boolean memoizable() {
        return memoizable;
    }

    /** The decision's single result for these inputs, evaluated or remembered. */
    Map<String, Object> evaluate(DmnEngine engine, Map<String, Object> inputs) {
        if (!memoizable) {
            return single(engine, inputs);
        }
        String[] names = reads(inputs);
        Object[] values = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = inputs.get(names[i]);
        }
        List<Object> key = Arrays.asList(values);
        Map<String, Object> result = results.get(key);
        if (result == null) {
            result = single(engine, inputs);
            if (results.size() < CAPACITY) {
                results.put(key, result);
            }
        }
        return result;
    }

    /** The input names the decision's text mentions; worked out on the first inputs, which all share names. */
    String[] reads(Map<String, Object> inputs) {
        String[] names = reads;
        if (names == null) {
            names = inputs.keySet().stream()
                    .filter(name -> opaque
                            || Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])")
                                    .matcher(text)
                                    .find())
                    .sorted()
                    .toArray(String[]::new);
            reads = names;
        }
        return names;
    }

    private Map<String, Object> single(DmnEngine engine, Map<String, Object> inputs) {
        DmnDecisionResult result = engine.evaluateDecision(decision, inputs);
        if (result.isEmpty()) {
            throw new IllegalStateException("décision " + decision.getKey() + " : aucune règle ne s'applique");
        }
        if (result.size() > 1) {
            throw new IllegalStateException(
                    "décision " + decision.getKey() + " : " + result.size() + " résultats au lieu d'un");
        }
        return Collections.unmodifiableMap(result.get(0).getEntryMap());
    }

    /** Adds the text of every expression; false when some logic has none to read (then it may read anything). */
    private static boolean collect(DmnDecision decision, List<String> texts, List<DmnDecision> seen) {
        if (seen.contains(decision)) {
            return true;
        }
        seen.add(decision);
        if (decision.getDecisionLogic() instanceof DmnDecisionTableImpl table) {
            for (DmnDecisionTableInputImpl input : table.getInputs()) {
                add(input.getExpression(), texts);
            }
            for (DmnDecisionTableRuleImpl rule : table.getRules()) {
                rule.getConditions().forEach(condition -> add(condition, texts));
                rule.getConclusions().forEach(conclusion -> add(conclusion, texts));
            }
        } else if (decision.getDecisionLogic() instanceof DmnDecisionLiteralExpressionImpl literal) {
            add(literal.getExpression(), texts);
        } else {
            return false;
        }
        boolean known = true;
        for (DmnDecision required : decision.getRequiredDecisions()) {
            known &= collect(required, texts, seen);
        }
        return known;
    }

    private static void add(DmnExpressionImpl expression, List<String> texts) {
        if (expression != null && expression.getExpression() != null) {
            texts.add(expression.getExpression());
        }
    }
}
