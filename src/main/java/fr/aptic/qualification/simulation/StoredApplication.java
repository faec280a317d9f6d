package fr.aptic.qualification.simulation;

import java.time.LocalDate;

/**
 * One stored application as a simulation reads it: its body as submitted, the day it was submitted, and the
 * outcome recorded when it was assessed ({@code eligible} is null while it never was).
 */
record StoredApplication(
        String id,
        String departement,
        LocalDate submittedOn,
        Boolean eligible,
        Integer score,
        String reasons,
        String body) {

    boolean assessed() {
        return eligible != null && score != null;
    }
}
