package fr.aptic.qualification.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.aptic.qualification.support.Slices;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.test.web.servlet.MockMvc;

/** {@code ProblemErrorController} alone: the errors no controller answered, as problems saying only the status. */
@WebMvcTest(
        controllers = ProblemErrorController.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = Slices.FILTERS))
@AutoConfigureMockMvc(addFilters = false)
class ProblemErrorControllerSliceTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aContainerErrorIsAProblemInFrench() throws Exception {
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("Ressource introuvable"));
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 413))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.detail").value("Corps de requête trop volumineux"));
    }

    @Test
    void aStatusThatIsNotAnErrorIsAnInternalError() throws Exception {
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 200))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.detail").value("Erreur interne"));
        mvc.perform(get("/error")).andExpect(status().isInternalServerError());
    }
}
