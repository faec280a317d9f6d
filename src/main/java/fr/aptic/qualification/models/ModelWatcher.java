package fr.aptic.qualification.models;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys the models a process owner saves in {@code bpmn/}, {@code dmn/} or {@code forms/} while the engine
 * runs (demo profile): it reads the folders every interval and, once a change has stayed the same for one
 * interval (an editor may write a file in several steps), deploys what changed through {@link ModelDeployment}.
 * New versions serve new instances; running instances stay on theirs.
 *
 * <p>Polling rather than a file-system watch service: it sees every kind of save (in place, by rename, over a
 * mounted folder), and reading a few dozen small files every two seconds costs nothing. A model the engine
 * refuses is logged with its file, element and line, and nothing of that change is deployed; the watcher
 * carries on, and the next save is tried again.
 */
public class ModelWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelWatcher.class);

    private final ModelDeployment deployment;
    private final Path directory;
    private final Duration interval;
    private final ScheduledExecutorService scheduler;
    /** What the folder held at the last poll, by content; only the watcher thread touches it after start. */
    private Map<String, byte[]> seen;
    /** What was last deployed, or refused: a refused change is not tried again until the files change. */
    private Map<String, byte[]> handled;

    public ModelWatcher(ModelDeployment deployment, Path directory, Duration interval) {
        this.deployment = deployment;
        this.directory = directory;
        this.interval = interval;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "model-watcher");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts watching; the folder's current models are taken as deployed (start-up has just deployed them). */
    public void start() {
        handled = ModelDeployment.readFolder(directory);
        seen = handled;
        scheduler.scheduleWithFixedDelay(
                this::pollSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info(
                "Watching {} for saved models every {} ms",
                ModelDeployment.FOLDERS.stream()
                        .map(folder ->
                                directory.resolve(folder).toAbsolutePath().normalize() + "/")
                        .toList(),
                interval.toMillis());
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: the watcher must outlive any one failure.
            log.error("Model watcher: reading {} failed; trying again in {} ms", directory, interval.toMillis(), e);
        }
    }

    /** One look at the folders: deploys a change that has stayed the same since the previous look. */
    void poll() {
        Map<String, byte[]> current = ModelDeployment.readFolder(directory);
        if (!same(current, seen)) {
            seen = current;
            return;
        }
        if (same(current, handled)) {
            return;
        }
        List<String> changed = changes(handled, current);
        handled = current;
        log.info("Model change saved in {}: deploying", changed);
        try {
            deployment
                    .deploy(current)
                    .ifPresentOrElse(
                            deployed -> log.info(
                                    "Hot-deployed {} (deployment {}); running instances keep their version",
                                    changed,
                                    deployed.getId()),
                            () -> log.info("{}: same content as the deployed version, nothing deployed", changed));
        } catch (RuntimeException e) {
            log.error(
                    "Model change NOT deployed, the engine refused it; fix the file and save it again:{}", describe(e));
        }
    }

    /** The names of the files added, changed or removed between two readings. */
    static List<String> changes(Map<String, byte[]> before, Map<String, byte[]> after) {
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        return names.stream()
                .filter(name -> !Arrays.equals(before.get(name), after.get(name)))
                .toList();
    }

    static boolean same(Map<String, byte[]> a, Map<String, byte[]> b) {
        return a.keySet().equals(b.keySet())
                && a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
    }

    /** The engine's complaint, one line per problem with file, element and line where it says them. */
    static String describe(RuntimeException e) {
        if (e instanceof ParseException parse && !parse.getResorceReports().isEmpty()) {
            StringBuilder text = new StringBuilder();
            for (ResourceReport report : parse.getResorceReports()) {
                for (Problem problem : report.getErrors()) {
                    text.append("\n  ")
                            .append(report.getResourceName())
                            .append(problem.getMainElementId() == null ? "" : ", element " + problem.getMainElementId())
                            .append(problem.getLine() > 0 ? ", line " + problem.getLine() : "")
                            .append(": ")
                            .append(problem.getMessage());
                }
            }
            if (!text.isEmpty()) {
                return text.toString();
            }
        }
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message =
                    Objects.requireNonNullElse(t.getMessage(), t.getClass().getSimpleName());
            if (!text.toString().contains(message)) {
                text.append("\n  ").append(message);
            }
        }
        return text.toString();
    }
}
