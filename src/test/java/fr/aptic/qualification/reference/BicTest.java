package fr.aptic.qualification.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BicTest {

    @ParameterizedTest
    @ValueSource(strings = {"AGRIFRPP", "AGRIFRPP882", "BNPAFRPPXXX", "agrifrpp", "AGRI FR PP", "DEUTDEFF500"})
    void acceptsEightOrElevenCharacterBics(String bic) {
        assertThat(Bic.isValid(bic)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AGRIFRP", "AGRIFRPP88", "AGRIFRPP8822", "AGR1FRPP", "AGRIF1PP", "AGRIFRP_"})
    void refusesMalformedBics(String bic) {
        assertThat(Bic.problem(bic))
                .contains("must be 8 or 11 letters and digits (bank, country, location, optional branch)");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void requiresABic(String bic) {
        assertThat(Bic.problem(bic)).contains("is required");
    }
}
