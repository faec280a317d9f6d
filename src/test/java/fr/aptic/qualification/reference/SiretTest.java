package fr.aptic.qualification.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SiretTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "73282932000074", // the API's example
                "35600000000048", // La Poste, head office: Luhn holds as for anyone
                "35600000049837", // La Poste establishment: Luhn fails, digits sum to 45
                "35600000000010" // La Poste: Luhn fails, digits sum to 15
            })
    void acceptsValidSirets(String siret) {
        assertThat(Siret.isValid(siret)).isTrue();
        assertThat(Siret.problem(siret)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "73282932000075, numéro SIRET invalide (clé de contrôle)",
        "35600000012345, numéro SIRET invalide (clé de contrôle)", // La Poste, but digits sum to 29
        "35600000000002, numéro SIRET invalide (clé de contrôle)",
        "73282932100074, numéro SIREN invalide (clé de contrôle)",
        "83282932000074, numéro SIREN invalide (clé de contrôle)",
        "7328293200007, 14 chiffres attendus",
        "732829320000740, 14 chiffres attendus",
        "7328293200007A, 14 chiffres attendus",
        "'732 829 320 00074', 14 chiffres attendus",
    })
    void explainsWhyASiretIsInvalid(String siret, String problem) {
        assertThat(Siret.isValid(siret)).isFalse();
        assertThat(Siret.problem(siret)).contains(problem);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void requiresASiret(String siret) {
        assertThat(Siret.problem(siret)).contains("obligatoire");
    }

    @Test
    void refusesNonAsciiDigits() {
        assertThat(Siret.isValid("٧٣٢٨٢٩٣٢٠٠٠٠٧٤")).isFalse();
    }

    @Test
    void laPosteExceptionDoesNotApplyToOtherSirens() {
        // Luhn fails and the digits sum to 45: that is enough only under La Poste's SIREN.
        assertThat(Siret.isValid("73282932000072")).isFalse();
    }

    @Test
    void normalisesTheWayPeopleGroupDigits() {
        assertThat(Siret.normalise("732 829 320 00074")).isEqualTo("73282932000074");
        assertThat(Siret.normalise("732.829.320-00074")).isEqualTo("73282932000074");
        assertThat(Siret.normalise("732\u00A0829\u202F320 00074")).isEqualTo("73282932000074");
    }

    @Test
    void extractsTheSiren() {
        assertThat(Siret.siren("73282932000074")).isEqualTo("732829320");
        assertThatThrownBy(() -> Siret.siren("123")).isInstanceOf(IllegalArgumentException.class);
    }
}
