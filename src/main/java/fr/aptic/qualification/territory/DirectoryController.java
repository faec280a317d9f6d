package fr.aptic.qualification.territory;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Imports the directory of known places (national open-data standard CSV): the national team only. */
@RestController
class DirectoryController {

    private final DirectoryImport directoryImport;

    DirectoryController(DirectoryImport directoryImport) {
        this.directoryImport = directoryImport;
    }

    /** The body is read as a stream (up to 20 MiB): the reader finds its encoding and separator itself. */
    @PostMapping(path = "/api/directory", consumes = "text/csv")
    @PreAuthorize("hasAnyAuthority('aptic-qualification', 'camunda-admin')")
    DirectoryImport.Result importDirectory(HttpServletRequest request) throws IOException {
        return directoryImport.importCsv(request.getInputStream());
    }
}
