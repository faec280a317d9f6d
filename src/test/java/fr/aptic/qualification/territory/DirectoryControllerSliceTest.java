package fr.aptic.qualification.territory;

import static org.mockito.ArgumentMatchers.any;
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

/** {@code DirectoryController} alone: how requests bind, and how refusals become problems. */
@WebMvcTest(
        controllers = DirectoryController.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = Slices.FILTERS))
@AutoConfigureMockMvc(addFilters = false)
@Import(JsonConfiguration.class)
class DirectoryControllerSliceTest {

    static final UsernamePasswordAuthenticationToken NATIONAL = new UsernamePasswordAuthenticationToken(
            "national", null, List.of(new SimpleGrantedAuthority("aptic-qualification")));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DirectoryImport directoryImport;

    @Test
    void aCsvIsImportedAndItsCountsAnswered() throws Exception {
        when(directoryImport.importCsv(any()))
                .thenReturn(new DirectoryImport.Result(
                        2, 1, 1, 0, 1, List.of(FieldError.atRow(3, "code_postal", "code postal inconnu"))));
        mvc.perform(post("/api/directory")
                        .principal(NATIONAL)
                        .contentType("text/csv")
                        .content("id\n1\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inserted").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("code_postal"));
    }

    @Test
    void aHeaderWithoutItsColumnsIsA400AndAnotherFormatA415() throws Exception {
        when(directoryImport.importCsv(any()))
                .thenThrow(ProblemException.invalid(List.of(FieldError.atRow(1, "pivot", "colonne obligatoire"))));
        mvc.perform(post("/api/directory")
                        .principal(NATIONAL)
                        .contentType("text/csv")
                        .content("id\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].row").value(1));
        mvc.perform(post("/api/directory")
                        .principal(NATIONAL)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnsupportedMediaType());
    }
}
