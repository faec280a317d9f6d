package fr.aptic.qualification.models;

import java.util.regex.Pattern;

/** What an id must look like: no Camunda Modeler default, kebab-case where it doubles as a file name. */
final class ModelIds {

    /**
     * Modeler ids are {@code <Type>_<7 base-36 chars>} from 32 random bits, so the first char is 0 or 1
     * ({@code Activity_0x8f2kd}, {@code Gateway_1abcd2e}); its blank-diagram templates use {@code <Type>_<n>}
     * ({@code StartEvent_1}). Form keys follow the same scheme in lower case ({@code field_0ab12cd}).
     */
    private static final Pattern MODELER_DEFAULT = Pattern.compile("[A-Za-z][A-Za-z0-9]*_(?:\\d+|[01][0-9a-z]{6})");

    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private ModelIds() {}

    static boolean isModelerDefault(String id) {
        return id != null && MODELER_DEFAULT.matcher(id).matches();
    }

    static boolean isKebabCase(String name) {
        return name != null && KEBAB_CASE.matcher(name).matches();
    }

    /** A literal reference, as opposed to an expression resolved at run time. */
    static boolean isLiteral(String reference) {
        return !reference.contains("${") && !reference.contains("#{");
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
