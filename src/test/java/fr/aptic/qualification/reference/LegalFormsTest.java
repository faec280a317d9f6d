package fr.aptic.qualification.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LegalFormsTest {

    private final LegalForms forms = LegalForms.defaults();

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Association loi 1901                     | ASSOCIATION       | 9220
            association LOI-1901                     | ASSOCIATION       | 9220
            Asso                                     | ASSOCIATION       | 9220
            Association déclarée                     | ASSOCIATION       | 9220
            Association loi 1901 déclarée en préfecture | ASSOCIATION    | 9220
            Association de droit local (Alsace-Moselle) | ASSOCIATION    | 9260
            association loi 1908                     | ASSOCIATION       | 9260
            Association reconnue d'utilité publique  | ASSOCIATION       | 9230
            Collectivité                             | MUNICIPALITY      | 72
            COLLECTIVITE TERRITORIALE                | MUNICIPALITY      | 72
            Mairie                                   | MUNICIPALITY      | 7210
            Mairie de Bastia                         | MUNICIPALITY      | 7210
            Commune                                  | MUNICIPALITY      | 7210
            Département                              | MUNICIPALITY      | 7220
            Conseil départemental de la Gironde      | MUNICIPALITY      | 7220
            Région                                   | MUNICIPALITY      | 7230
            Communauté de communes                   | INTERMUNICIPALITY | 7346
            Communauté d'agglomération               | INTERMUNICIPALITY | 7348
            Communauté  d’agglomération du Grand Dax | INTERMUNICIPALITY | 7348
            Métropole                                | INTERMUNICIPALITY | 7344
            EPCI                                     | INTERMUNICIPALITY | -
            CCAS                                     | PUBLIC_BODY       | 7361
            C.C.A.S.                                 | PUBLIC_BODY       | 7361
            CCAS de Lille                            | PUBLIC_BODY       | 7361
            CIAS                                     | PUBLIC_BODY       | 7367
            Centre communal d'action sociale         | PUBLIC_BODY       | 7361
            Établissement public                     | PUBLIC_BODY       | -
            GIP                                      | PUBLIC_BODY       | 7410
            Groupement d'intérêt public              | PUBLIC_BODY       | 7410
            SCOP                                     | COOPERATIVE       | -
            Scic                                     | COOPERATIVE       | -
            Société coopérative d'intérêt collectif  | COOPERATIVE       | -
            SA                                       | COMPANY           | 55
            SAS                                      | COMPANY           | 5710
            S.A.S.                                   | COMPANY           | 5710
            SASU                                     | COMPANY           | 57
            SARL                                     | COMPANY           | 5499
            EURL                                     | COMPANY           | 54
            Micro-entrepreneur                       | SOLE_TRADER       | 1000
            micro entreprise                         | SOLE_TRADER       | 1000
            Auto-entrepreneur                        | SOLE_TRADER       | 1000
            Entreprise individuelle                  | SOLE_TRADER       | 1000
            Fondation                                | FOUNDATION        | 9300
            9220                                     | ASSOCIATION       | 9220
            92                                       | ASSOCIATION       | 92
            72                                       | MUNICIPALITY      | 72
            7361                                     | PUBLIC_BODY       | 7361
            5458                                     | COOPERATIVE       | 5458
            57.10                                    | COMPANY           | 5710
            5720                                     | COMPANY           | 5720
            ASSOCIATION                              | ASSOCIATION       | -
            MUNICIPALITY                             | MUNICIPALITY      | -
            sole_trader                              | SOLE_TRADER       | -
            Autre                                    | OTHER             | -
            """)
    void readsWhatPeopleWrite(String written, String canonical, String category) {
        Optional<LegalForms.LegalForm> form = forms.resolve(written);
        assertThat(form).as(written).isPresent();
        assertThat(form.get().canonical()).isEqualTo(canonical);
        assertThat(form.get().category()).isEqualTo(category);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "Castle", "SAX", "12", "1234", "Associatoin", "Payer", "9", "92200"})
    void refusesWhatItDoesNotKnow(String written) {
        assertThat(forms.resolve(written)).as(written).isEmpty();
    }

    @Test
    void everyLevelTwoCodeIsKnown() {
        String[] levelTwo = {
            "00", "10", "21", "22", "23", "24", "27", "28", "29", "31", "32", "41", "51", "52", "53", "54", "55", "56",
            "57", "58", "61", "62", "63", "64", "65", "69", "71", "72", "73", "74", "81", "82", "83", "84", "85", "91",
            "92", "93", "99"
        };
        for (String code : levelTwo) {
            assertThat(forms.resolve(code)).as(code).isPresent();
        }
        assertThat(forms.categoryCount()).isGreaterThan(150);
    }

    @Test
    void theLabelOfACategoryComesWithIt() {
        assertThat(forms.resolve("ccas").orElseThrow().label()).isEqualTo("Centre communal d'action sociale");
    }

    @Test
    void anUnknownFormIsAnsweredWithFrenchExamplesNotCodes() {
        String message = LegalForms.unknown("Castle");
        assertThat(message)
                .contains("« Castle »", "Association loi 1901", "Commune", "CCAS", "Micro-entrepreneur")
                .doesNotContain("INTERMUNICIPALITY", "SOLE_TRADER", "PUBLIC_BODY");
    }

    @Test
    void wordsAreComparedWithoutCaseAccentsOrPunctuation() {
        assertThat(Words.normalize("  Saint-Étienne ")).isEqualTo("saint etienne");
        assertThat(Words.normalize("ST ETIENNE")).isEqualTo("saint etienne");
        assertThat(Words.normalize("Communauté d’agglo.")).isEqualTo("communaute d agglo");
        assertThat(Words.normalize("Œuvre")).isEqualTo("oeuvre");
        assertThat(Words.normalize("C.C.A.S. de Lille")).isEqualTo("ccas de lille");
        assertThat(Words.normalize("L'Abergement")).isEqualTo("l abergement");
        assertThat(Words.normalize(null)).isEmpty();
    }
}
