package fr.aptic.qualification.openapi;

import static fr.aptic.qualification.openapi.ApiOperation.op;

import fr.aptic.qualification.openapi.ApiOperation.Access;
import java.util.List;
import java.util.Map;

/**
 * The public contract (API.md) operation by operation: who may call it, what it answers and with which statuses.
 * The OpenAPI document takes paths, parameters and schemas from the controllers and everything else from here;
 * {@code OpenApiContractTest} fails when an operation of the controllers is missing here or the other way round,
 * and when an operation answers a status it does not list.
 */
final class ApiContract {

    private ApiContract() {}

    static final String APPLICATIONS = "Demandes (parcours libre)";
    static final String NETWORKS = "Réseaux (parcours réseau)";
    static final String TERRITORIES = "Territoires (parcours territorial)";
    static final String MAP = "Carte (public)";
    static final String STEERING = "Pilotage";
    static final String QUALIFICATIONS = "Qualifications (renouvellement, caducité, révocation)";

    static final List<ApiOperation> OPERATIONS = ApiOperation.list(
            op("POST", "/api/applications", APPLICATIONS, "Déposer une demande de qualification", Access.PUBLIC)
                    .status(
                            201,
                            "Demande enregistrée : identifiant, jeton de suivi (donné une seule fois) et statut ;"
                                    + " en-tête Location")
                    .status(400, "Demande invalide : chaque champ en faute dans errors")
                    .status(409, "Le SIRET a déjà une demande en cours ou une qualification en vigueur")
                    .status(413, "Corps de plus de 256 Kio")
                    .status(415, "Le corps n'est pas du JSON")
                    .status(429, "Trop de dépôts depuis cette adresse ; en-tête Retry-After")
                    .examples("application", "submitted"),
            op(
                            "GET",
                            "/api/applications/{applicationId}",
                            APPLICATIONS,
                            "Suivre une demande : statut, motifs, historique",
                            Access.TRACKING_TOKEN)
                    .status(200, "La demande")
                    .status(404, "Demande inconnue, ou jeton faux ou absent (l'un ne se distingue pas de l'autre)")
                    .examples(null, "application-view"),
            op(
                            "POST",
                            "/api/applications/{applicationId}/complements",
                            APPLICATIONS,
                            "Répondre à une demande de compléments (tout ou partie du corps de la demande)",
                            Access.TRACKING_TOKEN)
                    .status(200, "Compléments reçus ; la demande retourne en instruction")
                    .status(400, "Compléments invalides : chaque champ en faute dans errors")
                    .status(404, "Demande inconnue, ou jeton faux ou absent")
                    .status(409, "La demande n'attend pas de compléments")
                    .status(413, "Corps de plus de 256 Kio")
                    .status(415, "Le corps n'est pas du JSON")
                    .examples("complements", "application-view"),
            op(
                            "POST",
                            "/api/applications/{applicationId}/withdrawal",
                            APPLICATIONS,
                            "Retirer une demande",
                            Access.TRACKING_TOKEN)
                    .status(200, "Demande retirée")
                    .status(404, "Demande inconnue, ou jeton faux ou absent")
                    .status(409, "La demande est déjà close")
                    .examples(null, "application-view"),
            op(
                            "POST",
                            "/api/networks",
                            NETWORKS,
                            "Enregistrer un réseau partenaire et sa convention",
                            Access.AUTHENTICATED)
                    .status(201, "Réseau créé, avec le groupe network-{networkId}")
                    .status(400, "Réseau invalide : chaque champ en faute dans errors")
                    .status(401, "Identifiants absents ou faux")
                    .status(403, "Réservé à l'équipe nationale (aptic-qualification) et aux administrateurs")
                    .status(409, "Ce réseau existe déjà")
                    .status(413, "Corps de plus de 256 Kio")
                    .status(415, "Le corps n'est pas du JSON")
                    .examples("network", "network-view"),
            op("GET", "/api/networks", NETWORKS, "Les réseaux que l'appelant peut voir", Access.AUTHENTICATED)
                    .status(200, "Tous les réseaux pour l'équipe nationale, le sien pour un partenaire")
                    .status(401, "Identifiants absents ou faux"),
            op(
                            "POST",
                            "/api/applications/{applicationId}/renewal",
                            QUALIFICATIONS,
                            "Confirmer le renouvellement d'une qualification, sans changement ({}) ou avec des"
                                    + " changements (tout ou partie du corps de la demande)",
                            Access.TRACKING_TOKEN)
                    .status(
                            200,
                            "Confirmation reçue : renouvelée aussitôt sans changement ; lieux changés : instruction par le"
                                    + " hub ; autre changement des règles : nouvelle évaluation")
                    .status(
                            400,
                            "Changements invalides (dont aucun service dans aucun lieu) : chaque champ en faute dans"
                                    + " errors")
                    .status(404, "Demande inconnue, ou jeton (de suivi ou du lien de renouvellement) faux ou absent")
                    .status(
                            409,
                            "Le renouvellement n'est pas ouvert (avant l'avis), déjà en cours de traitement, ou la"
                                    + " qualification ne peut plus être renouvelée")
                    .status(413, "Corps de plus de 256 Kio")
                    .status(415, "Le corps n'est pas du JSON"),
            op(
                            "GET",
                            "/api/qualifications/{siret}",
                            QUALIFICATIONS,
                            "Une qualification : état, fin de validité, révocation, historique",
                            Access.TRACKING_TOKEN)
                    .status(200, "La qualification")
                    .status(400, "SIRET mal formé (14 chiffres)")
                    .status(404, "Aucune qualification pour ce SIRET, ou jeton faux ou absent"),
            op(
                            "POST",
                            "/api/qualifications/{siret}/revocation",
                            QUALIFICATIONS,
                            "Révoquer une qualification (motif de la table revocation-reason, commentaire)",
                            Access.AUTHENTICATED)
                    .status(200, "Révoquée : lieux retirés de la carte, producteur et hub informés")
                    .status(400, "Motif absent ou inconnu, commentaire trop long, SIRET mal formé")
                    .status(401, "Identifiants absents ou faux")
                    .status(403, "Réservé à l'équipe nationale")
                    .status(404, "Aucune qualification pour ce SIRET")
                    .status(409, "La qualification n'est pas en cours (déjà révoquée, close…)")
                    .status(413, "Corps de plus de 256 Kio")
                    .status(415, "Le corps n'est pas du JSON"),
            op(
                            "POST",
                            "/api/qualifications/{siret}/reinstatement",
                            QUALIFICATIONS,
                            "Réintégrer une qualification révoquée",
                            Access.AUTHENTICATED)
                    .status(200, "Réintégrée : une nouvelle période de validité, les lieux de nouveau sur la carte")
                    .status(400, "Commentaire trop long, SIRET mal formé")
                    .status(401, "Identifiants absents ou faux")
                    .status(403, "Réservé à l'équipe nationale")
                    .status(404, "Aucune qualification pour ce SIRET")
                    .status(409, "La qualification n'est pas révoquée")
                    .status(413, "Corps de plus de 256 Kio")
                    .status(415, "Le corps n'est pas du JSON"),
            op(
                            "POST",
                            "/api/qualifications/{siret}/reports",
                            QUALIFICATIONS,
                            "Signaler un manquement : l'équipe nationale statue dans Tasklist",
                            Access.AUTHENTICATED)
                    .status(200, "Signalement reçu : une tâche « Statuer sur la révocation » pour l'équipe nationale")
                    .status(400, "Signalement vide ou trop long, SIRET mal formé")
                    .status(401, "Identifiants absents ou faux")
                    .status(403, "Ni le hub du territoire, ni le réseau du membre, ni l'équipe nationale")
                    .status(404, "Aucune qualification pour ce SIRET")
                    .status(409, "La qualification n'est pas en cours")
                    .status(413, "Corps de plus de 256 Kio")
                    .status(415, "Le corps n'est pas du JSON"),
            op(
                            "PUT",
                            "/api/networks/{networkId}/agreement",
                            NETWORKS,
                            "Prolonger la convention d'un réseau : ses membres sont renouvelés avec elle",
                            Access.AUTHENTICATED)
                    .status(200, "Convention prolongée")
                    .status(
                            400,
                            "Date de fin absente ou pas après la fin actuelle ; début changé ; référence trop longue")
                    .status(401, "Identifiants absents ou faux")
                    .status(403, "Réservé à l'équipe nationale")
                    .status(404, "Réseau inconnu")
                    .status(413, "Corps de plus de 256 Kio")
                    .status(415, "Le corps n'est pas du JSON")
                    .examples(null, "network-view"),
            op("GET", "/api/networks/{networkId}", NETWORKS, "Un réseau et sa convention", Access.AUTHENTICATED)
                    .status(200, "Le réseau")
                    .status(401, "Identifiants absents ou faux")
                    .status(403, "Le réseau d'un autre partenaire")
                    .status(404, "Réseau inconnu")
                    .examples(null, "network-view"),
            op(
                            "POST",
                            "/api/networks/{networkId}/batches",
                            NETWORKS,
                            "Déposer les membres d'un réseau en lot (CSV ou tableau JSON de demandes)",
                            Access.AUTHENTICATED)
                    .status(
                            202,
                            "Lot reçu : les lignes valides sont enregistrées et démarrent, les autres sont"
                                    + " refusées une fois chacune par (ligne, colonne) dans errors ; en-tête Location")
                    .status(400, "Fichier illisible ou en-tête faux : rien n'est enregistré")
                    .status(401, "Identifiants absents ou faux")
                    .status(403, "Le réseau d'un autre partenaire")
                    .status(404, "Réseau inconnu")
                    .status(409, "Convention du réseau pas en vigueur aujourd'hui")
                    .status(413, "Corps de plus de 20 Mio")
                    .status(415, "Ni text/csv ni application/json")
                    .streamed("text/csv", "application/json")
                    .examples("batch", "batch-answer"),
            op(
                            "GET",
                            "/api/networks/{networkId}/batches/{batchId}",
                            NETWORKS,
                            "L'avancement d'un lot",
                            Access.AUTHENTICATED)
                    .status(200, "Comptes par statut ; done quand chaque membre a démarré")
                    .status(401, "Identifiants absents ou faux")
                    .status(403, "Le réseau d'un autre partenaire")
                    .status(404, "Réseau ou lot inconnu"),
            op(
                            "GET",
                            "/api/networks/{networkId}/batches/{batchId}/members",
                            NETWORKS,
                            "Les membres d'un lot et leur statut (JSON, ou CSV avec Accept: text/csv)",
                            Access.AUTHENTICATED)
                    .status(200, "Un élément par membre")
                    .status(400, "Statut inconnu dans ?status=")
                    .status(401, "Identifiants absents ou faux")
                    .status(403, "Le réseau d'un autre partenaire")
                    .status(404, "Réseau ou lot inconnu"),
            op(
                            "GET",
                            "/api/networks/{networkId}/batches/{batchId}/errors",
                            NETWORKS,
                            "Les lignes refusées d'un lot (JSON, ou CSV pour un tableur avec Accept: text/csv)",
                            Access.AUTHENTICATED)
                    .status(200, "Une entrée par ligne et par colonne en faute, dans l'ordre des lignes")
                    .status(401, "Identifiants absents ou faux")
                    .status(403, "Le réseau d'un autre partenaire")
                    .status(404, "Réseau ou lot inconnu"),
            op(
                            "POST",
                            "/api/networks/{networkId}/attestations",
                            NETWORKS,
                            "Attester ou refuser des membres en une fois",
                            Access.AUTHENTICATED)
                    .status(200, "Un résultat par membre ; un échec n'annule pas les autres")
                    .status(400, "Demande invalide : chaque champ en faute dans errors")
                    .status(401, "Identifiants absents ou faux")
                    .status(403, "Le réseau d'un autre partenaire")
                    .status(404, "Réseau inconnu")
                    .status(413, "Corps de plus de 256 Kio")
                    .status(415, "Le corps n'est pas du JSON")
                    .examples("attestation", null),
            op(
                            "POST",
                            "/api/territories/{departement}/pass-injections",
                            TERRITORIES,
                            "Enregistrer une injection de pass dans un territoire",
                            Access.AUTHENTICATED)
                    .status(
                            201,
                            "Injection enregistrée, consolidation du territoire, campagne ouverte s'il en faut une")
                    .status(400, "Département inconnu ou injection invalide")
                    .status(401, "Identifiants absents ou faux")
                    .status(403, "Réservé à l'équipe nationale et aux administrateurs")
                    .status(413, "Corps de plus de 256 Kio")
                    .status(415, "Le corps n'est pas du JSON")
                    .examples("pass-injection", null),
            op(
                            "GET",
                            "/api/territories/{departement}/consolidation",
                            TERRITORIES,
                            "La consolidation d'un territoire sur douze mois",
                            Access.AUTHENTICATED)
                    .status(200, "Revenu par lieu face à la fourchette de 15 000 à 25 000 €, lieux à recruter")
                    .status(400, "Département inconnu")
                    .status(401, "Identifiants absents ou faux")
                    .status(403, "Réservé à l'équipe nationale et au hub du territoire"),
            op(
                            "POST",
                            "/api/directory",
                            TERRITORIES,
                            "Importer l'annuaire des lieux (CSV du standard national)",
                            Access.AUTHENTICATED)
                    .status(200, "Comptes et lignes refusées")
                    .status(400, "En-tête faux ou fichier illisible : rien n'est enregistré")
                    .status(401, "Identifiants absents ou faux")
                    .status(403, "Réservé à l'équipe nationale et aux administrateurs")
                    .status(413, "Corps de plus de 20 Mio")
                    .status(415, "Le corps n'est pas du text/csv")
                    .streamed("text/csv")
                    .examples("directory", null),
            op("GET", "/api/campaigns/{campaignId}", TERRITORIES, "Une campagne et ses candidats", Access.AUTHENTICATED)
                    .status(200, "Les candidats et leur issue")
                    .status(401, "Identifiants absents ou faux")
                    .status(403, "Réservé à l'équipe nationale et au hub de la campagne")
                    .status(404, "Campagne inconnue"),
            op(
                            "POST",
                            "/api/campaigns/{campaignId}/applications",
                            TERRITORIES,
                            "Déposer une demande sur invitation d'une campagne",
                            Access.INVITATION)
                    .status(201, "Demande enregistrée (même réponse que POST /api/applications)")
                    .status(400, "Demande invalide : chaque champ en faute dans errors")
                    .status(404, "Invitation introuvable")
                    .status(409, "Invitation déjà utilisée ou plus valable")
                    .status(413, "Corps de plus de 256 Kio")
                    .status(415, "Le corps n'est pas du JSON")
                    .examples("application", "submitted"),
            op(
                            "GET",
                            "/api/reports/funnel",
                            STEERING,
                            "L'entonnoir des issues face à l'attendu 60/20/20",
                            Access.AUTHENTICATED)
                    .status(200, "Comptes par issue et parts")
                    .status(400, "Filtre invalide")
                    .status(401, "Identifiants absents ou faux")
                    .status(403, "Réservé à l'équipe nationale et aux administrateurs"),
            op(
                            "POST",
                            "/api/simulations",
                            STEERING,
                            "Simuler une table de décision sur les demandes passées (fichier DMN ou version déployée)",
                            Access.AUTHENTICATED)
                    .status(
                            200,
                            "Combien de demandes changeraient d'issue, de quoi à quoi, par motif et département"
                                    + " (JSON, ou CSV avec Accept: text/csv)")
                    .status(400, "Fichier ou paramètres invalides")
                    .status(401, "Identifiants absents ou faux")
                    .status(403, "Réservé aux responsables de processus et aux administrateurs")
                    .status(404, "Décision ou version inconnue")
                    .status(413, "Fichier trop grand")
                    .status(415, "Ni multipart/form-data, ni JSON, ni paramètres"),
            op("GET", "/api/places", MAP, "Les lieux qualifiés", Access.PUBLIC)
                    .status(
                            200,
                            "Les lieux qualifiés, filtrés par département, service ou réseau, avec latitude et"
                                    + " longitude quand elles sont connues")
                    .status(400, "Filtre invalide"),
            op("GET", "/api/places.geojson", MAP, "Les lieux qualifiés en GeoJSON", Access.PUBLIC)
                    .status(
                            200,
                            "Une FeatureCollection : un point [longitude, latitude] par lieu localisé, une géométrie"
                                    + " nulle pour un lieu pas encore localisé")
                    .status(400, "Filtre invalide"),
            op("GET", "/api/places.csv", MAP, "Les lieux qualifiés au standard national (CSV)", Access.PUBLIC)
                    .status(
                            200,
                            "Les colonnes du standard des lieux de médiation numérique v1.0.2, latitude et longitude"
                                    + " comprises (vides pour un lieu pas encore localisé)")
                    .status(400, "Filtre invalide"));

    /** Statuses every operation may answer, whatever it is. */
    static final Map<Integer, String> ALWAYS = Map.of(503, "Le service démarre ou s'arrête ; en-tête Retry-After");
}
