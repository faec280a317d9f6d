package fr.aptic.qualification.steering;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aptic.qualification.reference.Territories;
import fr.aptic.qualification.security.AccessSetup;
import fr.aptic.qualification.territory.CampaignService;
import fr.aptic.qualification.territory.ConsolidationService;
import fr.aptic.qualification.territory.FunnelService;
import fr.aptic.qualification.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the steering page shows above the simulation: the funnel with its filters, the territories on their map,
 * the open campaigns and the way to the webapps; the figures are those the API answers with, from the same
 * services.
 */
@Component
class Dashboard {

    static final Map<String, String> FILTER_LABELS = labels("departement", "Département", "parcours", "Parcours");

    private final FunnelService funnel;
    private final ConsolidationService consolidations;
    private final CampaignService campaigns;
    private final DepartementOutlines outlines;
    private final ObjectMapper json;
    private final Territories territories = Territories.defaults();

    Dashboard(
            FunnelService funnel,
            ConsolidationService consolidations,
            CampaignService campaigns,
            DepartementOutlines outlines,
            ObjectMapper json) {
        this.funnel = funnel;
        this.consolidations = consolidations;
        this.campaigns = campaigns;
        this.outlines = outlines;
        this.json = json;
    }

    /** Everything above the simulation: funnel, territories, campaigns, links. */
    void dashboard(String departement, String path, Authentication user, HttpServletResponse response, Model model) {
        Map<String, String> charts = new LinkedHashMap<>();
        model.addAttribute("departement", departement);
        model.addAttribute("parcours", path);
        model.addAttribute("departements", territories.departements());
        model.addAttribute("lesParcours", SteeringWords.PATHS);
        model.addAttribute("issues", FunnelFigures.OUTCOME_LABELS);
        try {
            FunnelFigures figures = FunnelFigures.of(funnel.nationalReport(departement, path, null), territories);
            model.addAttribute("entonnoir", figures);
            charts.put("issues", figures.outcomes().json(json));
            charts.put("tri", figures.tri().json(json));
            model.addAttribute("erreursFiltre", FormErrors.none());
        } catch (ProblemException refused) {
            response.setStatus(refused.status().value());
            model.addAttribute(
                    "erreursFiltre",
                    FormErrors.of(refused.errors(), FILTER_LABELS, Map.of("path", "parcours"), "departement"));
        }
        TerritoryFigures figures =
                TerritoryFigures.of(consolidations.overview(), campaigns.openCampaigns(), outlines.all(), territories);
        model.addAttribute("territoires", figures);
        model.addAttribute("viewBox", DepartementOutlines.VIEW_BOX);
        charts.put("revenus", figures.income().json(json));
        charts.put("campagnes", figures.progress().json(json));
        model.addAttribute("graphiques", charts);
        Set<String> groups = user == null
                ? Set.of()
                : user.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .collect(Collectors.toSet());
        // Tasklist lets in those who work tasks; process owners work none (the webapps' own rule)
        model.addAttribute("tasklist", groups.contains(AccessSetup.NATIONAL) || groups.contains(AccessSetup.ADMIN));
    }

    /** Field names and their labels, in the form's order. */
    static Map<String, String> labels(String... pairs) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            labels.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(labels);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
