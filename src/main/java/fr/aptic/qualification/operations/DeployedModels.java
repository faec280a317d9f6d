package fr.aptic.qualification.operations;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The models the application ships ({@code bpmn/*.bpmn}, {@code dmn/*.dmn}) and what the engine runs: health
 * indicator {@code models} (part of readiness: up once every shipped model has a deployed definition) and the
 * {@code models} section of {@code /actuator/info} (each process and decision key with its latest version).
 */
@Component("models")
class DeployedModels implements HealthIndicator, InfoContributor {

    private final RepositoryService repository;
    private final Set<String> shipped;

    DeployedModels(RepositoryService repository) {
        this.repository = repository;
        this.shipped = shippedModels();
    }

    @Override
    public Health health() {
        Set<String> deployed = new TreeSet<>();
        repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(ProcessDefinition::getResourceName)
                .forEach(deployed::add);
        repository.createDecisionDefinitionQuery().latestVersion().list().stream()
                .map(DecisionDefinition::getResourceName)
                .forEach(deployed::add);
        Set<String> missing = new TreeSet<>(shipped);
        missing.removeAll(deployed);
        Health.Builder health = missing.isEmpty() ? Health.up() : Health.down().withDetail("missing", missing);
        return health.withDetail("shipped", shipped.size()).build();
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Integer> processes = new TreeMap<>();
        repository
                .createProcessDefinitionQuery()
                .latestVersion()
                .list()
                .forEach(definition -> processes.put(definition.getKey(), definition.getVersion()));
        Map<String, Integer> decisions = new TreeMap<>();
        repository
                .createDecisionDefinitionQuery()
                .latestVersion()
                .list()
                .forEach(definition -> decisions.put(definition.getKey(), definition.getVersion()));
        builder.withDetail("models", Map.of("processes", processes, "decisions", decisions));
    }

    /** The model files packaged with the application, named as the engine names their resources. */
    private static Set<String> shippedModels() {
        var resolver = new PathMatchingResourcePatternResolver(DeployedModels.class.getClassLoader());
        Set<String> names = new TreeSet<>();
        try {
            for (String pattern : new String[] {"bpmn/*.bpmn", "dmn/*.dmn"}) {
                for (Resource resource : resolver.getResources("classpath*:" + pattern)) {
                    names.add(pattern.substring(0, pattern.indexOf('/') + 1) + resource.getFilename());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot list the packaged models", e);
        }
        return names;
    }
}
