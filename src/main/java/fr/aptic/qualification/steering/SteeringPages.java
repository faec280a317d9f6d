package fr.aptic.qualification.steering;

import fr.aptic.qualification.web.Pages;
import fr.aptic.qualification.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The steering page ({@code /pilotage}), for the national team, process owners and administrators (the security
 * chain of {@code security.StaffPagesSecurity} lets no one else in): the funnel with its filters (a GET form,
 * applied in place and kept in the URL), the territories on their map, the open campaigns, the links to the
 * webapps ({@link Dashboard}), and the what-if simulation ({@link SimulationForm}) with its list to download.
 */
@Controller
@Pages
class SteeringPages {

    private final Dashboard dashboard;
    private final SimulationForm simulation;

    SteeringPages(Dashboard dashboard, SimulationForm simulation) {
        this.dashboard = dashboard;
        this.simulation = simulation;
    }

    @GetMapping("/pilotage")
    String page(
            @RequestParam(name = "departement", required = false) String departement,
            @RequestParam(name = "parcours", required = false) String path,
            Authentication user,
            HttpServletResponse response,
            Model model) {
        dashboard.dashboard(Dashboard.blankToNull(departement), Dashboard.blankToNull(path), user, response, model);
        simulation.emptyForm(model);
        return "pilotage";
    }

    /**
     * A simulation: sent by htmx, the page's simulation section alone comes back (in place); sent without
     * JavaScript, the whole page.
     */
    @PostMapping("/pilotage/simulation")
    String simulate(
            @RequestParam(name = "source", defaultValue = "fichier") String source,
            @RequestParam(name = "decision", defaultValue = "eligibility") String decision,
            @RequestParam(name = "fichier", required = false) MultipartFile file,
            @RequestParam(name = "version", required = false) String version,
            @RequestParam(name = "reference", defaultValue = "stored") String reference,
            @RequestParam(name = "simulationDepartement", required = false) String departement,
            @RequestParam(name = "du", required = false) String from,
            @RequestParam(name = "au", required = false) String to,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Authentication user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        SimulationForm.Typed typed = new SimulationForm.Typed(
                source, decision, orEmpty(version), reference, orEmpty(departement), orEmpty(from), orEmpty(to));
        HttpStatus status = simulation.run(typed, file, request.getSession(), model);
        response.setStatus(status.value());
        if (htmx != null) {
            return "pilotage :: simulation";
        }
        dashboard.dashboard(null, null, user, response, model);
        response.setStatus(status.value());
        return "pilotage";
    }

    /** The changed applications of a simulation the user ran, as a file for a French spreadsheet. */
    @GetMapping("/pilotage/simulation/{id}.csv")
    ResponseEntity<byte[]> download(@PathVariable String id, HttpServletRequest request) {
        SimulationDownloads.File file = SimulationDownloads.find(request.getSession(false), id)
                .orElseThrow(() -> new ProblemException(
                        HttpStatus.NOT_FOUND,
                        "Cette liste n’existe plus : les trois dernières simulations de votre session sont gardées."
                                + " Relancez la simulation."));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.name())
                                .build()
                                .toString())
                .body(file.content());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
