package fr.aptic.qualification.territory;

import fr.aptic.qualification.csv.CsvHeaderException;
import fr.aptic.qualification.csv.CsvReader;
import fr.aptic.qualification.csv.CsvRecord;
import fr.aptic.qualification.csv.CsvSchema;
import fr.aptic.qualification.reference.Communes;
import fr.aptic.qualification.reference.Coordinates;
import fr.aptic.qualification.reference.OpenDataStandard;
import fr.aptic.qualification.reference.PlainText;
import fr.aptic.qualification.reference.PostalCode;
import fr.aptic.qualification.reference.Siret;
import fr.aptic.qualification.reference.Territories;
import fr.aptic.qualification.web.FieldError;
import fr.aptic.qualification.web.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the directory of known places from the national standard's CSV (v1.0.2 columns, {@code |} lists),
 * row by row like a network batch: valid rows are upserted by {@code id}, each bad row is reported with its
 * number and column, and the rest proceed. {@code latitude} and {@code longitude} (decimal point or comma) are
 * checked like an applicant's pin. Columns the standard adds or a producer of the file appends are
 * ignored.
 */
@Service
public class DirectoryImport {

    /** The columns of the national standard for digital-mediation places, v1.0.2. */
    static final List<String> COLUMNS = OpenDataStandard.COLUMNS;

    static final List<String> REQUIRED = List.of("id", "pivot", "nom", "commune", "code_postal", "adresse", "date_maj");
    static final CsvSchema SCHEMA = CsvSchema.of(COLUMNS, REQUIRED).allowingUnknownColumns();
    /** Beyond this many, row errors are counted but not listed, so the answer stays readable. */
    static final int MAX_LISTED_ERRORS = 1000;

    private static final Logger log = LoggerFactory.getLogger(DirectoryImport.class);

    private final DirectoryRepository directory;
    private final Territories territories = Territories.defaults();
    private final Communes communes = Communes.defaults();

    DirectoryImport(DirectoryRepository directory) {
        this.directory = directory;
    }

    /** What an import did: rows read, inserted, updated and rejected, and the row errors (the header is row 1). */
    public record Result(
            long received, long accepted, long inserted, long updated, long rejected, List<FieldError> errors) {}

    /**
     * Reads and upserts the file in one transaction.
     *
     * @throws ProblemException 400 when the header lacks a required column or the file is empty
     * @throws IOException when reading fails, including a body over the size limit (413)
     */
    @Transactional(rollbackFor = Exception.class)
    public Result importCsv(InputStream csv) throws IOException {
        Counts counts = new Counts();
        Set<String> seen = new HashSet<>();
        Instant now = Instant.now();
        try (CsvReader reader = CsvReader.open(csv, SCHEMA)) {
            for (CsvRecord record : reader) {
                counts.received++;
                List<FieldError> errors = new ArrayList<>();
                Optional<DirectoryPlace> place = parse(record, errors);
                if (place.isPresent() && !seen.add(place.get().id())) {
                    errors.add(FieldError.atRow(row(record), "id", "id déjà présent plus haut dans le fichier"));
                }
                if (!errors.isEmpty()) {
                    counts.reject(errors);
                    continue;
                }
                upsert(place.get(), now, counts);
            }
        } catch (CsvHeaderException e) {
            throw ProblemException.invalid(e.problems().stream()
                    .map(p -> FieldError.atRow((int) p.row(), p.field() == null ? "" : p.field(), p.message()))
                    .toList());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        log.info(
                "Directory import: {} row(s), {} inserted, {} updated, {} rejected",
                counts.received,
                counts.inserted,
                counts.updated,
                counts.rejected);
        return new Result(
                counts.received,
                counts.inserted + counts.updated,
                counts.inserted,
                counts.updated,
                counts.rejected,
                List.copyOf(counts.errors));
    }

    private void upsert(DirectoryPlace place, Instant now, Counts counts) {
        Optional<DirectoryRepository.Known> known = directory.known(place.id());
        if (known.isEmpty()) {
            directory.insert(place, now);
            counts.inserted++;
            return;
        }
        // A place found closed stays closed unless the file shows it updated after that.
        boolean closed = known.get().closed()
                && (known.get().closedAt() == null
                        || !place.updatedOn()
                                .isAfter(known.get()
                                        .closedAt()
                                        .atZone(ConsolidationService.PARIS)
                                        .toLocalDate()));
        directory.update(place, closed, now);
        counts.updated++;
    }

    private Optional<DirectoryPlace> parse(CsvRecord record, List<FieldError> errors) {
        int row = row(record);
        if (record.problem().isPresent()) {
            var problem = record.problem().get();
            errors.add(FieldError.atRow(row, problem.field() == null ? "" : problem.field(), problem.message()));
            return Optional.empty();
        }
        Fields fields = new Fields(record, row, errors);
        String id = fields.required("id", 200);
        String siret = fields.required("pivot", 14 + 6);
        if (siret != null) {
            siret = Siret.normalise(siret);
            if ("00000000000000".equals(siret)) {
                errors.add(FieldError.atRow(
                        row, "pivot", "SIRET inconnu (00000000000000) : le lieu ne peut être sollicité"));
            } else {
                Optional<String> problem = Siret.problem(siret);
                if (problem.isPresent()) {
                    errors.add(FieldError.atRow(row, "pivot", "SIRET invalide : " + problem.get()));
                }
            }
        }
        String name = fields.required("nom", 300);
        String commune = fields.required("commune", 200);
        String address = fields.required("adresse", 500);
        String addressExtra = fields.optional("complement_adresse", 500);
        String postalCode = fields.required("code_postal", 5);
        String inseeCode = fields.optional("code_insee", 5);
        String departement = departement(postalCode, inseeCode, row, errors);
        if (departement != null && commune != null) {
            inseeCode = locate(postalCode, inseeCode, commune, row, errors);
        }
        LocalDate updatedOn = date(fields.required("date_maj", 10), row, errors);
        String phone = fields.optional("telephone", 100);
        String emails = fields.optional("courriels", 1000);
        String website = fields.optional("site_web", 500);
        String services = fields.optional("services", 2000);
        String source = fields.optional("source", 200);
        Coordinates.Read read = Coordinates.read(fields.optional("latitude", 40), fields.optional("longitude", 40));
        read.problems().forEach(p -> errors.add(FieldError.atRow(row, p.axis().field(), p.message())));
        Coordinates coordinates = read.coordinates().orElse(null);
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DirectoryPlace(
                id,
                siret,
                name,
                address,
                addressExtra,
                postalCode,
                inseeCode,
                commune,
                departement,
                phone,
                emails,
                website,
                services,
                source,
                updatedOn,
                coordinates == null ? null : coordinates.latitude(),
                coordinates == null ? null : coordinates.longitude()));
    }

