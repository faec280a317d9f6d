package fr.aptic.qualification.network;

import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.application.ApplicationValidator;
import fr.aptic.qualification.csv.CsvHeaderException;
import fr.aptic.qualification.csv.CsvProblem;
import fr.aptic.qualification.csv.CsvReader;
import fr.aptic.qualification.csv.CsvRecord;
import fr.aptic.qualification.reference.CharterCommitments;
import fr.aptic.qualification.reference.Coordinates;
import fr.aptic.qualification.web.FieldError;
import fr.aptic.qualification.web.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * Reads a batch's CSV (API.md's columns) member by member and turns each row into an application: the
 * network's flat row becomes the free path's body, then {@link ApplicationValidator} checks it, and each error
 * names the CSV column at fault and the row (the header is row 1).
 *
 * <p>What the row does not say is filled in: the contact also signs for the organisation (legal
 * representative), the cooperation agreement stands for the member's acceptance of the terms, the account
 * holder is the organisation, and {@code charterAccepted} accepts or refuses every charter commitment at once.
 * Line breaks inside a quoted cell (an address typed on two lines in a spreadsheet) become ", ".
 * Without {@code iban} and {@code bic} the bank details are asked for at the contract step; {@code latitude} and
 * {@code longitude} (optional, decimal point or comma) are the place's pin.
 *
 * <p>A file that cannot be read to its end (a quote never closed, a row over 64 KiB) is refused whole with
 * 400: the rows after the fault were never seen, and storing the first part would leave the partner to guess
 * which members are missing.
 */
final class CsvMembers implements MemberSource {

    private static final java.util.regex.Pattern LINE_BREAKS = java.util.regex.Pattern.compile("[ \t]*\\R+[ \t]*");

    private final CsvReader reader;
    private final Iterator<CsvRecord> records;
    private final ApplicationValidator validator;

    private final String fileKind;

    private CsvMembers(CsvReader reader, ApplicationValidator validator, String fileKind) {
        this.fileKind = fileKind;
        this.reader = reader;
        this.records = reader.iterator();
        this.validator = validator;
    }

    /** Opens the CSV and checks its header: 400 naming each column at fault when it does not fit. */
    static CsvMembers open(InputStream in, ApplicationValidator validator) throws IOException {
        return open(in, validator, "CSV");
    }

