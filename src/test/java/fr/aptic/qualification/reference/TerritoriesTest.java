package fr.aptic.qualification.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TerritoriesTest {

    private final Territories territories = Territories.defaults();

    @ParameterizedTest(name = "postal code {0} is in {1}")
    @CsvSource({
        "75011, 75",
        "01000, 01",
        "69001, 69",
        "95000, 95",
        "20000, 2A", // Ajaccio
        "20100, 2A", // Sartène
        "20167, 2A",
        "20200, 2B", // Bastia
        "20600, 2B", // Furiani
        "20290, 2B",
        "97100, 971",
        "97200, 972",
        "97300, 973",
        "97400, 974",
        "97600, 976",
        "97500, 975", // Saint-Pierre-et-Miquelon
        "97133, 977", // Saint-Barthélemy, under Guadeloupe's prefix
        "97150, 978", // Saint-Martin, under Guadeloupe's prefix
        "98600, 986",
        "98714, 987",
        "98800, 988",
    })
    void findsTheDepartementOfAPostalCode(String postalCode, String departement) {
        assertThat(territories.departementOfPostalCode(postalCode)).contains(departement);
    }

    @ParameterizedTest(name = "postal code \"{0}\" is in no French territory")
    @ValueSource(strings = {"98000", "98012", "00100", "96000", "20700", "2A004", "7501", "750011", "75 11", ""})
    void findsNoDepartementForMonacoOrMalformedPostalCodes(String postalCode) {
        assertThat(territories.departementOfPostalCode(postalCode)).isEmpty();
    }

    @ParameterizedTest(name = "INSEE code {0} is in {1}")
    @CsvSource({
        "75111, 75",
        "69381, 69",
        "2A004, 2A",
        "2a004, 2A",
        "2B033, 2B",
        "97411, 974",
        "97302, 973",
        "97611, 976",
        "97701, 977",
        "97801, 978",
        "98818, 988",
    })
    void findsTheDepartementOfAnInseeCode(String inseeCode, String departement) {
        assertThat(territories.departementOfInseeCode(inseeCode)).contains(departement);
    }

    @ParameterizedTest(name = "INSEE code \"{0}\" is in no French territory")
    @ValueSource(strings = {"99138", "20004", "2C004", "2A00X", "7511", "751111", ""})
    void findsNoDepartementForForeignOrMalformedInseeCodes(String inseeCode) {
        assertThat(territories.departementOfInseeCode(inseeCode)).isEmpty();
    }

    @Test
    void knowsTheHundredAndOneDepartements() {
        assertThat(territories.departements()).hasSize(101);
        assertThat(territories.isDepartement("01")).isTrue();
        assertThat(territories.isDepartement("2A")).isTrue();
        assertThat(territories.isDepartement("976")).isTrue();
        assertThat(territories.isDepartement("20")).isFalse();
        assertThat(territories.isDepartement("1")).isFalse();
        assertThat(territories.isDepartement("975")).isFalse();
        assertThat(territories.isDepartement(null)).isFalse();
    }

    @Test
    void countsOverseasCollectivitiesInFranceButNotMonaco() {
        assertThat(territories.isInFrance("69")).isTrue();
        assertThat(territories.isInFrance("974")).isTrue();
        assertThat(territories.isInFrance("975")).isTrue();
        assertThat(territories.isInFrance("977")).isTrue();
        assertThat(territories.isInFrance("978")).isTrue();
        assertThat(territories.isInFrance("984")).isTrue();
        assertThat(territories.isInFrance("986")).isTrue();
        assertThat(territories.isInFrance("987")).isTrue();
        assertThat(territories.isInFrance("988")).isTrue();
        assertThat(territories.isInFrance("980")).isFalse();
        assertThat(territories.isInFrance("99")).isFalse();
        assertThat(territories.isInFrance(null)).isFalse();
    }

    @Test
    void namesDepartementsAndTheirRegions() {
        assertThat(territories.nameOf("2A")).contains("Corse-du-Sud");
        assertThat(territories.regionOf("2B")).contains("94");
        assertThat(territories.regionOf("69")).contains("84");
        assertThat(territories.regionName("84")).contains("Auvergne-Rhône-Alpes");
        assertThat(territories.regionOf("974")).contains("04");
        assertThat(territories.regionOf("975")).isEmpty();
        assertThat(territories.nameOf("20")).isEmpty();
        assertThat(territories.regionName(null)).isEmpty();
    }

    @Test
    void checksTheFormatOfPostalCodes() {
        assertThat(PostalCode.isWellFormed("75011")).isTrue();
        assertThat(PostalCode.isWellFormed("ABCDE")).isFalse();
        assertThat(PostalCode.isWellFormed("7501")).isFalse();
        assertThat(PostalCode.isWellFormed("٧٥٠١١")).isFalse();
        assertThat(PostalCode.isWellFormed(null)).isFalse();
    }
}
