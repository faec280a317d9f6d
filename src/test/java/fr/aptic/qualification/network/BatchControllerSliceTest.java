package fr.aptic.qualification.network;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@code BatchController} alone: how requests bind, and how refusals become problems. */
@WebMvcTest(
        controllers = BatchController.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = Slices.FILTERS))
@AutoConfigureMockMvc(addFilters = false)
@Import(JsonConfiguration.class)
class BatchControllerSliceTest {

    static final UsernamePasswordAuthenticationToken NATIONAL = new UsernamePasswordAuthenticationToken(
            "national", null, List.of(new SimpleGrantedAuthority("aptic-qualification")));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    BatchService batches;

    @Test
    void aCsvBatchIsAcceptedWithItsLocationAndItsFormatIsTheContentTypes() throws Exception {
        when(batches.submit(eq("r1"), eq(BatchService.Format.CSV), any(), eq("k1"), any()))
                .thenReturn(new BatchService.Submission("b1", "{\"batchId\": \"b1\"}", false));
        when(batches.submit(eq("r1"), eq(BatchService.Format.JSON), any(), any(), any()))
                .thenReturn(new BatchService.Submission("b2", "{\"batchId\": \"b2\"}", true));
        mvc.perform(post("/api/networks/r1/batches")
                        .principal(NATIONAL)
                        .header("Idempotency-Key", "k1")
                        .contentType("text/csv")
                        .content("siret\n1\n"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/networks/r1/batches/b1"))
                .andExpect(jsonPath("$.batchId").value("b1"));
        mvc.perform(post("/api/networks/r1/batches")
                        .principal(NATIONAL)
                        .contentType("application/json;charset=UTF-8")
                        .content("[]"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Idempotent-Replayed", "true"));
    }

    @Test
    void aBatchInAnotherFormatIs415() throws Exception {
        mvc.perform(post("/api/networks/r1/batches")
                        .principal(NATIONAL)
                        .contentType("application/xml")
                        .content("<a/>"))
                .andExpect(status().isUnsupportedMediaType());
        verifyNoInteractions(batches);
    }

    @Test
    void theErrorsComeAsJsonOrAsAFileForASpreadsheet() throws Exception {
        org.mockito.Mockito.doAnswer(call -> {
                    java.util.function.Consumer<NetworkRepository.RowError> each = call.getArgument(3);
                    each.accept(new NetworkRepository.RowError(1, 5, "postalCode", "code postal inconnu ; voir"));
                    return null;
                })
                .when(batches)
                .errors(eq("r1"), eq("b1"), any(), any());
        mvc.perform(get("/api/networks/r1/batches/b1/errors").principal(NATIONAL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].row").value(5))
                .andExpect(jsonPath("$[0].field").value("postalCode"));
        mvc.perform(get("/api/networks/r1/batches/b1/errors")
                        .principal(NATIONAL)
                        .accept("text/csv"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"erreurs-b1.csv\""))
                .andExpect(content()
                        .string("\uFEFFligne;colonne;message\r\n5;postalCode;\"code postal inconnu ; voir\"\r\n"));
    }

    @Test
    void anotherNetworksBatchIsAProblem() throws Exception {
        when(batches.progress(eq("r2"), anyString(), any())).thenThrow(ProblemException.forbidden("Réservé au réseau"));
        mvc.perform(get("/api/networks/r2/batches/b1").principal(NATIONAL))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
    }
}