    /** The same, for rows that come from another kind of file ({@code Excel}), named so in the messages. */
    static CsvMembers open(InputStream in, ApplicationValidator validator, String fileKind) throws IOException {
        try {
            return new CsvMembers(CsvReader.open(in, MemberColumns.SCHEMA), validator, fileKind);
        } catch (CsvHeaderException e) {
            List<FieldError> errors = e.problems().stream()
                    .map(p -> FieldError.atRow((int) p.row(), p.field() == null ? "" : p.field(), headerMessage(p)))
                    .toList();
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "L'en-tête du fichier " + fileKind + " ne correspond pas aux colonnes attendues",
                    errors);
        }
    }

    @Override
    public String format() {
        return fileKind;
    }

    @Override
    public MemberRow next() throws IOException {
        CsvRecord record;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        int row = (int) record.row();
        if (record.hasProblem()) {
            CsvProblem problem = record.problem().orElseThrow();
            FieldError error = FieldError.atRow(row, problem.field() == null ? "" : problem.field(), problem.message());
            if (reader.stoppedEarly()) {
                throw new ProblemException(
                        HttpStatus.BAD_REQUEST,
                        "Le fichier " + fileKind + " ne peut être lu jusqu'au bout (ligne " + row
                                + ") : aucun membre n'a été" + " enregistré ; corrigez le fichier puis renvoyez-le",
                        List.of(error));
            }
            return MemberRow.rejected(row, List.of(error));
        }
        return toMember(row, record);
    }

    private MemberRow toMember(int row, CsvRecord record) {
        Map<String, String> parseErrors = new LinkedHashMap<>();
        Integer trainedMediators = integer(record, "trainedMediators", parseErrors);
        Integer openingHours = integer(record, "openingHoursPerWeek", parseErrors);
        Integer servicesPerYear = integer(record, "servicesPerYear", parseErrors);
        Boolean accessible = bool(record, "accessible", parseErrors);
        Boolean regulatedPrice = bool(record, "regulatedPrice", parseErrors);
        Boolean charterAccepted = bool(record, "charterAccepted", parseErrors);
        Double latitude = decimal(record, "latitude", parseErrors);
        Double longitude = decimal(record, "longitude", parseErrors);
        String name = blankToNull(record.get("name"));
        String contactName = blankToNull(record.get("contactName"));
        String contactEmail = blankToNull(record.get("contactEmail"));
        String iban = blankToNull(record.get("iban"));
        String bic = blankToNull(record.get("bic"));
        ApplicationRequest request = new ApplicationRequest(
                blankToNull(record.get("siret")),
                new ApplicationRequest.Organisation(name, blankToNull(record.get("legalForm")), null, null, null),
                new ApplicationRequest.Contact(contactName, contactEmail, null),
                new ApplicationRequest.LegalRepresentative(contactName, contactEmail),
                List.of(new ApplicationRequest.Place(
                        blankToNull(record.get("placeName")),
                        blankToNull(record.get("address")),
                        blankToNull(record.get("postalCode")),
                        blankToNull(record.get("inseeCode")),
                        blankToNull(record.get("commune")),
                        blankToNull(record.get("placeKind")),
                        blankToNull(record.get("conventionReference")),
                        null,
                        regulatedPrice,
                        servicesPerYear,
                        services(record.get("services")),
                        latitude,
                        longitude)),
                new ApplicationRequest.Quality(trainedMediators, null, null, openingHours, accessible, null, null),
                charter(charterAccepted),
                true,
                iban == null && bic == null ? null : new ApplicationRequest.Bank(name, iban, bic));
        // One entry per column: the contact also stands for the representative, the organisation for the account
        // holder, and a value that did not parse is not judged again.
        Map<String, Set<String>> byColumn = new LinkedHashMap<>();
        parseErrors.forEach((column, message) ->
                byColumn.computeIfAbsent(column, c -> new LinkedHashSet<>()).add(message));
        ApplicationValidator.Checked checked = validator.check(request);
        for (FieldError error : checked.errors()) {
            String column = MemberColumns.columnOf(error.field());
            if (!parseErrors.containsKey(column)) {
                byColumn.computeIfAbsent(column, c -> new LinkedHashSet<>()).add(error.message());
            }
        }
        if (byColumn.isEmpty()) {
            return MemberRow.valid(row, checked.request());
        }
        List<FieldError> errors = new ArrayList<>(byColumn.size());
        byColumn.forEach((column, messages) -> errors.add(FieldError.atRow(row, column, String.join(" ; ", messages))));
        return MemberRow.rejected(row, errors);
    }

    private static ApplicationRequest.Charter charter(Boolean accepted) {
        if (accepted == null) {
            return new ApplicationRequest.Charter(CharterCommitments.CURRENT_VERSION, null);
        }
        Map<String, Boolean> commitments = new LinkedHashMap<>();
        CharterCommitments.V2.forEach(code -> commitments.put(code, accepted));
        return new ApplicationRequest.Charter(CharterCommitments.CURRENT_VERSION, commitments);
    }

    private static List<String> services(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split("\\|"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static Integer integer(CsvRecord record, String column, Map<String, String> errors) {
        String value = record.get(column).replace(" ", "").replace("\u00a0", "");
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            errors.put(column, "nombre entier attendu : " + abbreviate(value));
            return null;
        }
    }

    /** A coordinate: a decimal point or a French comma, no exponent ({@link Coordinates#decimal}). */
    private static Double decimal(CsvRecord record, String column, Map<String, String> errors) {
        String value = record.get(column).strip();
        if (value.isEmpty()) {
            return null;
        }
        Optional<Double> number = Coordinates.decimal(value);
        if (number.isEmpty()) {
            errors.put(column, Coordinates.NOT_A_DECIMAL + " : " + abbreviate(value));
        }
        return number.orElse(null);
    }

    private static Boolean bool(CsvRecord record, String column, Map<String, String> errors) {
        String value = record.get(column).strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "" -> null;
            case "true", "oui", "1" -> true;
            case "false", "non", "0" -> false;
            default -> {
                errors.put(column, "true/false, oui/non ou 1/0 attendu : " + abbreviate(value));
                yield null;
            }
        };
    }

    /**
     * The value, {@code null} when blank; line breaks a spreadsheet cell holds (an address on two lines) become
     * ", ", since every CSV column is a one-line field.
     */
    private static String blankToNull(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.indexOf('\n') < 0 && value.indexOf('\r') < 0
                ? value
                : LINE_BREAKS.matcher(value.strip()).replaceAll(", ");
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }

    private static String headerMessage(CsvProblem problem) {
        String message = problem.message();
        if (problem.field() != null && message.startsWith("missing required column")) {
            return "colonne obligatoire absente : " + problem.field();
        }
        if (problem.field() != null && message.startsWith("unknown column")) {
            return "colonne inconnue : " + problem.field() + " ; colonnes possibles : "
                    + String.join(",", MemberColumns.COLUMNS);
        }
        if (problem.field() != null && message.contains("appears more than once")) {
            return "colonne en double : " + problem.field();
        }
        return message;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
