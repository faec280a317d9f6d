package fr.aptic.qualification.network;

import fr.aptic.qualification.application.ApplicationStatus;
import fr.aptic.qualification.csv.CsvWriter;
import fr.aptic.qualification.site.PageWording;
import fr.aptic.qualification.web.FieldError;
import fr.aptic.qualification.web.Pages;
import fr.aptic.qualification.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The network partners' pages ({@code /partenaires}, signed in; see {@code security.StaffPagesSecurity}): the
 * network and its agreement, the upload of a batch (CSV or .xlsx), its progress while the members start, its row
 * errors, the members with their statuses, and the attestation of many members at once. Thin: the same services
 * as the API ({@link BatchService}, {@link AttestationService}) with the same checks; a partner's users see their
 * own network only, the national team and the back office any.
 */
@Controller
@Pages
public class PartnerPages {

    static final int PAGE_SIZE = 50;
    static final int ERRORS_SHOWN = 200;
    static final ZoneId PARIS = NetworkService.PARIS;
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    /** A batch as the pages list it. */
    public record Lot(String id, String format, String when, String by, int received, int accepted, int rejected) {

        static Lot of(NetworkRepository.Batch batch) {
            return new Lot(
                    batch.id(),
                    batch.format(),
                    WHEN.format(batch.createdAt().atZone(PARIS)),
                    batch.createdBy(),
                    batch.received(),
                    batch.accepted(),
                    batch.rejected());
        }
    }

    /** A member as the table shows it: its status and reasons in words. */
    public record Membre(
            String applicationId,
            int rank,
            String siret,
            String name,
            String status,
            String statusWords,
            String badge,
            List<String> reasons,
            boolean awaitingAttestation) {}

    /** A batch's progress: how many members started, of how many. */
    public record Avancement(
            int accepted, int started, boolean startDone, boolean done, Map<String, Integer> byStatus) {

        public int percent() {
            return accepted == 0 ? 100 : (int) Math.floor(100.0 * started / accepted);
        }
    }

    /** One row error as the table shows it. */
    public record Erreur(int row, String column, String message) {}

    /** What the attestation form held when it came back with errors: nothing typed or ticked is lost. */
    public record Saisie(Set<String> ticked, String scope, String decision, String reason, String comment) {

        static final Saisie EMPTY = new Saisie(Set.of(), "selection", null, "", "");
    }

    /** One member's attestation that did not go through, in words. */
    public record Echec(String applicationId, String name, String message) {}

    private final NetworkService networks;
    private final BatchService batches;
    private final AttestationService attestations;
    private final NetworkRepository records;
    private final PageWording wording = new PageWording();

    PartnerPages(
            NetworkService networks, BatchService batches, AttestationService attestations, NetworkRepository records) {
        this.networks = networks;
        this.batches = batches;
        this.attestations = attestations;
        this.records = records;
    }

    /** The networks the user follows; a partner's user goes straight to its own. */
    @GetMapping("/partenaires")
    String networks(Authentication user, Model model) {
        List<NetworkView> readable = networks.list(NetworkAccess.of(user));
        if (readable.size() == 1) {
            return "redirect:/partenaires/" + readable.get(0).networkId();
        }
        model.addAttribute(
                "reseaux",
                readable.stream()
                        .map(v -> networks.readable(v.networkId(), NetworkAccess.of(user)))
                        .toList());
        model.addAttribute("jour", DAY);
        return "partenaires/reseaux";
    }

    @GetMapping("/partenaires/{networkId}")
    String network(@PathVariable String networkId, Authentication user, Model model) {
        return networkPage(networkId, NetworkAccess.of(user), model, List.of(), null);
    }

