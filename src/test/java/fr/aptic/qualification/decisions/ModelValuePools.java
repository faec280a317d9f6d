package fr.aptic.qualification.decisions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.Text;

/**
 * Plausible and odd values for every variable a decision model reads, drawn from the model itself: the
 * numbers, strings and dates its cells mention (and their neighbours), by the type of the input that reads
 * the variable; plus nulls, missing variables and values of the wrong type.
 */
final class ModelValuePools {

    private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*)\"");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(\\d+(?:\\.\\d+)?)");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NAME = Pattern.compile("(?<![\\w.\"])([A-Za-z_][A-Za-z0-9_]*)(?!\\s*\\()");
    private static final Set<String> NOT_VARIABLES = Set.of(
            "true",
            "false",
            "null",
            "not",
            "and",
            "or",
            "if",
            "then",
            "else",
            "for",
            "in",
            "return",
            "some",
            "every",
            "satisfies",
            "item",
            "function",
            "instance",
            "of",
            "between",
            "cellInput");

    private final Map<String, List<Object>> pools = new LinkedHashMap<>();

    ModelValuePools(DmnModelInstance model) {
        List<String> texts = model.getModelElementsByType(Text.class).stream()
                .map(Text::getTextContent)
                .filter(text -> text != null && !text.isBlank())
                .toList();
        Set<String> strings = new LinkedHashSet<>(List.of("", "x"));
        Set<Long> numbers = new LinkedHashSet<>(List.of(0L, 1L, -1L));
        Set<String> dates = new LinkedHashSet<>(List.of("not a date"));
        Set<String> names = new LinkedHashSet<>();
        for (String text : texts) {
            String withoutStrings = STRING.matcher(text).replaceAll("\"\"");
            collect(STRING, text, strings::add);
            collect(NUMBER, withoutStrings, n -> {
                long whole = (long) Double.parseDouble(n);
                numbers.addAll(List.of(whole - 1, whole, whole + 1));
            });
            collect(DATE, text, d -> {
                LocalDate date = LocalDate.parse(d);
                dates.addAll(List.of(
                        date.minusDays(1).toString(), d, date.plusDays(1).toString()));
            });
            collect(NAME, withoutStrings, name -> {
                if (!NOT_VARIABLES.contains(name)) {
                    names.add(name);
                }
            });
        }
        Map<String, String> typeRefs = new LinkedHashMap<>();
        for (InputExpression input : model.getModelElementsByType(InputExpression.class)) {
            String text = input.getText() == null
                    ? ""
                    : input.getText().getTextContent().trim();
            Matcher dateOf = Pattern.compile("date\\((\\w+)\\)").matcher(text);
            if (dateOf.matches()) {
                typeRefs.put(dateOf.group(1), "isoDate");
            } else if (text.matches("\\w+") && input.getTypeRef() != null) {
                typeRefs.put(text, input.getTypeRef());
            }
        }
        for (String name : names) {
            pools.put(name, pool(typeRefs.getOrDefault(name, "any"), strings, numbers, dates));
        }
    }

    private static void collect(Pattern pattern, String text, java.util.function.Consumer<String> found) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.accept(matcher.groupCount() > 0 ? matcher.group(1) : matcher.group());
        }
    }

    private static List<Object> pool(String typeRef, Set<String> strings, Set<Long> numbers, Set<String> dates) {
        List<Object> pool = new ArrayList<>();
        switch (typeRef) {
            case "integer", "long" ->
                numbers.forEach(n -> pool.add(typeRef.equals("long") ? n : (Object) n.intValue()));
            case "double" ->
                numbers.forEach(n -> {
                    pool.add(n.doubleValue());
                    pool.add(n + 0.5);
                });
            case "boolean" -> pool.addAll(List.of(true, false));
            case "string" -> {
                pool.addAll(strings);
                pool.add("35600000000048");
                pool.add("12345678900017");
            }
            case "isoDate" -> pool.addAll(dates);
            case "list" -> {
                pool.add(List.of());
                pool.add(new ArrayList<>(strings));
                strings.stream().limit(8).forEach(s -> pool.add(List.of(s)));
            }
            default -> {
                numbers.stream().limit(12).forEach(n -> pool.add(n.intValue()));
                strings.stream().limit(12).forEach(pool::add);
                pool.addAll(List.of(true, false, 2.5));
            }
        }
        // odd values every pool has: null, and a value of another type
        pool.add(null);
        pool.add(typeRef.equals("string") ? (Object) 7 : "7");
        return pool;
    }

    /** A random variable map; each variable is sometimes missing. */
    VariableMap draw(SplittableRandom random) {
        VariableMap variables = Variables.createVariables();
        pools.forEach((name, pool) -> {
            if (random.nextInt(12) > 0) {
                // mostly well-typed values, the odd ones (last two) now and then
                int index = random.nextInt(8) > 0 ? random.nextInt(pool.size() - 2) : random.nextInt(pool.size());
                variables.putValue(name, pool.get(index));
            }
        });
        return variables;
    }

    Set<String> variableNames() {
        return pools.keySet();
    }
}
