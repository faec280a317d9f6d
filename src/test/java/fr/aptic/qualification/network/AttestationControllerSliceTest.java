package fr.aptic.qualification.network;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.aptic.qualification.support.Slices;
import fr.aptic.qualification.web.FieldError;
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

/** {@code AttestationController} alone: how requests bind, and how refusals become problems. */
@WebMvcTest(
        controllers = AttestationController.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = Slices.FILTERS))
@AutoConfigureMockMvc(addFilters = false)
@Import(JsonConfiguration.class)
class AttestationControllerSliceTest {

    static final UsernamePasswordAuthenticationToken NATIONAL = new UsernamePasswordAuthenticationToken(
            "national", null, List.of(new SimpleGrantedAuthority("aptic-qualification")));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AttestationService attestations;

    @Test
    void idsThatAreNotAListAreRefusedBeforeTheService() throws Exception {
        mvc.perform(post("/api/networks/r1/attestations")
                        .principal(NATIONAL)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"applicationIds\": \"a1\", \"decision\": \"ATTEST\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("applicationIds"));
        verifyNoInteractions(attestations);
    }

    @Test
    void theServicesRefusalNamesItsField() throws Exception {
        when(attestations.attest(eq("r1"), any(), any()))
                .thenThrow(ProblemException.invalid(List.of(FieldError.of("decision", "ATTEST ou REFUSE"))));
        mvc.perform(post("/api/networks/r1/attestations")
                        .principal(NATIONAL)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"applicationIds\": [\"a1\"], \"decision\": \"MAYBE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("decision"));
    }
}
