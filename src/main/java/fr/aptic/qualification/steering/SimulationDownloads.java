package fr.aptic.qualification.steering;

import fr.aptic.qualification.csv.CsvWriter;
import fr.aptic.qualification.simulation.SimulationService;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The changed applications of a user's last simulations, as files a French spreadsheet opens (UTF-8 with BOM,
 * {@code ;}; every text cell neutralised against formulas by {@link CsvWriter}), kept in the user's session:
 * the file is what the page showed, without uploading the model again. Only the last {@link #KEPT} are kept.
 */
final class SimulationDownloads {

    static final String ATTRIBUTE = SimulationDownloads.class.getName();
    static final int KEPT = 3;
    static final List<String> HEADER = List.of(
            "demande",
            "siret",
            "structure",
            "departement",
            "avant",
            "apres",
            "score_avant",
            "score_apres",
            "motifs_ajoutes",
            "motifs_retires");

    /** A file to download: its name and content. */
    record File(String name, byte[] content) implements Serializable {}

    private SimulationDownloads() {}

    /** Keeps the file of a listing in the session; answers its id. */
    static String keep(HttpSession session, String decisionKey, List<SimulationService.Change> changes) {
        String id = UUID.randomUUID().toString();
        File file = new File("simulation-" + decisionKey + "-demandes.csv", csv(changes));
        synchronized (org.springframework.web.util.WebUtils.getSessionMutex(session)) {
            Map<String, File> kept = files(session);
            kept.put(id, file);
            while (kept.size() > KEPT) {
                kept.remove(kept.keySet().iterator().next());
            }
            session.setAttribute(ATTRIBUTE, kept);
        }
        return id;
    }

    static Optional<File> find(HttpSession session, String id) {
        if (session == null) {
            return Optional.empty();
        }
        synchronized (org.springframework.web.util.WebUtils.getSessionMutex(session)) {
            return Optional.ofNullable(files(session).get(id));
        }
    }

    static byte[] csv(List<SimulationService.Change> changes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter csv = CsvWriter.forSpreadsheet(out)) {
            csv.row(HEADER);
            for (SimulationService.Change c : changes) {
                csv.cell(c.applicationId())
                        .cell(c.siret())
                        .cell(c.organisation())
                        .cell(c.departement())
                        .cell(c.from())
                        .cell(c.to())
                        .number(c.scoreBefore())
                        .number(c.scoreAfter())
                        .cell(String.join("|", c.reasonsAdded()))
                        .cell(String.join("|", c.reasonsRemoved()))
                        .endRow();
            }
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static LinkedHashMap<String, File> files(HttpSession session) {
        Object kept = session.getAttribute(ATTRIBUTE);
        return kept instanceof LinkedHashMap<?, ?> map ? (LinkedHashMap<String, File>) map : new LinkedHashMap<>();
    }
}
