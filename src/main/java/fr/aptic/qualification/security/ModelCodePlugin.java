package fr.aptic.qualification.security;

import fr.aptic.qualification.web.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Checks every new deployment before the engine parses it, whatever sent it (the models folder at start, the
 * folder watcher, {@code /engine-rest/deployment/create}, the Java API): a model that would run code outside
 * {@link ModelCode}'s declared list is refused whole, in the deployment's transaction, so nothing is stored.
 */
@Component
public class ModelCodePlugin extends AbstractProcessEnginePlugin {

    private final Predicate<String> isBean;

    /** In the application: a name is a bean when the application context knows it. */
    @Autowired
    public ModelCodePlugin(BeanFactory beans) {
        this(beans::containsBean);
    }

    /** For an engine outside the application: {@code isBean} says which names would reach code. */
    public ModelCodePlugin(Predicate<String> isBean) {
        this.isBean = isBean;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(0, new Check(new ModelCode(isBean)));
        configuration.setCustomPreDeployers(deployers);
    }

    /** Runs first among the deployers, for new deployments only (a restart re-reads stored ones into its cache). */
    record Check(ModelCode code) implements Deployer {

        @Override
        public void deploy(DeploymentEntity deployment) {
            if (!deployment.isNew() || deployment.getResources() == null) {
                return;
            }
            Map<String, byte[]> resources = new LinkedHashMap<>();
            for (ResourceEntity resource : deployment.getResources().values()) {
                resources.put(resource.getName(), resource.getBytes());
            }
            List<FieldError> errors = code.refusals(resources);
            if (!errors.isEmpty()) {
                throw new RefusedModelException(errors);
            }
        }
    }
}
