package fr.aptic.qualification.reference;

/** ASCII digit checks: {@link Character#isDigit} would also accept Arabic-Indic and other digits. */
final class Digits {

    private Digits() {}

    static boolean areAscii(CharSequence text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
