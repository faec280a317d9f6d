package fr.aptic.qualification.models;

import fr.aptic.qualification.engine.EngineReadyEvent;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * With {@code aptic.models.watch: true} (the demo profile), deploys models as process owners save them,
 * without a restart ({@link ModelWatcher}). Off by default: in production a model change is a commit and a
 * restart, or a deployment through the engine REST API.
 */
@Configuration
@ConditionalOnProperty(name = "aptic.models.watch", havingValue = "true")
class ModelWatchConfiguration implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelWatchConfiguration.class);

    private final Path directory;
    private final Duration interval;
    private ModelWatcher watcher;

    ModelWatchConfiguration(
            @Value("${aptic.models.directory:.}") String directory,
            @Value("${aptic.models.watch-interval:2s}") Duration interval) {
        // A String, not a Path: Spring would resolve "." against the web server's docbase (see EngineConfiguration).
        this.directory = Path.of(directory);
        this.interval = interval;
    }

    /** After start-up deployed the models: from then on, saved changes are deployed as they come. */
    @EventListener
    synchronized void start(EngineReadyEvent event) {
        if (watcher != null) {
            return;
        }
        if (!ModelDeployment.hasModels(directory)) {
            log.warn(
                    "aptic.models.watch is on but {} has no bpmn/, dmn/ or forms/ folder: nothing to watch", directory);
            return;
        }
        watcher = new ModelWatcher(new ModelDeployment(event.engine().getRepositoryService()), directory, interval);
        watcher.start();
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }
}
