package fr.aptic.qualification.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommunesTest {

    private final Communes communes = Communes.defaults();

    @Test
    void holdsEveryCommuneOfFranceWithItsSource() {
        assertThat(communes.size()).isBetween(34_000, 40_000);
        assertThat(communes.source()).isEqualTo("npm @etalab/decoupage-administratif 6.0.0");
        assertThat(communes.byInseeCode("2A004").orElseThrow().name()).isEqualTo("Ajaccio");
        assertThat(communes.byInseeCode("2B033").orElseThrow().postalCodes()).contains("20200");
        assertThat(communes.byInseeCode("97411").orElseThrow().postalCodes()).contains("97400");
        assertThat(communes.byInseeCode("97608")).isPresent(); // Mayotte
        assertThat(communes.byInseeCode("75111").orElseThrow().name()).isEqualTo("Paris 11e Arrondissement");
    }

    @Test
    void aPostalCodeOfTheCommuneIsFound() {
        assertThat(communes.locate("20000", "2A004", "Ajaccio")).isEqualTo(new Communes.Location.Found("2A004"));
        // the name is not checked when the code is given: "Lyon" for an arrondissement is what people write
        assertThat(communes.locate("69001", "69381", "Lyon")).isEqualTo(new Communes.Location.Found("69381"));
        // a former commune keeps its own code, with its commune's postal codes
        assertThat(communes.locate("74940", "74011", "Annecy-le-Vieux"))
                .isEqualTo(new Communes.Location.Found("74011"));
    }

    @Test
    void aPostalCodeOfAnotherCommuneIsRefusedNamingBoth() {
        Communes.Location location = communes.locate("69002", "69381", "Lyon");
        assertThat(location).isInstanceOf(Communes.Location.Refused.class);
        Communes.Location.Refused refused = (Communes.Location.Refused) location;
        assertThat(refused.field()).isEqualTo("postalCode");
        assertThat(refused.message())
                .contains("69002", "Lyon 1er Arrondissement (69381)", "69001", "Lyon 2e Arrondissement (69382)");
    }

    @Test
    void aMissingInseeCodeIsFilledWhenTheNameSaysWhichCommune() {
        assertThat(communes.locate("01400", null, "L'ABERGEMENT CLEMENCIAT"))
                .isEqualTo(new Communes.Location.Found("01001"));
        assertThat(communes.locate("42000", null, "St-Etienne")).isEqualTo(new Communes.Location.Found("42218"));
        assertThat(communes.locate("75011", null, "Paris")).isEqualTo(new Communes.Location.Found("75056"));
        assertThat(communes.locate("20200", null, "Bastia")).isEqualTo(new Communes.Location.Found("2B033"));
        // a former commune's places are its commune's
        assertThat(communes.locate("74940", null, "Annecy-le-Vieux")).isEqualTo(new Communes.Location.Found("74010"));
    }

    @Test
    void aNameThePostalCodeDoesNotServeIsRefusedWithTheCandidates() {
        Communes.Location.Refused refused = (Communes.Location.Refused) communes.locate("01400", null, "Lyon");
        assertThat(refused.field()).isEqualTo("commune");
        assertThat(refused.message()).contains("« Lyon »", "01400", "L'Abergement-Clémenciat (01001)");
    }

    @Test
    void anUnknownPostalCodeOrInseeCodeIsRefused() {
        Communes.Location.Refused cedex = (Communes.Location.Refused) communes.locate("69421", null, "Lyon");
        assertThat(cedex.field()).isEqualTo("postalCode");
        assertThat(cedex.message()).contains("69421", "CEDEX");
        Communes.Location.Refused insee = (Communes.Location.Refused) communes.locate("20000", "2A999", "Ajaccio");
        assertThat(insee.field()).isEqualTo("inseeCode");
    }

    @Test
    void twoCommunesOfOneNameUnderOnePostalCodeAskForTheInseeCode() throws Exception {
        String csv = "# Source : test, deux communes du même nom\n"
                + "insee;nom;codes_postaux;commune\n"
                + "99001;Saint-Martin;99100;\n"
                + "99002;Saint-Martin;99100|99200;\n"
                + "99003;Ancienne;;99002\n";
        Communes two =
                Communes.load(new java.io.ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Communes.Location.Refused refused = (Communes.Location.Refused) two.locate("99100", null, "St Martin");
        assertThat(refused.field()).isEqualTo("inseeCode");
        assertThat(refused.message()).contains("Saint-Martin (99001)", "Saint-Martin (99002)");
        assertThat(two.locate("99200", null, "Saint-Martin")).isEqualTo(new Communes.Location.Found("99002"));
        assertThat(two.locate("99200", null, "Ancienne")).isEqualTo(new Communes.Location.Found("99002"));
        assertThat(two.source()).isEqualTo("test");
    }

    @Test
    void theCommunesOfAPostalCodeAreListed() {
        assertThat(communes.byPostalCode("51300")).hasSizeGreaterThan(40);
        assertThat(communes.byPostalCode("99999")).isEmpty();
    }
}
