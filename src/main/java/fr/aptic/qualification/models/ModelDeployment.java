package fr.aptic.qualification.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Deploys the models of {@code bpmn/}, {@code dmn/} and {@code forms/} under stable resource names
 * ({@code bpmn/free-qualification.bpmn}), whatever folder the checkout lives in, and only the resources that
 * changed since the last deployment: a restart with the same models creates no new versions.
 *
 * <p>The models are read from the folder when it has them (a checkout, where process owners edit), otherwise
 * from the copies packaged in the jar under the same names.
 */
public class ModelDeployment {

    /** The one deployment name under which every model version is filed. */
    public static final String DEPLOYMENT_NAME = "aptic-models";

    static final List<String> FOLDERS = List.of("bpmn", "dmn", "forms");
    private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

    private final RepositoryService repositoryService;

    public ModelDeployment(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    /** Deploys what changed in the folder's models (or the packaged ones when it has none). */
    public Optional<DeploymentWithDefinitions> deploy(Path directory) {
        if (hasModels(directory)) {
            log.info(
                    "Deploying changed models of {}", directory.toAbsolutePath().normalize());
            return deploy(readFolder(directory));
        }
        log.info("No model folder in {}: deploying the models packaged in the application", directory.toAbsolutePath());
        return deploy(readClasspath());
    }

    /** Deploys the given resources (name → content), changed ones only; empty when nothing changed. */
    public Optional<DeploymentWithDefinitions> deploy(Map<String, byte[]> models) {
        if (models.isEmpty()) {
            log.warn("No model found to deploy in {}", FOLDERS);
            return Optional.empty();
        }
        long before = deploymentCount();
        DeploymentBuilder builder = repositoryService
                .createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(true);
        models.forEach((name, content) -> builder.addInputStream(name, new ByteArrayInputStream(content)));
        DeploymentWithDefinitions deployment = builder.deployWithResult();
        // With duplicate filtering the engine hands back the previous deployment when nothing changed.
        if (deploymentCount() == before) {
            log.info("Models unchanged: no new deployment");
            return Optional.empty();
        }
        log.info(
                "Deployed changed models {} as deployment {}",
                repositoryService.getDeploymentResourceNames(deployment.getId()),
                deployment.getId());
        return Optional.of(deployment);
    }

    private long deploymentCount() {
        return repositoryService
                .createDeploymentQuery()
                .deploymentName(DEPLOYMENT_NAME)
                .count();
    }

    static boolean hasModels(Path directory) {
        return FOLDERS.stream().anyMatch(folder -> Files.isDirectory(directory.resolve(folder)));
    }

    /** The folder's models, named by their path relative to it ({@code dmn/eligibility.dmn}). */
    static Map<String, byte[]> readFolder(Path directory) {
        Map<String, byte[]> models = new TreeMap<>();
        for (String folder : FOLDERS) {
            Path root = directory.resolve(folder);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.list(root)) {
                for (Path file : files.filter(ModelDeployment::isModel).toList()) {
                    models.put(folder + "/" + file.getFileName(), Files.readAllBytes(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read models in " + root, e);
            }
        }
        return models;
    }

    static Map<String, byte[]> readClasspath() {
        var resolver = new PathMatchingResourcePatternResolver(ModelDeployment.class.getClassLoader());
        Map<String, byte[]> models = new TreeMap<>();
        try {
            for (String folder : FOLDERS) {
                for (Resource resource : resolver.getResources("classpath*:" + folder + "/*")) {
                    String name = resource.getFilename();
                    if (name != null && isModel(Path.of(name))) {
                        try (InputStream in = resource.getInputStream()) {
                            models.put(folder + "/" + name, in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read packaged models", e);
        }
        return models;
    }

    static boolean isModel(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form");
    }
}
