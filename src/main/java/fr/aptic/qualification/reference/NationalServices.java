package fr.aptic.qualification.reference;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The closed lists of the national data standard for digital-mediation places (v1.0.2) that applications
 * use: the nine services and the national programmes ({@code dispositif_programmes_nationaux}), spelt
 * exactly as the standard does, since the map exports them verbatim.
 */
public final class NationalServices {

    public static final List<String> SERVICES = List.of(
            "Aide aux démarches administratives",
            "Maîtrise des outils numériques du quotidien",
            "Insertion professionnelle via le numérique",
            "Utilisation sécurisée du numérique",
            "Parentalité et éducation avec le numérique",
            "Loisirs et créations numériques",
            "Compréhension du monde numérique",
            "Accès internet et matériel informatique",
            "Acquisition de matériel informatique à prix solidaire");

    public static final List<String> PROGRAMMES = List.of(
            "Aidants Connect",
            "Bibliothèques numérique de référence",
            "Certification PIX",
            "Conseillers numériques",
            "Emmaüs Connect",
            "France Services",
            "Grande école du numérique",
            "La Croix Rouge",
            "Point d'accès numérique CAF",
            "Promeneurs du net",
            "Relais numérique (Emmaüs Connect)");

    private NationalServices() {}

    /** Whether the text is one of the nine services, spelt exactly as the standard does. */
    public static boolean isService(String text) {
        return text != null && SERVICES.contains(text);
    }

    /** Whether the text is one of the national programmes, spelt exactly as the standard does. */
    public static boolean isProgramme(String text) {
        return text != null && PROGRAMMES.contains(text);
    }

    /**
     * The service as the standard spells it, for text that differs only in case, surrounding spaces or
     * Unicode composition (a decomposed "é" from some spreadsheets), as bulk files often do.
     */
    public static Optional<String> service(String text) {
        return lenientMatch(SERVICES, text);
    }

    /** The programme as the standard spells it; tolerant in the same way as {@link #service(String)}. */
    public static Optional<String> programme(String text) {
        return lenientMatch(PROGRAMMES, text);
    }

    private static Optional<String> lenientMatch(List<String> names, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = key(text);
        return names.stream().filter(name -> key(name).equals(key)).findFirst();
    }

    private static String key(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
