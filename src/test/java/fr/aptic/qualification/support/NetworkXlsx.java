package fr.aptic.qualification.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The members of a {@link NetworkCsv} file as a partner's spreadsheet saves them (.xlsx, one sheet): numbers
 * typed as numbers (the SIRET too, as Excel does when one types it), yes/no columns as booleans, the rest as text.
 */
public final class NetworkXlsx {

    private static final Set<String> NUMBERS =
            Set.of("siret", "trainedMediators", "openingHoursPerWeek", "servicesPerYear");
    private static final Set<String> BOOLEANS = Set.of("accessible", "regulatedPrice", "charterAccepted");

    private NetworkXlsx() {}

    /** The CSV's rows (comma separated, none quoted), in a workbook, each at the same row number. */
    public static byte[] from(byte[] csv) {
        List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
        List<String> header = List.of(lines.get(0).split(",", -1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "aptic-tests", "1.0");
            Worksheet sheet = workbook.newWorksheet("Membres");
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
            }
            for (int r = 1; r < lines.size(); r++) {
                String[] cells = lines.get(r).split(",", -1);
                for (int c = 0; c < cells.length && c < header.size(); c++) {
                    write(sheet, r, c, header.get(c), cells[c]);
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(Worksheet sheet, int row, int column, String name, String value) {
        if (value.isEmpty()) {
            return;
        }
        if (NUMBERS.contains(name) && value.matches("[0-9]{1,15}")) {
            sheet.value(row, column, new BigDecimal(value));
        } else if (BOOLEANS.contains(name) && (value.equals("true") || value.equals("false"))) {
            sheet.value(row, column, Boolean.valueOf(value));
        } else {
            sheet.value(row, column, value);
        }
    }
}
