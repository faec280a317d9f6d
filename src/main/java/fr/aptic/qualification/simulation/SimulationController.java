package fr.aptic.qualification.simulation;

import fr.aptic.qualification.security.AccessSetup;
import fr.aptic.qualification.web.ProblemException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/simulations} for process owners: a candidate DMN file (multipart, part {@code file}) or a
 * deployed version ({@code decisionKey} and {@code version}, as JSON or parameters), judged on every stored
 * application; JSON by default, CSV with {@code Accept: text/csv}.
 */
@RestController
@RequestMapping("/api/simulations")
@PreAuthorize("hasAnyAuthority('" + AccessSetup.PROCESS_OWNERS + "', '" + AccessSetup.NATIONAL + "', '"
        + AccessSetup.ADMIN + "')")
class SimulationController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final SimulationService simulations;

    SimulationController(SimulationService simulations) {
        this.simulations = simulations;
    }

    /**
     * What to simulate besides a file, as parameters, multipart fields or a JSON body: the decision and
     * version, the baseline, and which stored applications (submitted between two days, in one département).
     */
    record Parameters(
            String decisionKey,
            Integer version,
            String baseline,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate submittedFrom,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate submittedTo,
            String departement) {

        SimulationService.Request request(String fileName, byte[] file) {
            return new SimulationService.Request(
                    decisionKey,
                    version,
                    fileName,
                    file,
                    SimulationService.Baseline.parse(baseline),
                    submittedFrom,
                    submittedTo,
                    departement);
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> candidateFile(
            @RequestPart(name = "file", required = false) MultipartFile file,
            @ModelAttribute @ParameterObject Parameters parameters,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (file == null) {
            throw ProblemException.invalid("file", "fichier DMN attendu (partie « file » du formulaire)");
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answer(simulations.simulate(parameters.request(file.getOriginalFilename(), content)), accept);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> deployedVersion(
            @RequestBody Parameters body, @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer(simulations.simulate(body.request(null, null)), accept);
    }

    /** Parameters only (no body, or a form): {@code ?decisionKey=eligibility&version=3}. */
    @PostMapping
    ResponseEntity<?> deployedVersionByParameters(
            @ModelAttribute @ParameterObject Parameters parameters,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer(simulations.simulate(parameters.request(null, null)), accept);
    }

    private static ResponseEntity<?> answer(SimulationReport report, String accept) {
        if (!wantsCsv(accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        }
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        SimulationCsv.write(report, csv);
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("simulation-" + report.decisionKey() + ".csv")
                                .build()
                                .toString())
                .body(csv.toByteArray());
    }

    /** CSV when the client ranks it above JSON; JSON otherwise (also for a missing or unusable header). */
    static boolean wantsCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (RuntimeException e) {
            return false;
        }
        MediaType.sortByQualityValue(types);
        for (MediaType type : types) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
                return false;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return true;
            }
        }
        return false;
    }
}
