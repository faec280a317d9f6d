package fr.aptic.qualification.territory;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@code FunnelController} alone: how requests bind, and how refusals become problems. */
@WebMvcTest(
        controllers = FunnelController.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = Slices.FILTERS))
@AutoConfigureMockMvc(addFilters = false)
@Import(JsonConfiguration.class)
class FunnelControllerSliceTest {

    static final UsernamePasswordAuthenticationToken NATIONAL = new UsernamePasswordAuthenticationToken(
            "national", null, List.of(new SimpleGrantedAuthority("aptic-qualification")));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    FunnelService funnel;

    @Test
    void anUnknownPathIsA400NamingTheParameter() throws Exception {
        when(funnel.report(any(), eq("NOWHERE"), any(), any()))
                .thenThrow(ProblemException.invalid("path", "parcours inconnu : NOWHERE"));
        mvc.perform(get("/api/reports/funnel").param("path", "NOWHERE").principal(NATIONAL))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("path"));
    }

    @Test
    void blankFiltersAreNoFilters() throws Exception {
        when(funnel.report(eq(null), eq(null), eq(null), any())).thenThrow(ProblemException.forbidden("Réservé"));
        mvc.perform(get("/api/reports/funnel").param("departement", " ").principal(NATIONAL))
                .andExpect(status().isForbidden());
    }
}
