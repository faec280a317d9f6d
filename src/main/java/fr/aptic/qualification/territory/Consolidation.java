package fr.aptic.qualification.territory;

import java.math.BigDecimal;

/**
 * A territory's consolidation ratio over the last 12 months, as the API answers it: the passes injected and
 * their value, the active qualified places, the income per place and what {@code territorial-need} concludes.
 */
public record Consolidation(
        String departement,
        String hubId,
        long passesInjected,
        BigDecimal injectedValueEuros,
        int qualifiedPlaces,
        BigDecimal incomePerPlaceEuros,
        int targetMinEuros,
        int targetMaxEuros,
        String status,
        int placesToRecruit) {

    public static final String UNDER_SERVED = "UNDER_SERVED";
    public static final String BALANCED = "BALANCED";
    public static final String OVER_SERVED = "OVER_SERVED";

    public boolean underServed() {
        return UNDER_SERVED.equals(status);
    }
}
