package fr.aptic.qualification.application;

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
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@code ApplicationController} alone: how requests bind, and how refusals become problems. */
@WebMvcTest(
        controllers = ApplicationController.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = Slices.FILTERS))
@AutoConfigureMockMvc(addFilters = false)
@Import(JsonConfiguration.class)
class ApplicationControllerSliceTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ApplicationService applications;

    @Test
    void aSubmittedApplicationAnswers201WithItsLocationAndToken() throws Exception {
        when(applications.submit(any(), eq(ApplicationService.Origin.free())))
                .thenReturn(new ApplicationService.Submitted("id-1", "token-1", ApplicationStatus.SUBMITTED));
        mvc.perform(post("/api/applications")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"siret\": \"1\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/applications/id-1"))
                .andExpect(jsonPath("$.trackingToken").value("token-1"))
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
    }

    @Test
    void theServicesFieldErrorsBecomeAProblemNamingEachField() throws Exception {
        when(applications.submit(any(), any()))
                .thenThrow(ProblemException.invalid(List.of(
                        FieldError.of("organisation.legalForm", "forme juridique non reconnue"),
                        FieldError.of("places[0].postalCode", "code postal inconnu"))));
        mvc.perform(post("/api/applications")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value("organisation.legalForm"))
                .andExpect(jsonPath("$.errors[1].field").value("places[0].postalCode"));
    }

    @Test
    void aBodyThatIsNotTheContractsIsRefusedBeforeTheService() throws Exception {
        mvc.perform(post("/api/applications")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"siret\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(""));
        mvc.perform(post("/api/applications")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"colour\": \"red\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("colour"));
        mvc.perform(post("/api/applications")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"siret\": 12}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("siret"));
        mvc.perform(post("/api/applications").contentType(MediaType.TEXT_PLAIN).content("siret=1"))
                .andExpect(status().isUnsupportedMediaType());
        verifyNoInteractions(applications);
    }

    @Test
    void anUnknownApplicationOrAWrongTokenIs404() throws Exception {
        when(applications.view(eq("unknown"), any(), any()))
                .thenThrow(ProblemException.notFound("Demande introuvable"));
        mvc.perform(get("/api/applications/unknown").header("X-Tracking-Token", "wrong"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Demande introuvable"));
    }
}
