package fr.aptic.qualification.reference;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A place's latitude and longitude (WGS 84, decimal degrees), checked the same way wherever they come from: an
 * applicant's pin, a partner's batch, the directory of the national standard. Both or neither; finite; within the
 * globe's ranges; and plausibly in France, metropolitan or overseas (generous boxes around each territory, so a
 * place on the coast or an island is never refused, while a point at sea off Africa, or latitude and longitude
 * swapped, is).
 */
public record Coordinates(double latitude, double longitude) {

    /** A problem of a pair, naming which of the two is at fault. */
    public record Problem(Axis axis, String message) {}

    /** Which of the two values a problem is about. */
    public enum Axis {
        LATITUDE("latitude"),
        LONGITUDE("longitude");

        private final String field;

        Axis(String field) {
            this.field = field;
        }

        /** The field's name in the API and in the CSV files ({@code latitude}, {@code longitude}). */
        public String field() {
            return field;
        }
    }

    /** South, north, west, east, in decimal degrees. */
    private record Box(String name, double south, double north, double west, double east) {
        boolean holds(double latitude, double longitude) {
            return latitude >= south && latitude <= north && longitude >= west && longitude <= east;
        }
    }

    private static final List<Box> FRANCE = List.of(
            new Box("France métropolitaine et Corse", 41.0, 51.5, -5.8, 10.0),
            new Box("Guadeloupe", 15.7, 16.7, -62.0, -60.8),
            new Box("Martinique", 14.3, 15.0, -61.4, -60.7),
            new Box("Guyane", 2.0, 6.0, -55.0, -51.0),
            new Box("La Réunion", -21.5, -20.8, 55.1, 56.0),
            new Box("Mayotte", -13.1, -12.5, 44.9, 45.4),
            new Box("Saint-Pierre-et-Miquelon", 46.7, 47.2, -56.6, -56.0),
            new Box("Saint-Barthélemy et Saint-Martin", 17.8, 18.2, -63.2, -62.7),
            new Box("Polynésie française", -28.0, -7.5, -155.0, -134.0),
            new Box("Nouvelle-Calédonie", -23.5, -18.8, 163.0, 169.0),
            new Box("Wallis-et-Futuna", -14.5, -13.0, -178.5, -175.9));

    /** What a cell that is not a decimal number is told. */
    public static final String NOT_A_DECIMAL = "nombre décimal attendu (ex. 45.7578 ou 45,7578)";

    /** A decimal as people and spreadsheets write it: a sign, digits, a point or a comma, no exponent. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,3}(?:[.,][0-9]{1,15})?");

    /** Whether the point lies in one of France's boxes, metropolitan or overseas. */
    public static boolean inFrance(double latitude, double longitude) {
        return FRANCE.stream().anyMatch(box -> box.holds(latitude, longitude));
    }

    /**
     * Every problem of a pair as sent (empty when both are absent, or both present and plausible). Messages are
     * in French, like every field error.
     */
    public static List<Problem> problems(Double latitude, Double longitude) {
        List<Problem> problems = new ArrayList<>(2);
        if (latitude == null && longitude == null) {
            return problems;
        }
        if (latitude == null || longitude == null) {
            Axis missing = latitude == null ? Axis.LATITUDE : Axis.LONGITUDE;
            Axis given = latitude == null ? Axis.LONGITUDE : Axis.LATITUDE;
            problems.add(
                    new Problem(missing, "obligatoire quand la " + given.field() + " est donnée (les deux ou aucune)"));
            return problems;
        }
        range(problems, Axis.LATITUDE, latitude, 90);
        range(problems, Axis.LONGITUDE, longitude, 180);
        if (problems.isEmpty() && !inFrance(latitude, longitude)) {
            problems.add(new Problem(
                    Axis.LATITUDE,
                    inFrance(longitude, latitude)
                            ? "latitude et longitude semblent inversées (" + plain(latitude) + ", " + plain(longitude)
                                    + ")"
                            : "le point (" + plain(latitude) + ", " + plain(longitude)
                                    + ") n'est pas en France (métropole ou outre-mer)"));
        }
        return problems;
    }

    private static void range(List<Problem> problems, Axis axis, double value, int bound) {
        if (!Double.isFinite(value)) {
            problems.add(new Problem(axis, "nombre fini attendu"));
        } else if (value < -bound || value > bound) {
            problems.add(new Problem(axis, "doit être entre -" + bound + " et " + bound));
        }
    }

    /**
     * A coordinate written in a CSV cell: a decimal point or a French comma ({@code 45,7578}), no exponent; empty
     * when the text is not such a number. The caller has left out blank cells.
     */
    public static Optional<Double> decimal(String text) {
        String value = text.strip();
        if (!DECIMAL.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(Double.valueOf(value.replace(',', '.')));
    }

    /** A pair read from two text cells: the coordinates when both are there and plausible, and every problem. */
    public record Read(Optional<Coordinates> coordinates, List<Problem> problems) {}

    /** Reads a pair of cells (null or blank for absent) and checks it as {@link #problems} does. */
    public static Read read(String latitude, String longitude) {
        List<Problem> problems = new ArrayList<>(2);
        Double lat = cell(Axis.LATITUDE, latitude, problems);
        Double lon = cell(Axis.LONGITUDE, longitude, problems);
        if (problems.isEmpty()) {
            problems.addAll(problems(lat, lon));
        }
        boolean found = problems.isEmpty() && lat != null;
        return new Read(found ? Optional.of(new Coordinates(lat, lon)) : Optional.empty(), problems);
    }

    private static Double cell(Axis axis, String text, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Optional<Double> value = decimal(text);
        if (value.isEmpty()) {
            problems.add(new Problem(axis, NOT_A_DECIMAL + " : " + PlainText.shown(text)));
        }
        return value.orElse(null);
    }

    /** The value with a decimal point and without an exponent, as the national standard's CSV writes it. */
    public static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
