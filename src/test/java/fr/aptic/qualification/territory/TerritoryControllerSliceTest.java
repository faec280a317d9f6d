package fr.aptic.qualification.territory;

import static org.mockito.Mockito.verifyNoInteractions;
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

/** {@code TerritoryController} alone: how requests bind, and how refusals become problems. */
@WebMvcTest(
        controllers = TerritoryController.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = Slices.FILTERS))
@AutoConfigureMockMvc(addFilters = false)
@Import(JsonConfiguration.class)
class TerritoryControllerSliceTest {

    static final UsernamePasswordAuthenticationToken NATIONAL = new UsernamePasswordAuthenticationToken(
            "national", null, List.of(new SimpleGrantedAuthority("aptic-qualification")));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    InjectionService injections;

    @MockitoBean
    ConsolidationService consolidations;

    @Test
    void anInjectionWithADateThatIsNotIsoIsRefusedNamingIt() throws Exception {
        mvc.perform(post("/api/territories/33/pass-injections")
                        .principal(NATIONAL)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"funder\": \"Gironde\", \"passes\": 10, \"faceValueCents\": 1000,"
                                + " \"date\": \"01/11/2026\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("date"));
        mvc.perform(post("/api/territories/33/pass-injections")
                        .principal(NATIONAL)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"passes\": 1.5}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("passes"));
        verifyNoInteractions(injections);
    }

    @Test
    void anUnknownDepartementIsA400NamingIt() throws Exception {
        org.mockito.Mockito.doThrow(ProblemException.invalid("departement", "département inconnu : 99"))
                .when(injections)
                .requireDepartement("99");
        mvc.perform(get("/api/territories/99/consolidation").principal(NATIONAL))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("departement"));
    }
}
