package fr.aptic.qualification.simulation;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
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

/** {@code SimulationController} alone: how requests bind, and how refusals become problems. */
@WebMvcTest(
        controllers = SimulationController.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = Slices.FILTERS))
@AutoConfigureMockMvc(addFilters = false)
@Import(JsonConfiguration.class)
class SimulationControllerSliceTest {

    static final UsernamePasswordAuthenticationToken NATIONAL = new UsernamePasswordAuthenticationToken(
            "national", null, List.of(new SimpleGrantedAuthority("aptic-qualification")));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SimulationService simulations;

    @Test
    void aFormWithoutItsFileIsA400NamingTheFile() throws Exception {
        mvc.perform(multipart("/api/simulations")
                        .param("decisionKey", "eligibility")
                        .principal(NATIONAL))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        verifyNoInteractions(simulations);
    }

    @Test
    void aBadDecisionFileIsA400FromTheService() throws Exception {
        when(simulations.simulate(any()))
                .thenThrow(ProblemException.invalid("file", "la table ne se lit pas : règle Rule_1"));
        mvc.perform(multipart("/api/simulations")
                        .file(new org.springframework.mock.web.MockMultipartFile(
                                "file", "eligibility.dmn", "application/xml", "<definitions/>".getBytes()))
                        .principal(NATIONAL))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
    }
}
