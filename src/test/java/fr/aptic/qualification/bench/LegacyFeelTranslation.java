package fr.aptic.qualification.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;

/**
 * Rewrites a full-FEEL decision model, in place, into what Camunda's legacy FEEL setup evaluates: JUEL
 * input expressions, outputs and literal expressions, and legacy simple unary tests.
 *
 * <p>Only mechanical, meaning-preserving rewrites: {@code x} becomes {@code ${x}}; {@code date(x)} of an
 * ISO date string becomes the string itself and that column's {@code date("…")} literals become strings
 * (ISO dates order as strings do); {@code =} becomes {@code ==}. Anything else legacy cannot express is
 * reported, not guessed. The benchmark's date inputs are always ISO date strings, which makes the
 * date rewrites exact.
 */
final class LegacyFeelTranslation {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern DATE_OF_VARIABLE = Pattern.compile("date\\(\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)");
    private static final Pattern DATE_LITERAL = Pattern.compile("date\\(\\s*(\"\\d{4}-\\d{2}-\\d{2}\")\\s*\\)");
    // `date(?) < date("2021-01-01")` on an ISO date string input: the same test as `< "2021-01-01"`.
    private static final Pattern DATE_OF_INPUT_COMPARED =
            Pattern.compile("date\\(\\s*\\?\\s*\\)\\s*(<=|>=|<|>|=)\\s*date\\(\\s*(\"\\d{4}-\\d{2}-\\d{2}\")\\s*\\)");
    // Tokens FEEL and JUEL read alike (strings without escapes, numbers, names, arithmetic, comparison).
    private static final Pattern EXPRESSION_TOKEN =
            Pattern.compile("\\s*(\"[^\"\\\\]*\"|\\d+(?:\\.\\d+)?|[A-Za-z_][A-Za-z0-9_]*|<=|>=|!=|[-+*/()<>=])");
    private static final Set<String> UNSUPPORTED_WORDS =
            Set.of("if", "then", "else", "for", "in", "some", "every", "satisfies", "instance", "between", "return");

    final List<String> changes = new ArrayList<>();
    final List<String> impossible = new ArrayList<>();

    private LegacyFeelTranslation() {}

    static LegacyFeelTranslation apply(DmnModelInstance model) {
        LegacyFeelTranslation translation = new LegacyFeelTranslation();
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            if (decision.getExpression() instanceof DecisionTable table) {
                translation.table(decision.getId(), table);
            } else if (decision.getExpression() instanceof LiteralExpression literal) {
                translation.expression(decision.getId() + " literal expression", literal);
            } else if (decision.getExpression() != null) {
                translation.impossible.add(decision.getId() + ": "
                        + decision.getExpression().getElementType().getTypeName() + " is not supported");
            }
        }
        return translation;
    }

    boolean possible() {
        return impossible.isEmpty();
    }

    private void table(String decisionId, DecisionTable table) {
        List<Input> inputs = new ArrayList<>(table.getInputs());
        Set<Integer> isoDateColumns = new HashSet<>();
        for (int column = 0; column < inputs.size(); column++) {
            InputExpression inputExpression = inputs.get(column).getInputExpression();
            String where = decisionId + " input " + inputs.get(column).getLabel();
            String text = text(inputExpression.getText());
            Matcher dateOfVariable = DATE_OF_VARIABLE.matcher(text.trim());
            if (dateOfVariable.matches()) {
                isoDateColumns.add(column);
                inputExpression.setTypeRef("string");
                rewrite(where, inputExpression, "${" + dateOfVariable.group(1) + "}");
            } else {
                expression(where, inputExpression);
            }
        }
        for (Rule rule : table.getRules()) {
            List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
            for (int column = 0; column < entries.size(); column++) {
                unaryTests(
                        decisionId + " rule " + rule.getId() + " / "
                                + inputs.get(column).getLabel(),
                        entries.get(column),
                        isoDateColumns.contains(column));
            }
            for (OutputEntry output : rule.getOutputEntries()) {
                expression(decisionId + " rule " + rule.getId() + " output", output);
            }
        }
    }

    private void unaryTests(String where, InputEntry entry, boolean isoDateColumn) {
        String text = text(entry.getText()).trim();
        if (text.isEmpty() || text.equals("-")) {
            return;
        }
        String translated = isoDateColumn ? DATE_LITERAL.matcher(text).replaceAll("$1") : text;
        translated = DATE_OF_INPUT_COMPARED.matcher(translated).replaceAll("$1 $2");
        translated = translated.replaceAll("^=\\s*", "");
        Matcher call = Pattern.compile("([A-Za-z_][A-Za-z0-9_ ]*)\\s*\\(").matcher(translated);
        while (call.find()) {
            String function = call.group(1).trim();
            if (!function.equals("not") && !function.equals("date and time")) {
                impossible.add(where + ": `" + text + "` calls " + function + "(), which legacy unary tests lack");
                return;
            }
        }
        if (translated.contains("?") || translated.matches(".*\\bnull\\b.*") || translated.startsWith("!=")) {
            impossible.add(where + ": `" + text + "` is not a legacy simple unary test");
            return;
        }
        if (!translated.equals(text)) {
            entry.getText().setTextContent(translated);
            changes.add(where + ": `" + text + "` -> `" + translated + "`");
        }
    }

    private void expression(String where, LiteralExpression expression) {
        String text = text(expression.getText()).trim();
        if (text.isEmpty()) {
            return;
        }
        StringBuilder juel = new StringBuilder();
        Matcher token = EXPRESSION_TOKEN.matcher(text);
        int end = 0;
        while (end < text.length() && token.find(end) && token.start() == end) {
            String value = token.group(1);
            if (UNSUPPORTED_WORDS.contains(value)) {
                impossible.add(where + ": `" + text + "` uses `" + value + "`, which JUEL lacks");
                return;
            }
            boolean call = IDENTIFIER.matcher(value).matches()
                    && text.substring(token.end()).trim().startsWith("(");
            if (call && !value.equals("not")) {
                impossible.add(where + ": `" + text + "` calls " + value + "(), which JUEL lacks");
                return;
            }
            juel.append(value.equals("=") ? "==" : value.equals("not") ? "!" : value);
            juel.append(' ');
            end = token.end();
        }
        if (end < text.trim().length() && !text.substring(end).isBlank()) {
            impossible.add(where + ": `" + text + "` has FEEL syntax JUEL lacks at `" + text.substring(end) + "`");
            return;
        }
        rewrite(where, expression, "${" + juel.toString().trim() + "}");
    }

    private void rewrite(String where, LiteralExpression expression, String juel) {
        String before = text(expression.getText());
        expression.getText().setTextContent(juel);
        expression.setExpressionLanguage("juel");
        changes.add(where + ": `" + before.trim() + "` -> `" + juel + "`");
    }

    private static String text(Text text) {
        return text == null || text.getTextContent() == null ? "" : text.getTextContent();
    }
}
