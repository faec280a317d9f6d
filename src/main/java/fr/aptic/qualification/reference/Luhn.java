package fr.aptic.qualification.reference;

/** The Luhn (mod 10) checksum over a string of ASCII digits. */
final class Luhn {

    private Luhn() {}

    static boolean holds(CharSequence digits, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            int digit = digits.charAt(length - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
