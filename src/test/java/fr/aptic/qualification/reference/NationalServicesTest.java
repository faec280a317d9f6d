package fr.aptic.qualification.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class NationalServicesTest {

    @Test
    void listsTheNineServicesOfTheStandard() {
        assertThat(NationalServices.SERVICES).hasSize(9).doesNotHaveDuplicates();
        assertThat(NationalServices.isService("Aide aux démarches administratives"))
                .isTrue();
        assertThat(NationalServices.isService("Acquisition de matériel informatique à prix solidaire"))
                .isTrue();
    }

    @Test
    void knowsServicesOnlyByTheirExactSpelling() {
        assertThat(NationalServices.isService("Cours de cuisine")).isFalse();
        assertThat(NationalServices.isService("aide aux démarches administratives"))
                .isFalse();
        assertThat(NationalServices.isService(null)).isFalse();
    }

    @Test
    void findsTheStandardSpellingOfALooselyWrittenService() {
        String decomposed = Normalizer.normalize("Aide aux démarches administratives", Normalizer.Form.NFD);
        assertThat(NationalServices.service("  AIDE aux démarches ADMINISTRATIVES "))
                .contains("Aide aux démarches administratives");
        assertThat(NationalServices.service(decomposed)).contains("Aide aux démarches administratives");
        assertThat(NationalServices.service("Cours de cuisine")).isEmpty();
        assertThat(NationalServices.service(null)).isEmpty();
    }

    @Test
    void listsTheNationalProgrammes() {
        assertThat(NationalServices.PROGRAMMES).hasSize(11).doesNotHaveDuplicates();
        assertThat(NationalServices.isProgramme("France Services")).isTrue();
        assertThat(NationalServices.isProgramme("Point d'accès numérique CAF")).isTrue();
        assertThat(NationalServices.isProgramme("Relais numérique (Emmaüs Connect)"))
                .isTrue();
        assertThat(NationalServices.isProgramme("APTIC")).isFalse();
        assertThat(NationalServices.programme("france services")).contains("France Services");
    }

    @Test
    void listsTheSevenCharterCommitmentsOfV2() {
        assertThat(CharterCommitments.V2)
                .containsExactly(
                        "ZERO_REMAINING_COST",
                        "PRIORITY_PUBLICS",
                        "NEUTRALITY",
                        "DATA_PROTECTION",
                        "QUALITY_APPROACH",
                        "UP_TO_DATE_CATALOGUE",
                        "TERRITORIAL_COOPERATION");
        assertThat(CharterCommitments.isV2Commitment("NEUTRALITY")).isTrue();
        assertThat(CharterCommitments.isV2Commitment("neutrality")).isFalse();
        assertThat(CharterCommitments.isV2Commitment(null)).isFalse();
    }
}
