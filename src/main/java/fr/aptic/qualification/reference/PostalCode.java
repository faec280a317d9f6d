package fr.aptic.qualification.reference;

/** The format of French postal codes: five ASCII digits. Which territory a code belongs to is {@link Territories}'. */
public final class PostalCode {

    private PostalCode() {}

    public static boolean isWellFormed(String postalCode) {
        return postalCode != null && postalCode.length() == 5 && Digits.areAscii(postalCode);
    }
}
