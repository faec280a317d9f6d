package fr.aptic.qualification.territory;

import fr.aptic.qualification.application.ApplicationAccess;

/** Who reads a territory's figures and campaigns: the national staff, and the hub in charge of the territory. */
final class TerritoryAccess {

    private TerritoryAccess() {}

    static boolean mayRead(ApplicationAccess access, String hubId) {
        return access.isNational() || (hubId != null && access.groups().contains(hubGroup(hubId)));
    }

    static String hubGroup(String hubId) {
        return "hub-" + hubId;
    }
}
