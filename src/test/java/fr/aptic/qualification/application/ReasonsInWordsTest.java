package fr.aptic.qualification.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The reviewer's form reads the eligibility rules' findings in French, never their codes. */
class ReasonsInWordsTest {

    @Test
    void anEligibleApplicationSaysNoReasonWasFoundWithItsScore() {
        assertThat(OpenReviewListener.inWords(72, ""))
                .isEqualTo("Aucun motif relevé : les règles d'éligibilité jugent la demande éligible (score 72).");
    }

    @Test
    void eachReasonIsWrittenInWordsAndAnUnknownCodeIsNeverShown() {
        assertThat(OpenReviewListener.inWords(40, "NO_TRAINED_MEDIATOR, SCORE_TOO_LOW, NEUTRALITY, NEW_RULE_CODE"))
                .isEqualTo("Motifs relevés par les règles d'éligibilité (score 40) : aucun médiateur formé ; le score"
                        + " du questionnaire d'éligibilité est insuffisant ; un engagement de la charte n'est pas pris ;"
                        + " autre motif relevé par les règles.")
                .doesNotContain("_");
    }
}
