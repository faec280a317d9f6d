package fr.aptic.qualification.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.junit.jupiter.api.Test;

/** The network audit keeps the promises its descriptions make: a band above the threshold, a one-in-ten sample. */
class NetworkAuditTest {

    private static final DmnEngine ENGINE = DecisionEngines.create();
    private static final DecisionModels MODELS = DecisionModels.load(ENGINE);

    /** Past the first twenty members, where only the score and the SIRET count. */
    private static final int LATE_RANK = 1000;

    /** A SIRET outside the sample (73282932000074 mod 97 = 64). */
    private static final String UNSAMPLED_SIRET = "73282932000074";

    private static final int SAMPLE_SIZE = 3000;

    private final Random random = new Random(20261122);

    @Test
    void auditsScoresFromTheEligibilityThresholdToTenPointsAbove() {
        int threshold = ENGINE.evaluateDecision(MODELS.decision("eligibility-threshold"), Map.of())
                .getSingleEntry();

        assertThat(reasonFor(threshold - 1, UNSAMPLED_SIRET)).isNull();
        assertThat(reasonFor(threshold, UNSAMPLED_SIRET)).isEqualTo("NEAR_THRESHOLD");
        assertThat(reasonFor(threshold + 10, UNSAMPLED_SIRET)).isEqualTo("NEAR_THRESHOLD");
        assertThat(reasonFor(threshold + 11, UNSAMPLED_SIRET)).isNull();
    }

    @Test
    void samplesAboutOneInTenOfSiretsDrawnAtRandom() {
        assertThat(sampledShare(() -> siret(randomDigits(8), randomDigits(4)))).isBetween(0.08, 0.12);
    }

    @Test
    void samplesAboutOneInTenOfHeadOfficesWhoseNicsAreAlike() {
        // most head offices have a NIC from 00010 to 00039: a rule on the last digits alone would take them all
        assertThat(sampledShare(() -> siret(randomDigits(8), "000" + (1 + random.nextInt(3)))))
                .isBetween(0.08, 0.12);
    }

    @Test
    void samplesAboutOneInTenOfLaPosteEstablishmentsWhichShareOneSiren() {
        int[] nic = {0};
        Supplier<String> laPoste = () -> {
            String siret;
            do {
                siret = "356000000" + String.format("%05d", ++nic[0]);
            } while (siret.chars().map(c -> c - '0').sum() % 5 != 0);
            return siret;
        };
        assertThat(sampledShare(laPoste)).isBetween(0.08, 0.12);
    }

    private double sampledShare(Supplier<String> sirets) {
        long sampled = IntStream.range(0, SAMPLE_SIZE)
                .mapToObj(i -> reasonFor(90, sirets.get()))
                .filter("SAMPLE"::equals)
                .count();
        return (double) sampled / SAMPLE_SIZE;
    }

    private static String reasonFor(int score, String siret) {
        return ENGINE.evaluateDecision(
                        MODELS.decision("network-audit"),
                        Map.of("memberRank", LATE_RANK, "score", score, "siret", siret))
                .getSingleResult()
                .getEntry("auditReason");
    }

    /** A SIREN then a SIRET, each completed with its Luhn check digit, as INSEE issues them. */
    private static String siret(String sirenWithoutKey, String nicWithoutKey) {
        return withLuhnKey(withLuhnKey(sirenWithoutKey) + nicWithoutKey);
    }

    private static String withLuhnKey(String digits) {
        return IntStream.rangeClosed(0, 9)
                .mapToObj(key -> digits + key)
                .filter(NetworkAuditTest::luhnValid)
                .findFirst()
                .orElseThrow();
    }

    private static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            int weighted = i % 2 == 1 ? digit * 2 : digit;
            sum += weighted > 9 ? weighted - 9 : weighted;
        }
        return sum % 10 == 0;
    }

    private String randomDigits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }
}
