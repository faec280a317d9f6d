package fr.aptic.qualification.reference;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text as people type it, reduced to what it means for a comparison: "Association  Loi-1901", "ASSOCIATION loi
 * 1901" and "association loi 1901" are the same words, and so are "Saint-Étienne" and "ST ETIENNE".
 */
public final class Words {

    private Words() {}

    /**
     * Lower case, without accents or ligatures, every run of other characters (spaces, hyphens, apostrophes,
     * dots, commas) made one space, the abbreviations {@code st}, {@code ste} written out in full, and letters
     * spelled one by one joined ("C.C.A.S." is {@code ccas}); empty for null or blank.
     */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(decomposed.length());
        StringBuilder word = new StringBuilder();
        boolean previousSingle = false;
        for (int i = 0; i <= decomposed.length(); i++) {
            char c = i < decomposed.length() ? decomposed.charAt(i) : ' ';
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                word.append(c);
            } else if (c == 'œ') {
                word.append("oe");
            } else if (c == 'æ') {
                word.append("ae");
            } else if (!word.isEmpty()) {
                boolean single = word.length() == 1;
                if (!out.isEmpty() && !(single && previousSingle)) {
                    out.append(' ');
                }
                out.append(expand(word.toString()));
                previousSingle = single;
                word.setLength(0);
            }
        }
        return out.toString();
    }

    private static String expand(String word) {
        return switch (word) {
            case "st" -> "saint";
            case "ste" -> "sainte";
            default -> word;
        };
    }
}
