package fr.aptic.qualification.reference;

import java.util.List;

/**
 * The commitments of the "Charte des engagements réciproques" an applicant accepts one by one, version V2
 * (our starting codes: #APTIC never published the charter's articles; the rules reading them are in dmn/).
 */
public final class CharterCommitments {

    public static final String CURRENT_VERSION = "V2";

    public static final List<String> V2 = List.of(
            "ZERO_REMAINING_COST",
            "PRIORITY_PUBLICS",
            "NEUTRALITY",
            "DATA_PROTECTION",
            "QUALITY_APPROACH",
            "UP_TO_DATE_CATALOGUE",
            "TERRITORIAL_COOPERATION");

    private CharterCommitments() {}

    public static boolean isV2Commitment(String code) {
        return code != null && V2.contains(code);
    }
}
