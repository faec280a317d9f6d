package fr.aptic.qualification.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Médiathèque des Cannes",
                "Espace numérique d'Ajaccio",
                "Œuvre « Lire & écrire »",
                "مكتبة",
                "Famille 👨‍👩‍👧 numérique",
                "=cmd|' /C calc'!A0"
            })
    void acceptsWhatPeopleWrite(String text) {
        assertThat(PlainText.isSingleLine(text)).isTrue();
        assertThat(PlainText.isMultiLine(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "NUL\u0000",
                "escape\u001b[31m",
                "bidi \u202egpj.exe",
                "zero\u200bwidth",
                "\ufeffBOM",
                "lone \ud800",
                "non\uffff",
                "C1\u0085"
            })
    void refusesWhatHidesOrBreaksText(String text) {
        assertThat(PlainText.isSingleLine(text)).isFalse();
        assertThat(PlainText.isMultiLine(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"two\nlines", "windows\r\nlines", "tab\there", "line\u2028separator"})
    void keepsLineBreaksToMultiLineFields(String text) {
        assertThat(PlainText.isSingleLine(text)).isFalse();
        assertThat(PlainText.isMultiLine(text)).isTrue();
    }

    @org.junit.jupiter.api.Test
    void quotesRefusedValuesShortAndVisible() {
        assertThat(PlainText.shown("a\u202eb")).isEqualTo("a?b");
        assertThat(PlainText.shown("x".repeat(200))).hasSize(78).endsWith("…");
    }
}
