package fr.aptic.qualification.steering;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aptic.qualification.reference.Territories;
import fr.aptic.qualification.simulation.SimulationService;
import fr.aptic.qualification.web.FieldError;
import fr.aptic.qualification.web.ProblemException;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

/**
 * The simulation's form and answer on the steering page: a candidate DMN file or a deployed version, judged on
 * the stored applications by the simulation room's service (the one behind {@code POST /api/simulations}); every
 * bad input is said beside its field, with a 4xx, never a 500.
 */
@Component
class SimulationForm {

    /** A DMN model is a few tens of kilobytes; anything larger is not one. */
    static final long MAX_FILE_BYTES = 1024 * 1024;
    /** Changed applications listed in the downloadable file. */
    static final int LISTED = 20_000;

    static final Map<String, String> LABELS = Dashboard.labels(
            "source", "Ce qui est simulé",
            "decision", "Décision",
            "fichier", "Fichier DMN",
            "version", "Version déployée",
            "reference", "Comparer avec",
            "simulationDepartement", "Département",
            "du", "Déposées à partir du",
            "au", "Déposées jusqu’au");

    /** The service's fields (the API's) as the form names them. */
    static final Map<String, String> RENAMED = Map.of(
            "file", "fichier",
            "decisionKey", "decision",
            "baseline", "reference",
            "departement", "simulationDepartement",
            "submittedFrom", "du",
            "submittedTo", "au");

    static final Map<String, String> DECISIONS = Dashboard.labels(
            "eligibility", "Éligibilité (eligibility)", "charter-compliance", "Charte (charter-compliance)");

    /** The form as typed, to show it again. */
    record Typed(
            String source,
            String decision,
            String version,
            String reference,
            String departement,
            String du,
            String au) {

        static final Typed EMPTY = new Typed("fichier", "eligibility", "", "stored", "", "", "");
    }

    private final SimulationService simulations;
    private final ObjectMapper json;
    private final Territories territories = Territories.defaults();

    SimulationForm(SimulationService simulations, ObjectMapper json) {
        this.simulations = simulations;
        this.json = json;
    }

    /** The form, nothing simulated yet. */
    void emptyForm(Model model) {
        form(model, Typed.EMPTY, FormErrors.none());
    }

    /** Runs the simulation the form asks for; answers the status of the page (200, or the 4xx of its errors). */
    HttpStatus run(Typed typed, MultipartFile file, HttpSession session, Model model) {
        List<FieldError> errors = new ArrayList<>();
        SimulationService.Request request = request(typed, file, errors);
        if (!errors.isEmpty()) {
            form(model, typed, errorsOf(errors, typed));
            return HttpStatus.BAD_REQUEST;
        }
        SimulationService.Listing listing;
        try {
            listing = simulations.simulateListing(request, LISTED);
        } catch (ProblemException refused) {
            List<FieldError> said = refused.errors().isEmpty()
                    ? List.of(FieldError.of(fileMode(typed) ? "file" : "version", refused.getMessage()))
                    : refused.errors();
            form(model, typed, errorsOf(said, typed));
            return refused.status().is4xxClientError() ? refused.status() : HttpStatus.BAD_REQUEST;
        }
        String download = SimulationDownloads.keep(session, listing.report().decisionKey(), listing.changes());
        SimulationFigures figures = SimulationFigures.of(listing, territories, download);
        form(model, typed, FormErrors.none());
        model.addAttribute("resultat", figures);
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("transitions", figures.transitionsChart().json(json));
        charts.put("motifs", figures.reasonsChart().json(json));
        charts.put("departementsSimules", figures.departementsChart().json(json));
        model.addAttribute("graphiquesSimulation", charts);
        return HttpStatus.OK;
    }

    private SimulationService.Request request(Typed typed, MultipartFile file, List<FieldError> errors) {
        if (!List.of("fichier", "version").contains(typed.source())) {
            errors.add(FieldError.of("source", "choisissez un fichier DMN ou une version déployée"));
            return null;
        }
        if (!DECISIONS.containsKey(typed.decision())) {
            errors.add(FieldError.of("decision", "choisissez eligibility ou charter-compliance"));
        }
        byte[] content = null;
        String fileName = null;
        Integer version = null;
        if (fileMode(typed)) {
            if (file == null || file.isEmpty()) {
                errors.add(FieldError.of("fichier", "choisissez un fichier DMN (.dmn) à simuler"));
            } else if (file.getSize() > MAX_FILE_BYTES) {
                errors.add(FieldError.of(
                        "fichier",
                        "fichier trop volumineux : 1 Mo au plus (un modèle DMN pèse quelques dizaines de Ko)"));
            } else {
                content = bytes(file);
                fileName = file.getOriginalFilename();
            }
        } else {
            version = version(typed.version(), errors);
        }
        if (!List.of("stored", "deployed").contains(typed.reference())) {
            errors.add(FieldError.of("reference", "choisissez l’issue enregistrée ou les décisions déployées"));
        }
        String departement = Dashboard.blankToNull(typed.departement());
        if (departement != null && !territories.isDepartement(departement)) {
            errors.add(FieldError.of("simulationDepartement", "département inconnu (01 à 95, 2A, 2B, 971 à 976)"));
        }
        LocalDate from = date(typed.du(), "du", errors);
        LocalDate to = date(typed.au(), "au", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(FieldError.of("au", "date antérieure à la première"));
        }
        return new SimulationService.Request(
                typed.decision(),
                version,
                fileName,
                content,
                "deployed".equals(typed.reference())
                        ? SimulationService.Baseline.DEPLOYED
                        : SimulationService.Baseline.STORED,
                from,
                to,
                departement);
    }

    private void form(Model model, Typed typed, FormErrors errors) {
        model.addAttribute("simulation", typed);
        model.addAttribute("erreursSimulation", errors);
        model.addAttribute("decisions", DECISIONS);
        model.addAttribute("versions", simulations.deployedVersions());
        model.addAttribute("tailleMax", "1 Mo");
        if (!model.containsAttribute("departements")) {
            model.addAttribute("departements", territories.departements());
        }
    }

    private static FormErrors errorsOf(List<FieldError> errors, Typed typed) {
        return FormErrors.of(errors, LABELS, RENAMED, fileMode(typed) ? "fichier" : "version");
    }

    private static boolean fileMode(Typed typed) {
        return "fichier".equals(typed.source());
    }

    private static Integer version(String typed, List<FieldError> errors) {
        String value = Dashboard.blankToNull(typed);
        if (value == null) {
            errors.add(FieldError.of("version", "choisissez une version déployée"));
            return null;
        }
        try {
            int version = Integer.parseInt(value);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        errors.add(FieldError.of("version", "numéro de version invalide"));
        return null;
    }

    private static LocalDate date(String typed, String field, List<FieldError> errors) {
        String value = Dashboard.blankToNull(typed);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "date attendue au format AAAA-MM-JJ"));
            return null;
        }
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
