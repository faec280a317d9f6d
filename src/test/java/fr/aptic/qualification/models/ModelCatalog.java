package fr.aptic.qualification.models;

import java.util.Map;
import java.util.Set;

/**
 * What the models folders define, so that references between models can be checked: process ids (executable
 * processes, the only ones the engine deploys), decision ids, form ids and form file names.
 */
record ModelCatalog(
        Map<String, String> processFiles,
        Map<String, String> decisionFiles,
        Set<String> formIds,
        Set<String> formFileNames) {

    boolean hasProcess(String id) {
        return processFiles.containsKey(id);
    }

    boolean hasDecision(String id) {
        return decisionFiles.containsKey(id);
    }

    boolean hasForm(String id) {
        return formIds.contains(id);
    }

    boolean hasFormFile(String fileName) {
        return formFileNames.contains(fileName);
    }
}
