package fr.aptic.qualification.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the reviewer reads of a territory's consolidation, one row per situation. */
class ConsolidationSentenceTest {

    @ParameterizedTest(name = "{0} € for {1} place(s), {2}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            90000    | 10 | OVER_SERVED  | 0 | Sur-desservi : 9 000 €/lieu/an — un nouvel entrant dilue les revenus
            0        | 5  | OVER_SERVED  | 0 | Sur-desservi : 0 €/lieu/an — un nouvel entrant dilue les revenus
            200000   | 10 | BALANCED     | 0 | Équilibré : 20 000 €/lieu/an (cible 15 000 à 25 000 €)
            0        | 0  | BALANCED     | 0 | Équilibré : ni pass injecté ni lieu qualifié sur 12 mois
            100000   | 3  | UNDER_SERVED | 1 | Sous-desservi : 33 333 €/lieu/an — 1 lieu à recruter
            200000   | 4  | UNDER_SERVED | 4 | Sous-desservi : 50 000 €/lieu/an — 4 lieux à recruter
            200000   | 0  | UNDER_SERVED | 8 | Sous-desservi : 200 000 € de pass sur 12 mois et aucun lieu qualifié — 8 lieux à recruter
            """)
    void describesTheTerritoryInOneFrenchSentence(
            long euros, int places, String status, int toRecruit, String sentence) {
        BigDecimal value = BigDecimal.valueOf(euros);
        BigDecimal income =
                places == 0 ? null : value.divide(BigDecimal.valueOf(places), 2, java.math.RoundingMode.HALF_UP);
        Consolidation consolidation =
                new Consolidation("69", "hinaura", euros / 10, value, places, income, 15000, 25000, status, toRecruit);

        assertThat(ConsolidationService.describe(consolidation)).isEqualTo(sentence);
    }
}
