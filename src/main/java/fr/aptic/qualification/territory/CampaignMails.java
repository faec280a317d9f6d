package fr.aptic.qualification.territory;

import fr.aptic.qualification.notification.MailOutbox;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The mail an interested candidate receives, in French: the invitation to apply, with its personal link. */
@Component
class CampaignMails {

    private final MailOutbox outbox;
    private final String baseUrl;

    CampaignMails(MailOutbox outbox, @Value("${aptic.mail.public-base-url}") String baseUrl) {
        this.outbox = outbox;
        this.baseUrl = baseUrl;
    }

    /** The link that opens an application on the territorial path for this candidate. */
    String invitationLink(String campaignId, String token) {
        return baseUrl + "/api/campaigns/" + campaignId + "/applications?invitation="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    void invitation(String to, String placeName, String territory, String campaignId, String token) {
        outbox.enqueue(to, "Invitation à demander la qualification #APTIC", """
                Bonjour,

                Suite à notre échange, nous vous invitons à demander la qualification #APTIC pour %s.
                Des pass numériques #APTIC sont distribués sur votre territoire (%s) et les lieux qualifiés y sont
                encore trop peu nombreux : qualifié, vous serez payé pour les services de médiation numérique que
                vous rendez aux porteurs de pass.

                Déposez votre demande avec ce lien personnel, valable 30 jours (formulaire de demande de
                qualification, envoyé en POST au format JSON) :
                %s

                La suite est celle de toute demande : vérification de l'éligibilité, instruction par le hub
                territorial, puis contractualisation.

                L'équipe #APTIC""".formatted(
                        placeName, territory, invitationLink(campaignId, token)));
    }
}
