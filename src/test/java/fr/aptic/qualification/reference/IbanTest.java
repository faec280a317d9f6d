package fr.aptic.qualification.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IbanTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "FR7630006000011234567890189",
                "FR1420041010050500013M02606", // letters in the account number
                "FR76 3000 6000 0112 3456 7890 189", // as printed on a RIB
                "fr76 3000 6000 0112 3456 7890 189", // typed in lowercase
                "FR76\u00A03000\u00A06000 0112 3456 7890 189", // no-break spaces pasted from a PDF
                "DE89370400440532013000",
                "BE68539007547034",
                "GB29NWBK60161331926819"
            })
    void acceptsValidSepaIbans(String iban) {
        assertThat(Iban.isValid(iban)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "FR7630006000011234567890188 | checksum (mod 97) fails",
                "FR7730006000011234567890189 | checksum (mod 97) fails",
                "FR763000600001123456789018 | must be 27 characters for FR, found 26",
                "FR76300060000112345678901890 | must be 27 characters for FR, found 28",
                "DE8937040044053201300 | must be 22 characters for DE, found 21",
                "US12345678901234567890 | country US is not in the SEPA area",
                "FR76300060000112345678901A9 | bank, branch, account and key are not laid out as in a French IBAN",
                "7630006000011234567890189 | must be a country code, two check digits, then letters and digits",
                "FR76-3000-6000-0112-3456-7890-189 | must be a country code, two check digits, then letters and digits",
            })
    void explainsWhyAnIbanIsInvalid(String iban, String problem) {
        assertThat(Iban.isValid(iban)).isFalse();
        assertThat(Iban.problem(iban)).contains(problem);
    }

    @Test
    void requiresAnIban() {
        assertThat(Iban.problem(null)).contains("is required");
        assertThat(Iban.problem("  ")).contains("is required");
    }

    @Test
    void normalisesToTheStoredForm() {
        assertThat(Iban.normalise(" fr76 3000 6000 0112 3456 7890 189 ")).isEqualTo("FR7630006000011234567890189");
    }

    @Test
    void masksAllButCountryCheckDigitsAndLastFour() {
        assertThat(Iban.masked("FR7630006000011234567890189")).isEqualTo("FR76 **** **** **** **** ***0 189");
        assertThat(Iban.masked("fr76 3000 6000 0112 3456 7890 189")).isEqualTo("FR76 **** **** **** **** ***0 189");
        assertThat(Iban.masked("DE89370400440532013000")).isEqualTo("DE89 **** **** **** **30 00");
        assertThat(Iban.masked("FR76")).isEqualTo("****");
        assertThat(Iban.masked(null)).isEqualTo("****");
    }
}