    /** A batch from the upload form: CSV or .xlsx told by its first bytes, whatever its name says. */
    @PostMapping("/partenaires/{networkId}/lots")
    String upload(
            @PathVariable String networkId,
            @RequestParam(name = "fichier", required = false) MultipartFile file,
            @RequestParam(name = "cle", required = false) String key,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Authentication user,
            Model model,
            HttpServletResponse response)
            throws IOException {
        NetworkAccess caller = NetworkAccess.of(user);
        networks.actionable(networkId, caller);
        if (file == null || file.isEmpty()) {
            return networkPage(
                    networkId,
                    caller,
                    model,
                    List.of(FieldError.of("fichier", "choisissez un fichier CSV ou Excel (.xlsx)")),
                    null);
        }
        try (PushbackInputStream in =
                new PushbackInputStream(new BufferedInputStream(file.getInputStream(), 64 * 1024), 4)) {
            BatchService.Format format = formatOf(in);
            BatchService.Submission submission = batches.submit(networkId, format, in, key, caller);
            String page = "/partenaires/" + networkId + "/lots/" + submission.batchId();
            if (htmx == null) {
                return "redirect:" + page;
            }
            // sent by htmx: the browser goes to the batch's page (a redirect would only be followed by the XHR)
            response.setHeader(
                    "HX-Redirect",
                    ServletUriComponentsBuilder.fromCurrentContextPath()
                            .path(page)
                            .build()
                            .getPath());
            return batch(networkId, submission.batchId(), user, model);
        } catch (ProblemException refused) {
            if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
                throw refused;
            }
            return networkPage(networkId, caller, model, refused.errors(), refused.getMessage());
        }
    }

    @GetMapping("/partenaires/{networkId}/lots/{batchId}")
    String batch(@PathVariable String networkId, @PathVariable String batchId, Authentication user, Model model) {
        NetworkAccess caller = NetworkAccess.of(user);
        model.addAttribute("reseau", networks.readable(networkId, caller));
        BatchProgress progress = batches.progress(networkId, batchId, caller);
        model.addAttribute(
                "lot", records.findBatch(networkId, batchId).map(Lot::of).orElseThrow());
        model.addAttribute("avancement", avancement(progress));
        model.addAttribute("statuts", statusWords(progress.byStatus()));
        List<Erreur> errors = new ArrayList<>();
        int[] total = {0};
        batches.errors(networkId, batchId, caller, error -> {
            if (total[0]++ < ERRORS_SHOWN) {
                errors.add(new Erreur(error.row(), error.field(), error.message()));
            }
        });
        model.addAttribute("erreurs", errors);
        model.addAttribute("erreursTotal", total[0]);
        return "partenaires/lot";
    }

    /** The progress block alone, which the batch page polls (htmx) until every member has started. */
    @GetMapping("/partenaires/{networkId}/lots/{batchId}/avancement")
    String progress(@PathVariable String networkId, @PathVariable String batchId, Authentication user, Model model) {
        BatchProgress progress = batches.progress(networkId, batchId, NetworkAccess.of(user));
        model.addAttribute("reseau", networks.readable(networkId, NetworkAccess.of(user)));
        model.addAttribute(
                "lot", records.findBatch(networkId, batchId).map(Lot::of).orElseThrow());
        model.addAttribute("avancement", avancement(progress));
        model.addAttribute("statuts", statusWords(progress.byStatus()));
        return "partenaires/lot :: avancement";
    }

    /** The row errors as a file a French spreadsheet opens (UTF-8 with BOM, {@code ;}). */
    @GetMapping("/partenaires/{networkId}/lots/{batchId}/erreurs.csv")
    void errorsCsv(
            @PathVariable String networkId,
            @PathVariable String batchId,
            Authentication user,
            HttpServletResponse response)
            throws IOException {
        NetworkAccess caller = NetworkAccess.of(user);
        batches.progress(networkId, batchId, caller);
        BatchController.errorsAsCsv(batches, networkId, batchId, caller, response);
    }

    /** The members, a page at a time, in one status or all; those awaiting attestation can be ticked. */
    @GetMapping("/partenaires/{networkId}/membres")
    String members(
            @PathVariable String networkId,
            @RequestParam(name = "statut", required = false) String status,
            @RequestParam(name = "page", required = false) String page,
            Authentication user,
            Model model) {
        return membersPage(networkId, status, page, NetworkAccess.of(user), model, List.of(), Saisie.EMPTY);
    }

    @GetMapping("/partenaires/{networkId}/membres.csv")
    void membersCsv(
            @PathVariable String networkId,
            @RequestParam(name = "statut", required = false) String status,
            Authentication user,
            HttpServletResponse response)
            throws IOException {
        NetworkAccess caller = NetworkAccess.of(user);
        String checked = blankToNull(status);
        batches.memberPage(networkId, checked, 1, 1, caller);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"membres-" + networkId + ".csv\"");
        try (CsvWriter csv = CsvWriter.forSpreadsheet(response.getOutputStream())) {
            csv.row("rang", "ligne du lot", "demande", "SIRET", "structure", "statut", "motifs");
            batches.networkMembers(
                    networkId,
                    checked,
                    caller,
                    member -> csv.number(member.memberRank())
                            .number(member.row())
                            .cell(member.applicationId())
                            .cell(member.siret())
                            .cell(member.organisationName())
                            .cell(wording.status(ApplicationStatus.valueOf(member.status()))
                                    .words())
                            .cell(String.join(
                                    " ; ",
                                    member.reasons().stream()
                                            .map(wording::reason)
                                            .toList()))
                            .endRow());
        }
    }

    /**
     * One decision for many members: those ticked, or every member awaiting attestation. Each member is
     * attested on its own: one that fails is reported and the others stand.
     */
    @PostMapping("/partenaires/{networkId}/attestations")
    String attest(
            @PathVariable String networkId,
            @RequestParam(name = "membres", required = false) List<String> ticked,
            @RequestParam(name = "portee", required = false) String scope,
            @RequestParam(name = "decision", required = false) String decision,
            @RequestParam(name = "motif", required = false) String reason,
            @RequestParam(name = "commentaire", required = false) String comment,
            @RequestParam(name = "statut", required = false) String status,
            @RequestParam(name = "page", required = false) String page,
            Authentication user,
            Model model) {
        NetworkAccess caller = NetworkAccess.of(user);
        networks.actionable(networkId, caller);
        List<String> ids = "tous".equals(scope)
                ? List.copyOf(attestations.awaiting(networkId, null, caller))
                : ticked == null ? List.of() : ticked.stream().distinct().toList();
        List<FieldError> errors = new ArrayList<>();
        if (ids.isEmpty()) {
            errors.add(FieldError.of(
                    "membres",
                    "tous".equals(scope)
                            ? "aucun membre n'attend d'attestation"
                            : "cochez au moins un membre, ou choisissez « tous les membres en attente »"));
        }
        if (decision == null || !AttestationDecisionListener.DECISIONS.contains(decision)) {
            errors.add(FieldError.of("decision", "choisissez : attester ou refuser"));
        } else if (NetworkMemberProcess.REFUSED.equals(decision) && (reason == null || reason.isBlank())) {
            errors.add(FieldError.of("motif", "le motif est obligatoire pour refuser"));
        }
        Saisie typed = new Saisie(
                ticked == null ? Set.of() : Set.copyOf(ticked),
                "tous".equals(scope) ? "tous" : "selection",
                decision,
                reason == null ? "" : reason,
                comment == null ? "" : comment);
        if (!errors.isEmpty()) {
            return membersPage(networkId, status, page, caller, model, errors, typed);
        }
        List<AttestationAnswer.Result> results = new ArrayList<>();
        int completed = 0;
        try {
            for (int from = 0; from < ids.size(); from += AttestationService.MAX_MEMBERS) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + AttestationService.MAX_MEMBERS));
                AttestationAnswer answer = attestations.attest(
                        networkId,
                        new AttestationRequest(chunk, decision, blankToNull(reason), blankToNull(comment)),
                        caller);
                completed += answer.completed();
                results.addAll(answer.results());
            }
        } catch (ProblemException refused) {
            if (refused.status() != HttpStatus.BAD_REQUEST) {
                throw refused;
            }
            return membersPage(networkId, status, page, caller, model, renamed(refused.errors()), typed);
        }
        Set<String> failed = results.stream()
                .filter(r -> r.outcome() != AttestationAnswer.Outcome.COMPLETED)
                .map(AttestationAnswer.Result::applicationId)
                .collect(java.util.stream.Collectors.toSet());
        Map<String, String> names = new LinkedHashMap<>();
        if (!failed.isEmpty()) {
            batches.networkMembers(networkId, null, caller, m -> {
                if (failed.contains(m.applicationId())) {
                    names.put(m.applicationId(), m.organisationName());
                }
            });
        }
        List<Echec> failures = results.stream()
                .filter(r -> r.outcome() != AttestationAnswer.Outcome.COMPLETED)
                .map(r -> new Echec(r.applicationId(), names.getOrDefault(r.applicationId(), "—"), r.message()))
                .toList();
        model.addAttribute("reseau", networks.readable(networkId, caller));
        model.addAttribute("decision", decision);
        model.addAttribute("reussis", completed);
        model.addAttribute("echecs", failures);
        return "partenaires/attestation";
    }

    private String networkPage(
            String networkId, NetworkAccess caller, Model model, List<FieldError> errors, String problem) {
        Network network = networks.readable(networkId, caller);
        model.addAttribute("reseau", network);
        model.addAttribute("actif", network.agreementActiveOn(networks.today()));
        model.addAttribute("jour", DAY);
        model.addAttribute(
                "lots", batches.batches(networkId, caller).stream().map(Lot::of).toList());
        model.addAttribute("statuts", statusWords(records.countByStatusOfNetwork(networkId)));
        model.addAttribute("cle", UUID.randomUUID().toString());
        model.addAttribute(
                "erreurs",
                errors.stream()
                        .map(e -> new Erreur(e.row() == null ? 0 : e.row(), e.field(), e.message()))
                        .toList());
        model.addAttribute("probleme", problem);
        return "partenaires/reseau";
    }

    private String membersPage(
            String networkId,
            String status,
            String page,
            NetworkAccess caller,
            Model model,
            List<FieldError> errors,
            Saisie typed) {
        Network network = networks.readable(networkId, caller);
        String checked = blankToNull(status);
        if (checked != null && !isStatus(checked)) {
            throw ProblemException.invalid("statut", "statut inconnu : " + checked);
        }
        BatchService.MemberPage members = batches.memberPage(networkId, checked, pageNumber(page), PAGE_SIZE, caller);
        Set<String> awaiting = attestations.awaiting(
                networkId,
                members.members().stream()
                        .map(NetworkRepository.Member::applicationId)
                        .toList(),
                caller);
        model.addAttribute("reseau", network);
        model.addAttribute("statut", checked);
        model.addAttribute("page", members.page());
        model.addAttribute("pages", members.pages());
        model.addAttribute("total", members.total());
        model.addAttribute("statuts", statusWords(members.byStatus()));
        model.addAttribute(
                "membres",
                members.members().stream()
                        .map(m -> membre(m, awaiting.contains(m.applicationId())))
                        .toList());
        model.addAttribute("enAttente", attestations.awaitingCount(networkId, caller));
        model.addAttribute("erreurs", errors);
        model.addAttribute("saisie", typed);
        return "partenaires/membres";
    }

    private Membre membre(NetworkRepository.Member member, boolean awaiting) {
        var words = wording.status(ApplicationStatus.valueOf(member.status()));
        return new Membre(
                member.applicationId(),
                member.memberRank(),
                member.siret(),
                member.organisationName(),
                member.status(),
                words.words(),
                words.badge(),
                member.reasons().stream().map(wording::reason).toList(),
                awaiting);
    }

    /** The statuses and their members' counts, in words, in the order of the statuses. */
    private Map<String, Map.Entry<String, Integer>> statusWords(Map<String, Integer> counts) {
        Map<String, Map.Entry<String, Integer>> words = new LinkedHashMap<>();
        for (ApplicationStatus status : ApplicationStatus.values()) {
            Integer count = counts.get(status.name());
            if (count != null) {
                words.put(status.name(), Map.entry(wording.status(status).words(), count));
            }
        }
        return words;
    }

    private static Avancement avancement(BatchProgress progress) {
        int waiting = progress.byStatus().getOrDefault(ApplicationStatus.SUBMITTED.name(), 0);
        int started = progress.accepted() - waiting;
        return new Avancement(progress.accepted(), started, waiting == 0, progress.done(), progress.byStatus());
    }

    /** The file's kind from its first bytes: an .xlsx is a zip archive; an old .xls is said so by the reader. */
    private static BatchService.Format formatOf(PushbackInputStream in) throws IOException {
        byte[] head = new byte[4];
        int read = in.readNBytes(head, 0, 4);
        if (read > 0) {
            in.unread(head, 0, read);
        }
        return read == 4 && (XlsxMembers.looksLikeXlsx(head) || XlsxMembers.looksLikeXls(head))
                ? BatchService.Format.XLSX
                : BatchService.Format.CSV;
    }

    /** The API's field names, as the form names them. */
    private static List<FieldError> renamed(List<FieldError> errors) {
        return errors.stream()
                .map(e -> switch (e.field()) {
                    case "reason" -> FieldError.of("motif", e.message());
                    case "comment" -> FieldError.of("commentaire", e.message());
                    case "decision" -> FieldError.of("decision", e.message());
                    default -> FieldError.of("membres", e.message());
                })
                .toList();
    }

    private static int pageNumber(String page) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        try {
            return Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("page", "numéro de page attendu");
        }
    }

    private static boolean isStatus(String status) {
        try {
            ApplicationStatus.valueOf(status);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
