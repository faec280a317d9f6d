package fr.aptic.qualification.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every CSV the API answers is written by {@link CsvWriter}, the one writer that neutralises formula
 * injection: a capability that produces {@code text/csv} must use it (a hand-rolled writer would let
 * {@code =cmd|' /C calc'!A0} through to a reviewer's spreadsheet).
 */
class CsvExportsTest {

    private static final Pattern PRODUCES_CSV =
            // What answers CSV (produces, a response content type), not what reads it (consumes = "text/csv").
            Pattern.compile("produces\\s*=\\s*[^)]*(text/csv|TEXT_CSV)|contentType\\([^)]*(\"csv\"|text/csv|TEXT_CSV)");

    @Test
    void everyCapabilityAnsweringCsvWritesItWithCsvWriter() throws IOException {
        Path sources = Path.of("src/main/java");
        List<Path> exporters;
        try (Stream<Path> files = Files.walk(sources)) {
            exporters = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(sources.resolve("fr/aptic/qualification/system")))
                    .filter(file -> PRODUCES_CSV.matcher(read(file)).find())
                    .toList();
        }
        assertThat(exporters).as("classes answering text/csv").isNotEmpty();
        for (Path exporter : exporters) {
            try (Stream<Path> siblings = Files.list(exporter.getParent())) {
                assertThat(siblings.filter(file -> file.toString().endsWith(".java"))
                                .anyMatch(file -> read(file).contains("CsvWriter")))
                        .as("%s answers CSV; its package must write it with CsvWriter", exporter)
                        .isTrue();
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
