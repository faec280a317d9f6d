package fr.aptic.qualification.territory;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.aptic.qualification.support.Slices;
import fr.aptic.qualification.web.JsonConfiguration;
import fr.aptic.qualification.web.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@code CampaignController} alone: how requests bind, and how refusals become problems. */
@WebMvcTest(
        controllers = CampaignController.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = Slices.FILTERS))
@AutoConfigureMockMvc(addFilters = false)
@Import(JsonConfiguration.class)
class CampaignControllerSliceTest {

    static final UsernamePasswordAuthenticationToken NATIONAL = new UsernamePasswordAuthenticationToken(
            "national", null, List.of(new SimpleGrantedAuthority("aptic-qualification")));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CampaignService campaigns;

    @MockitoBean
    CandidateApplications candidates;

    @Test
    void anApplicationWithoutItsInvitationIsA400NamingIt() throws Exception {
        mvc.perform(post("/api/campaigns/c1/applications")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("invitation"));
        verifyNoInteractions(candidates);
    }

    @Test
    void aUsedInvitationIsAConflictAndAnUnknownCampaignNotFound() throws Exception {
        when(candidates.apply(eq("c1"), eq("used"), any()))
                .thenThrow(ProblemException.conflict("Cette invitation a déjà servi à déposer une demande"));
        mvc.perform(post("/api/campaigns/c1/applications")
                        .param("invitation", "used")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isConflict());
        when(campaigns.view(eq("inconnue"), any())).thenThrow(ProblemException.notFound("Campagne inconnue"));
        mvc.perform(get("/api/campaigns/inconnue").principal(NATIONAL)).andExpect(status().isNotFound());
    }
}