    /** The place's INSEE code, checked against its postal code or found from it and the commune's name. */
    private String locate(String postalCode, String inseeCode, String commune, int row, List<FieldError> errors) {
        Communes.Location location = communes.locate(postalCode, inseeCode, commune);
        if (location instanceof Communes.Location.Refused refused) {
            String column = switch (refused.field()) {
                case "postalCode" -> "code_postal";
                case "inseeCode" -> "code_insee";
                default -> "commune";
            };
            errors.add(FieldError.atRow(row, column, refused.message()));
            return inseeCode;
        }
        return ((Communes.Location.Found) location).inseeCode();
    }

    private String departement(String postalCode, String inseeCode, int row, List<FieldError> errors) {
        if (postalCode != null && !PostalCode.isWellFormed(postalCode)) {
            errors.add(FieldError.atRow(row, "code_postal", "code postal à 5 chiffres attendu"));
            return null;
        }
        Optional<String> fromInsee =
                inseeCode == null ? Optional.empty() : territories.departementOfInseeCode(inseeCode);
        if (inseeCode != null && fromInsee.isEmpty()) {
            errors.add(FieldError.atRow(row, "code_insee", "code INSEE de commune inconnu : " + inseeCode));
            return null;
        }
        Optional<String> departement = fromInsee.or(
                () -> postalCode == null ? Optional.empty() : territories.departementOfPostalCode(postalCode));
        if (postalCode != null && departement.filter(territories::isDepartement).isEmpty()) {
            errors.add(FieldError.atRow(row, "code_postal", "lieu hors des départements français : " + postalCode));
            return null;
        }
        return departement.orElse(null);
    }

    private static LocalDate date(String value, int row, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.atRow(row, "date_maj", "date AAAA-MM-JJ attendue : " + value));
            return null;
        }
    }

    private static int row(CsvRecord record) {
        return (int) Math.min(Integer.MAX_VALUE, record.row());
    }

    /** Reads one record's values: trimmed, empty as null, bounded in length, free of control characters. */
    private record Fields(CsvRecord record, int row, List<FieldError> errors) {

        String required(String column, int maxLength) {
            String value = optional(column, maxLength);
            if (value == null && errors.stream().noneMatch(e -> column.equals(e.field()))) {
                errors.add(FieldError.atRow(row, column, "obligatoire"));
            }
            return value;
        }

        String optional(String column, int maxLength) {
            String value = record.get(column).strip();
            if (value.isEmpty()) {
                return null;
            }
            if (value.length() > maxLength) {
                errors.add(FieldError.atRow(row, column, "trop long (" + maxLength + " caractères au plus)"));
                return null;
            }
            if (!PlainText.isMultiLine(value)) {
                errors.add(FieldError.atRow(row, column, "caractères de contrôle interdits"));
                return null;
            }
            return value;
        }
    }

    private static final class Counts {
        long received;
        long inserted;
        long updated;
        long rejected;
        final List<FieldError> errors = new ArrayList<>();

        void reject(List<FieldError> rowErrors) {
            rejected++;
            for (FieldError error : rowErrors) {
                if (errors.size() < MAX_LISTED_ERRORS) {
                    errors.add(error);
                }
            }
        }
    }
}
