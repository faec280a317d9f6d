package fr.aptic.qualification.lifecycle;

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

/** {@code QualificationController} alone: how requests bind, and how refusals become problems. */
@WebMvcTest(
        controllers = QualificationController.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = Slices.FILTERS))
@AutoConfigureMockMvc(addFilters = false)
@Import(JsonConfiguration.class)
class QualificationControllerSliceTest {

    static final UsernamePasswordAuthenticationToken NATIONAL = new UsernamePasswordAuthenticationToken(
            "national", null, List.of(new SimpleGrantedAuthority("aptic-qualification")));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QualificationService qualifications;

    @Test
    void aRevocationThatIsNotAnObjectOrNotJsonIsRefusedBeforeTheService() throws Exception {
        mvc.perform(post("/api/qualifications/73282932000074/revocation")
                        .principal(NATIONAL)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": [\"CHARTER_BREACH\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/qualifications/73282932000074/revocation")
                        .principal(NATIONAL)
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("CHARTER_BREACH"))
                .andExpect(status().isUnsupportedMediaType());
        verifyNoInteractions(qualifications);
    }

    @Test
    void theServiceRefusalsAreProblems() throws Exception {
        when(qualifications.revoke(eq("73282932000074"), eq("NOPE"), any(), any()))
                .thenThrow(ProblemException.invalid("reason", "motif inconnu"));
        mvc.perform(post("/api/qualifications/73282932000074/revocation")
                        .principal(NATIONAL)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"NOPE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        when(qualifications.view(eq("00000000000000"), any(), any()))
                .thenThrow(ProblemException.notFound("Qualification introuvable"));
        mvc.perform(get("/api/qualifications/00000000000000"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Qualification introuvable"));
        when(qualifications.confirmRenewal(eq("a"), eq("t"), any()))
                .thenThrow(ProblemException.conflict("Le renouvellement ouvre le 6 octobre 2027"));
        mvc.perform(post("/api/applications/a/renewal")
                        .header("X-Tracking-Token", "t")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isConflict());
    }
}
