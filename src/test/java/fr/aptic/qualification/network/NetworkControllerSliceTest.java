package fr.aptic.qualification.network;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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

/** {@code NetworkController} alone: how requests bind, and how refusals become problems. */
@WebMvcTest(
        controllers = NetworkController.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = Slices.FILTERS))
@AutoConfigureMockMvc(addFilters = false)
@Import(JsonConfiguration.class)
class NetworkControllerSliceTest {

    static final UsernamePasswordAuthenticationToken NATIONAL = new UsernamePasswordAuthenticationToken(
            "national", null, List.of(new SimpleGrantedAuthority("aptic-qualification")));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    NetworkService networks;

    @Test
    void aNetworkWithFieldsOfTheWrongTypeIsRefusedBeforeTheService() throws Exception {
        mvc.perform(post("/api/networks")
                        .principal(NATIONAL)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"networkId\": \"r\", \"subscriptionPaidByNetwork\": \"oui\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("subscriptionPaidByNetwork"));
        mvc.perform(post("/api/networks")
                        .principal(NATIONAL)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agreement\": {\"validFrom\": \"01/01/2026\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("agreement.validFrom"));
        verifyNoInteractions(networks);
    }

    @Test
    void aConflictAndAnUnknownNetworkAreProblems() throws Exception {
        when(networks.create(any(), any())).thenThrow(ProblemException.conflict("Ce réseau existe déjà"));
        mvc.perform(post("/api/networks")
                        .principal(NATIONAL)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Ce réseau existe déjà"));
        when(networks.view(eq("inconnu"), any())).thenThrow(ProblemException.notFound("Réseau inconnu"));
        mvc.perform(get("/api/networks/inconnu").principal(NATIONAL))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
    }
}
