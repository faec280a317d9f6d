package fr.aptic.qualification.map;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.aptic.qualification.support.Slices;
import fr.aptic.qualification.web.JsonConfiguration;
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

/** {@code PlacesController} alone: how requests bind, and how refusals become problems. */
@WebMvcTest(
        controllers = PlacesController.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = Slices.FILTERS))
@AutoConfigureMockMvc(addFilters = false)
@Import({JsonConfiguration.class, PublishedPlaces.class})
class PlacesControllerSliceTest {

    static final UsernamePasswordAuthenticationToken NATIONAL = new UsernamePasswordAuthenticationToken(
            "national", null, List.of(new SimpleGrantedAuthority("aptic-qualification")));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PlaceRepository places;

    @Test
    void badFiltersAre400NamingThemAndNeverReachTheDatabase() throws Exception {
        mvc.perform(get("/api/places").param("departement", "999x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("departement"));
        mvc.perform(get("/api/places.csv").param("service", "Cours de cuisine"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("service"));
        verifyNoInteractions(places);
    }

    @Test
    void theMapAnswersInEachFormat() throws Exception {
        when(places.published(any(), any(), any())).thenReturn(List.of());
        mvc.perform(get("/api/places"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isArray());
        mvc.perform(get("/api/places.geojson"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("FeatureCollection"));
        mvc.perform(get("/api/places.csv"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")));
    }
}
