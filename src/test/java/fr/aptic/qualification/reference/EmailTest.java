package fr.aptic.qualification.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "contact1@example.org",
                "jean.dupont+aptic@mairie-lyon.fr",
                "accueil@médiathèque.fr",
                "o'brien@example.co.uk"
            })
    void acceptsOrdinaryAddresses(String email) {
        assertThat(Email.isValid(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not-an-email",
                "@example.org",
                "contact@",
                "contact@localhost",
                "a@b@example.org",
                "jean dupont@example.org",
                "contact@example.org ",
                "contact@exa\tmple.org",
                "contact@example..org",
                "contact@example.org.",
                ".contact@example.org",
                "contact@.example.org",
                "contact\u00A0@example.org",
                "<script>@example.org",
                "a@example.org,b@example.org",
                "contact@example.org;",
                "\"quoted\"@example.org",
                "contact\u202E@example.org",
                "con\u200Btact@example.org"
            })
    void refusesTypos(String email) {
        assertThat(Email.isValid(email)).isFalse();
    }

    @Test
    void refusesNull() {
        assertThat(Email.isValid(null)).isFalse();
    }

    @Test
    void capsTheLengthAt254() {
        String domain = "@" + "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(63) + ".aptic.fr";
        String local = "a".repeat(254 - domain.length());
        assertThat(Email.isValid(local + domain)).isTrue();
        assertThat(Email.isValid("a" + local + domain)).isFalse();
    }

    @Test
    void capsTheLocalPartAt64() {
        assertThat(Email.isValid("a".repeat(64) + "@example.org")).isTrue();
        assertThat(Email.isValid("a".repeat(65) + "@example.org")).isFalse();
    }
}
