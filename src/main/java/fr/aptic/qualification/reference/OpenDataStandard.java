package fr.aptic.qualification.reference;

import java.util.List;

/**
 * The national open-data standard for digital-mediation places, v1.0.2 (La MedNum, ANCT): its columns, in its
 * order. The map exports them and the directory imports them.
 */
public final class OpenDataStandard {

    public static final List<String> COLUMNS = List.of(
            "id",
            "pivot",
            "nom",
            "commune",
            "code_postal",
            "code_insee",
            "adresse",
            "complement_adresse",
            "latitude",
            "longitude",
            "typologie",
            "telephone",
            "courriels",
            "site_web",
            "horaires",
            "presentation_resume",
            "presentation_detail",
            "source",
            "itinerance",
            "structure_parente",
            "date_maj",
            "services",
            "publics_specifiquement_adresses",
            "prise_en_charge_specifique",
            "frais_a_charge",
            "dispositif_programmes_nationaux",
            "formations_labels",
            "autres_formations_labels",
            "modalites_acces",
            "modalites_accompagnement",
            "fiche_acces_libre",
            "prise_rdv");

    private OpenDataStandard() {}
}
