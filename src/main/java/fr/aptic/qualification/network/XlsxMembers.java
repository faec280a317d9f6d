package fr.aptic.qualification.network;

import fr.aptic.qualification.application.ApplicationValidator;
import fr.aptic.qualification.web.FieldError;
import fr.aptic.qualification.web.ProblemException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.springframework.http.HttpStatus;

/**
 * A batch sent as an Excel workbook (.xlsx): its first sheet holds API.md's columns, the header on row 1. The
 * sheet is copied, row by row, into a CSV file on disk that {@link CsvMembers} then reads, so an .xlsx and a CSV
 * batch have the same columns, the same checks and the same messages; each sheet row becomes one CSV record at the
 * same row number (empty rows become blank lines), so errors name the rows as the spreadsheet shows them.
 *
 * <p>Cells are taken as typed: text as it reads, numbers in plain digits ({@code 73282932000074}, not
 * {@code 7.3E13}), booleans as {@code true}/{@code false}, formulas by their last computed value. A SIRET, a postal
 * code or an INSEE code typed as a number gets back the leading zeros Excel drops ({@code 1000} in
 * {@code postalCode} is {@code 01000}). Memory stays bounded
 * whatever the sheet's length; before anything is parsed, the archive's uncompressed size is capped, so a small
 * file that would inflate to gigabytes (a "zip bomb") is refused with 400, as are old .xls files and anything
 * that is not a workbook.
 */
final class XlsxMembers {

    /** What the workbook's parts may weigh once uncompressed, together. */
    static final long MAX_UNCOMPRESSED = 256L * 1024 * 1024;

    /** The archive's entries: a workbook of one sheet has about a dozen. */
    static final int MAX_ENTRIES = 1_000;

    /** The columns of codes made of a fixed number of digits, which Excel shortens when typed as numbers. */
    private static final java.util.Map<String, Integer> DIGIT_CODES =
            java.util.Map.of("siret", 14, "postalCode", 5, "inseeCode", 5);

    private static final byte[] ZIP = {0x50, 0x4b, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0};

    private XlsxMembers() {}

    /** Whether these first bytes start a zip archive, as an .xlsx workbook does. */
    static boolean looksLikeXlsx(byte[] head) {
        return startsWith(head, ZIP);
    }

    /** Whether these first bytes start an old binary Excel file (.xls). */
    static boolean looksLikeXls(byte[] head) {
        return startsWith(head, OLE2);
    }

    static MemberSource open(InputStream body, ApplicationValidator validator) throws IOException {
        Path workbook = Files.createTempFile("aptic-batch-", ".xlsx");
        Path csv = null;
        try {
            Files.copy(body, workbook, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            checkArchive(workbook);
            csv = Files.createTempFile("aptic-batch-", ".csv");
            copyFirstSheet(workbook, csv);
            Files.delete(workbook);
            CsvMembers members = CsvMembers.open(Files.newInputStream(csv), validator, "Excel");
            return new Source(members, csv);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(workbook);
            if (csv != null) {
                Files.deleteIfExists(csv);
            }
            throw e;
        }
    }

    /** Refuses what is not an .xlsx archive, or one whose parts would inflate past the cap. */
    private static void checkArchive(Path workbook) throws IOException {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(workbook)) {
            int read = in.readNBytes(head, 0, 4);
            if (read < 4 || !looksLikeXlsx(head)) {
                throw notAWorkbook(
                        read == 4 && looksLikeXls(head)
                                ? "ancien format Excel (.xls) : enregistrez le fichier au format .xlsx ou CSV"
                                : "ce n'est pas un classeur Excel (.xlsx)");
            }
        }
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (++entries > MAX_ENTRIES) {
                    throw notAWorkbook("le classeur contient trop de parties");
                }
                // The sizes an archive declares can lie: what counts is what inflates.
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        total += n;
                        if (total > MAX_UNCOMPRESSED) {
                            throw notAWorkbook("le classeur est trop volumineux une fois décompressé (au plus "
                                    + MAX_UNCOMPRESSED / (1024 * 1024) + " Mio)");
                        }
                    }
                }
            }
        } catch (ZipException e) {
            throw notAWorkbook("le classeur est endommagé et ne peut être ouvert");
        }
    }

    /** The first sheet, one CSV record per row at the same row number. */
    private static void copyFirstSheet(Path workbook, Path csv) throws IOException {
        try (ReadableWorkbook book = new ReadableWorkbook(workbook.toFile(), new ReadingOptions(false, false));
                BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(
                        out,
                        CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            Sheet sheet = book.getFirstSheet();
            if (sheet == null) {
                throw notAWorkbook("le classeur ne contient aucune feuille");
            }
            int written = 0;
            List<String> header = List.of();
            try (Stream<Row> rows = sheet.openStream()) {
                Iterator<Row> it = rows.iterator();
                while (it.hasNext()) {
                    Row row = it.next();
                    for (; written < row.getRowNum() - 1; written++) {
                        printer.println();
                    }
                    List<String> values = values(row, header);
                    if (row.getRowNum() == 1) {
                        header = values;
                    }
                    printer.printRecord(values);
                    written++;
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        } catch (ExcelReaderException | IllegalStateException | IllegalArgumentException e) {
            throw notAWorkbook("le classeur ne peut être lu (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static List<String> values(Row row, List<String> header) {
        List<String> values = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell cell = row.getCell(i);
            String text = text(cell);
            Integer digits = i < header.size() ? DIGIT_CODES.get(header.get(i).strip()) : null;
            if (digits != null
                    && cell != null
                    && cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER
                    && text.matches("[0-9]+")
                    && text.length() < digits) {
                text = "0".repeat(digits - text.length()) + text;
            }
            values.add(text);
        }
        // trailing empty cells say nothing (a spreadsheet often formats a few columns past the last one used)
        while (!values.isEmpty() && values.get(values.size() - 1).isEmpty()) {
            values.remove(values.size() - 1);
        }
        return values;
    }

    static String text(Cell cell) {
        if (cell == null || cell.getRawValue() == null) {
            return "";
        }
        String raw = cell.getRawValue();
        return switch (cell.getType()) {
            case NUMBER -> plain(raw);
            case BOOLEAN -> "1".equals(raw) || "true".equalsIgnoreCase(raw) ? "true" : "false";
            case STRING -> cell.getText();
            case FORMULA -> plainIfNumber(raw);
            default -> raw;
        };
    }

    /** A number as digits: no exponent, no trailing zeros ({@code 1800}, {@code 45.7676}). */
    private static String plain(String raw) {
        try {
            BigDecimal number = new BigDecimal(raw.strip());
            return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    private static String plainIfNumber(String raw) {
        return raw.strip().matches("-?[0-9.]+([eE][-+]?[0-9]+)?") ? plain(raw) : raw;
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static ProblemException notAWorkbook(String message) {
        return new ProblemException(
                HttpStatus.BAD_REQUEST,
                "Le fichier Excel ne peut être lu : aucun membre n'a été enregistré",
                List.of(FieldError.of("file", message)));
    }

    /** The CSV members over the temporary file, which goes once they are closed. */
    private record Source(CsvMembers members, Path csv) implements MemberSource {

        @Override
        public MemberRow next() throws IOException {
            return members.next();
        }

        @Override
        public String format() {
            return "XLSX";
        }

        @Override
        public void close() throws IOException {
            try {
                members.close();
            } finally {
                Files.deleteIfExists(csv);
            }
        }
    }
}
