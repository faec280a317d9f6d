package fr.aptic.qualification.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The overview of every territory (the steering page's) says what the consolidation of each says on its own,
 * and reads it without writing a decision instance into the engine's history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConsolidationOverviewTest {

    @Autowired
    InjectionService injections;

    @Autowired
    ConsolidationService consolidations;

    @Autowired
    HistoryService history;

    @Test
    void everyTerritoryReadsAsItsOwnConsolidationWithoutDecisionHistory() {
        injections.record(
                "48", new PassInjectionRequest("Département de la Lozère", 1_000, 1000, ConsolidationService.today()));
        injections.record(
                "90",
                new PassInjectionRequest(
                        "Département du Territoire de Belfort",
                        500,
                        1000,
                        ConsolidationService.today().minusMonths(3)));
        long decisions = history.createHistoricDecisionInstanceQuery().count();

        List<Consolidation> overview = consolidations.overview();

        assertThat(history.createHistoricDecisionInstanceQuery().count())
                .as("no decision history written by the overview")
                .isEqualTo(decisions);
        assertThat(overview)
                .extracting(Consolidation::departement)
                .contains("48", "90")
                .isSorted();
        for (Consolidation territory : overview) {
            assertThat(territory).isEqualTo(consolidations.of(territory.departement()));
        }
        assertThat(overview.stream().filter(c -> c.departement().equals("48")))
                .singleElement()
                .satisfies(lozere -> assertThat(lozere.status()).isEqualTo(Consolidation.UNDER_SERVED));
    }
}
