package fr.aptic.qualification.network;

import fr.aptic.qualification.engine.SystemAuthority;
import fr.aptic.qualification.reference.PlainText;
import fr.aptic.qualification.security.AccessSetup;
import fr.aptic.qualification.web.FieldError;
import fr.aptic.qualification.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Network partners: creates them with their engine group {@code network-{networkId}}, and answers who may read
 * or act for which network, and whether its agreement is active today.
 */
@Service
public class NetworkService {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Lower-case words joined by hyphens; "network-" + id stays within the engine's 64-character group ids. */
    static final Pattern NETWORK_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,54}");

    private static final Logger log = LoggerFactory.getLogger(NetworkService.class);

    private final NetworkRepository networks;
    private final AccessSetup access;
    private final SystemAuthority authority;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    NetworkService(
            NetworkRepository networks,
            AccessSetup access,
            SystemAuthority authority,
            ApplicationEventPublisher events) {
        this.events = events;
        this.networks = networks;
        this.access = access;
        this.authority = authority;
        this.clock = Clock.system(PARIS);
    }

    /** Creates a network and its group (the national team only); 409 when the id is taken. */
    @Transactional
    NetworkView create(NetworkRequest request, NetworkAccess caller) {
        if (!caller.isNationalTeam()) {
            throw ProblemException.forbidden("Seule l'équipe nationale de qualification crée les réseaux");
        }
        List<FieldError> errors = validate(request);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (networks.find(request.networkId()).isPresent()) {
            throw ProblemException.conflict("Le réseau " + request.networkId() + " existe déjà");
        }
        Network network = new Network(
                request.networkId(),
                request.name().strip(),
                request.agreement().reference().strip(),
                request.agreement().validFrom(),
                request.agreement().validUntil(),
                request.subscriptionPaidByNetwork(),
                0);
        networks.insert(network, Instant.now(clock), caller.userId());
        // The national team has no permission to create engine groups; the service has decided it may.
        authority.run(() -> access.reviewerGroup(network.group(), "Réseau " + network.name()));
        log.info("Network {} created by {} with group {}", network.id(), caller.userId(), network.group());
        return NetworkView.of(network, today());
    }

    @Transactional(readOnly = true)
    NetworkView view(String networkId, NetworkAccess caller) {
        return NetworkView.of(readable(networkId, caller), today());
    }

    /** The networks the caller may read: all for staff, their own for a network's users. */
    @Transactional(readOnly = true)
    List<NetworkView> list(NetworkAccess caller) {
        LocalDate today = today();
        return networks.all().stream()
                .filter(network -> caller.mayRead(network.id()))
                .map(network -> NetworkView.of(network, today))
                .toList();
    }

    /** The network if the caller may read it: 404 when it does not exist, 403 for another network's user. */
    Network readable(String networkId, NetworkAccess caller) {
        Network network = networks.find(networkId).orElseThrow(() -> notFound(networkId));
        if (!caller.mayRead(networkId)) {
            throw otherNetwork();
        }
        return network;
    }

    /** Checks that the caller may act for the network (submit, attest): 404, then 403. */
    Network actionable(String networkId, NetworkAccess caller) {
        Network network = networks.find(networkId).orElseThrow(() -> notFound(networkId));
        if (!caller.mayActFor(networkId)) {
            throw otherNetwork();
        }
        return network;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A network and its agreement, for the capabilities that follow it (a member's qualification). */
    @Transactional(readOnly = true)
    public Optional<Network> find(String networkId) {
        return networks.find(networkId);
    }

    /**
     * Extends a network's agreement (the national team only): a later end date, and optionally a new reference.
     * Its members' qualifications follow ({@link AgreementExtended}).
     */
    @Transactional
    NetworkView extendAgreement(String networkId, NetworkRequest.Agreement change, NetworkAccess caller) {
        if (!caller.isNationalTeam()) {
            throw ProblemException.forbidden("Seule l'équipe nationale de qualification prolonge les conventions");
        }
        Network network = networks.lock(networkId).orElseThrow(() -> notFound(networkId));
        if (change == null || change.validUntil() == null) {
            throw ProblemException.invalid("validUntil", "obligatoire : la nouvelle date de fin de la convention");
        }
        if (!change.validUntil().isAfter(network.validUntil())) {
            throw ProblemException.invalid(
                    "validUntil", "doit suivre la fin actuelle de la convention (" + network.validUntil() + ")");
        }
        if (change.validFrom() != null && !change.validFrom().equals(network.validFrom())) {
            throw ProblemException.invalid("validFrom", "le début d'une convention ne change pas");
        }
        String reference = change.reference() == null || change.reference().isBlank()
                ? network.agreementReference()
                : change.reference().strip();
        if (reference.length() > 100) {
            throw ProblemException.invalid("reference", "100 caractères au plus");
        }
        networks.extendAgreement(networkId, reference, change.validUntil());
        events.publishEvent(new AgreementExtended(networkId, change.validUntil()));
        log.info("Agreement of network {} extended to {} by {}", networkId, change.validUntil(), caller.userId());
        return NetworkView.of(networks.find(networkId).orElseThrow(), today());
    }

    /** Whether the network's agreement pays its members' subscription; false for an application of no network. */
    public boolean paysSubscriptionOf(String applicationId) {
        return networks.networkOfApplication(applicationId)
                .map(Network::subscriptionPaidByNetwork)
                .orElse(false);
    }

    static ProblemException notFound(String networkId) {
        return ProblemException.notFound("Réseau introuvable : " + networkId);
    }

    static ProblemException otherNetwork() {
        return ProblemException.forbidden("Vous n'agissez pas pour ce réseau");
    }

    static List<FieldError> validate(NetworkRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.networkId() == null || request.networkId().isBlank()) {
            errors.add(FieldError.of("networkId", "obligatoire"));
        } else if (!NETWORK_ID.matcher(request.networkId()).matches()) {
            errors.add(FieldError.of(
                    "networkId", "minuscules, chiffres et tirets, 55 caractères au plus (ex. emmaus-connect)"));
        }
        text(errors, "name", request.name(), 200);
        NetworkRequest.Agreement agreement = request.agreement();
        if (agreement == null) {
            errors.add(FieldError.of("agreement", "obligatoire"));
        } else {
            text(errors, "agreement.reference", agreement.reference(), 100);
            if (agreement.validFrom() == null) {
                errors.add(FieldError.of("agreement.validFrom", "obligatoire"));
            }
            if (agreement.validUntil() == null) {
                errors.add(FieldError.of("agreement.validUntil", "obligatoire"));
            }
            if (agreement.validFrom() != null
                    && agreement.validUntil() != null
                    && agreement.validUntil().isBefore(agreement.validFrom())) {
                errors.add(FieldError.of("agreement.validUntil", "doit suivre ou égaler validFrom"));
            }
        }
        if (request.subscriptionPaidByNetwork() == null) {
            errors.add(FieldError.of("subscriptionPaidByNetwork", "obligatoire (true ou false)"));
        }
        return errors;
    }

    private static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, "obligatoire"));
        } else if (value.length() > max) {
            errors.add(FieldError.of(field, "trop long (au plus " + max + " caractères)"));
        } else if (!PlainText.isSingleLine(value)) {
            errors.add(FieldError.of(field, "caractères de contrôle interdits"));
        }
    }
}
