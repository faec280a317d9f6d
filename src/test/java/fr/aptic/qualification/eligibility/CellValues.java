package fr.aptic.qualification.eligibility;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The cell conventions of the decision-test CSV files: an empty cell is null, {@code []} an empty list, lists are
 * joined with {@code |}, booleans are {@code true}/{@code false} (or {@code oui}/{@code non}).
 */
final class CellValues {

    static final String LIST_SEPARATOR = "|";
    static final String EMPTY_LIST = "[]";

    private CellValues() {}

    /** The variable a cell gives to a decision input of that typeRef (FEEL dates stay ISO text, as Java passes them). */
    static Object toVariable(String cell, String typeRef) {
        String text = cell.strip();
        if (text.isEmpty()) {
            return null;
        }
        return switch (typeRef.toLowerCase(Locale.ROOT)) {
            case "integer" -> Integer.valueOf(text);
            case "long" -> Long.valueOf(text);
            case "double" -> Double.valueOf(text);
            case "boolean" -> toBoolean(text);
            case "list" -> toList(text);
            default -> text;
        };
    }

    /** Whether a decision output equals the expected cell; lists compare as sets, numbers by value. */
    static boolean matches(String expectedCell, Object actual) {
        String expected = expectedCell.strip();
        if (expected.isEmpty()) {
            return actual == null;
        }
        if (actual instanceof Collection<?> values) {
            Set<String> actualSet = values.stream().map(String::valueOf).collect(Collectors.toSet());
            return actualSet.equals(new HashSet<>(toList(expected)));
        }
        if (actual instanceof Boolean flag) {
            return isBoolean(expected) && toBoolean(expected) == flag;
        }
        if (actual instanceof Number number) {
            return isNumber(expected) && new BigDecimal(number.toString()).compareTo(new BigDecimal(expected)) == 0;
        }
        return expected.equals(Objects.toString(actual, null));
    }

    /** An output as a test file would write it. */
    static String show(Object actual) {
        if (actual == null) {
            return "(empty)";
        }
        if (actual instanceof Collection<?> values) {
            return values.isEmpty()
                    ? EMPTY_LIST
                    : values.stream().map(String::valueOf).collect(Collectors.joining(LIST_SEPARATOR));
        }
        return actual.toString();
    }

    private static List<String> toList(String text) {
        if (text.equals(EMPTY_LIST)) {
            return List.of();
        }
        return Arrays.stream(text.split("\\" + LIST_SEPARATOR))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    private static boolean isBoolean(String text) {
        return List.of("true", "false", "oui", "non").contains(text.toLowerCase(Locale.ROOT));
    }

    private static boolean toBoolean(String text) {
        String value = text.toLowerCase(Locale.ROOT);
        if (!isBoolean(value)) {
            throw new IllegalArgumentException("'" + text + "' is not true/false (or oui/non)");
        }
        return value.equals("true") || value.equals("oui");
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
