package fr.aptic.qualification.eligibility;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * One {@code dmn/tests/<decision>.csv} bound to its decision: the columns that feed inputs (typed by the input that
 * reads them), the {@code expect <output>} columns, and an optional {@code description}.
 */
final class DecisionCases {

    static final String EXPECT = "expect ";
    static final String DESCRIPTION = "description";

    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final CsvTable table;
    private final String decisionKey;
    private final boolean collectsResults;
    private final Map<Integer, String> typeRefByInputColumn = new LinkedHashMap<>();
    private final Map<Integer, String> outputByColumn = new LinkedHashMap<>();

    private DecisionCases(CsvTable table, String decisionKey, boolean collectsResults) {
        this.table = table;
        this.decisionKey = decisionKey;
        this.collectsResults = collectsResults;
    }

    static DecisionCases read(Path file, DecisionModels models) {
        String fileName = file.getFileName().toString();
        String key = fileName.substring(0, fileName.length() - ".csv".length());
        if (!models.contains(key)) {
            throw new IllegalArgumentException(fileName + ": no decision '" + key + "' in " + DecisionModels.DIRECTORY
                    + "/ (the file name must be the decision key)");
        }
        CsvTable table = CsvTable.read(file);
        DecisionCases cases = new DecisionCases(table, key, collectsResults(models.model(key)));
        cases.bindColumns(models);
        return cases;
    }

    String decisionKey() {
        return decisionKey;
    }

    List<CsvTable.Row> rows() {
        return table.rows();
    }

    /** {@code <file>:<row> <description>}, the name a process owner finds the case by. */
    String testName(CsvTable.Row row) {
        int description = table.column(DESCRIPTION);
        String text = description < 0 ? "" : row.cell(description).strip();
        return (table.name() + ":" + row.number() + " " + text).strip();
    }

    /** Where a failure points a process owner: {@code eligibility.csv, row 6 (description)}. */
    String location(CsvTable.Row row) {
        int description = table.column(DESCRIPTION);
        String text = description < 0 ? "" : " (" + row.cell(description).strip() + ")";
        return table.name() + ", row " + row.number() + text;
    }

    Map<String, Object> variables(CsvTable.Row row) {
        Map<String, Object> variables = new LinkedHashMap<>();
        typeRefByInputColumn.forEach((column, typeRef) -> {
            String name = table.header().get(column);
            try {
                variables.put(name, CellValues.toVariable(row.cell(column), typeRef));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "column '" + name + "' (" + typeRef + "): " + e.getMessage() + " in '" + row.cell(column) + "'",
                        e);
            }
        });
        return variables;
    }

    /** One line per expected output that differs, empty when the decision gave what the row expects. */
    List<String> differences(CsvTable.Row row, DmnDecisionResult result) {
        List<String> differences = new ArrayList<>();
        outputByColumn.forEach((column, output) -> {
            Object actual = actual(result, output);
            String expected = row.cell(column).strip();
            if (!CellValues.matches(expected, actual)) {
                String shown = expected.isEmpty() ? "(empty)" : expected;
                differences.add(output + ": expected " + shown + " but was " + CellValues.show(actual));
            }
        });
        return differences;
    }

    private Object actual(DmnDecisionResult result, String output) {
        if (collectsResults) {
            // technical rows that output null (see the tables' descriptions) are not results
            return result.collectEntries(output).stream()
                    .filter(Objects::nonNull)
                    .toList();
        }
        return result.isEmpty() ? null : result.getSingleResult().getEntry(output);
    }

    private void bindColumns(DecisionModels models) {
        List<Decision> evaluated = models.withRequired(decisionKey);
        Set<String> outputs = outputsOf(models.model(decisionKey));
        Set<String> namesRead = new LinkedHashSet<>();
        evaluated.forEach(decision -> namesRead.addAll(namesReadBy(decision)));
        for (int column = 0; column < table.header().size(); column++) {
            String title = table.header().get(column);
            if (title.equals(DESCRIPTION)) {
                continue;
            }
            if (title.startsWith(EXPECT)) {
                String output = title.substring(EXPECT.length()).strip();
                require(
                        outputs.contains(output),
                        "'" + title + "': " + decisionKey + " has no output '" + output + "' (outputs: " + outputs
                                + ")");
                outputByColumn.put(column, output);
            } else {
                require(
                        namesRead.contains(title),
                        "column '" + title + "' is read by no input of " + decisionKey
                                + " (check the spelling; outputs to check are written 'expect <output>')");
                typeRefByInputColumn.put(column, typeRefOf(title, evaluated));
            }
        }
        require(!outputByColumn.isEmpty(), "no 'expect <output>' column");
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(table.name() + ": " + message);
        }
    }

    /**
     * The type of the input that reads the variable alone; a variable wrapped in an expression ({@code
     * date(applicationDate)}) is passed as text, which FEEL converts, unless the expression keeps a list.
     */
    private static String typeRefOf(String variable, List<Decision> decisions) {
        String wrapped = "string";
        for (Decision decision : decisions) {
            if (decision.getExpression() instanceof DecisionTable decisionTable) {
                for (Input input : decisionTable.getInputs()) {
                    String expression = input.getInputExpression()
                            .getText()
                            .getTextContent()
                            .strip();
                    String typeRef = input.getInputExpression().getTypeRef();
                    if (expression.equals(variable)) {
                        return typeRef;
                    }
                    if (names(expression).contains(variable) && "list".equals(typeRef)) {
                        wrapped = typeRef;
                    }
                }
            }
        }
        return wrapped;
    }

    private static Set<String> namesReadBy(Decision decision) {
        Set<String> names = new LinkedHashSet<>();
        if (decision.getExpression() instanceof DecisionTable decisionTable) {
            decisionTable
                    .getInputs()
                    .forEach(input -> names.addAll(
                            names(input.getInputExpression().getText().getTextContent())));
            for (Rule rule : decisionTable.getRules()) {
                for (InputEntry entry : rule.getInputEntries()) {
                    names.addAll(names(entry.getText().getTextContent()));
                }
            }
        } else if (decision.getExpression() instanceof LiteralExpression literal) {
            names.addAll(names(literal.getText().getTextContent()));
        }
        return names;
    }

    private static Set<String> outputsOf(Decision decision) {
        Set<String> outputs = new LinkedHashSet<>();
        if (decision.getExpression() instanceof DecisionTable decisionTable) {
            decisionTable.getOutputs().stream().map(Output::getName).forEach(outputs::add);
        } else if (decision.getVariable() != null) {
            outputs.add(decision.getVariable().getName());
        }
        return outputs;
    }

    private static boolean collectsResults(Decision decision) {
        return decision.getExpression() instanceof DecisionTable decisionTable
                && ((decisionTable.getHitPolicy() == HitPolicy.COLLECT && decisionTable.getAggregation() == null)
                        || decisionTable.getHitPolicy() == HitPolicy.RULE_ORDER);
    }

    private static Set<String> names(String expression) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = NAME.matcher(STRING_LITERAL.matcher(expression).replaceAll(" "));
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }
}
