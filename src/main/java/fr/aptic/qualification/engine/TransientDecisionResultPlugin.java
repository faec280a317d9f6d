package fr.aptic.qualification.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Keeps the result a business rule task hands to its output mappings (the transient variable
 * {@code decisionResult}) in memory only. The engine writes every object value through its serializer when the
 * variable is created, transient or not: it Java-serialized and Base64-encoded each decision result, which is
 * never stored (about 3 % of the engine's CPU on the network path, where every member's assessment evaluates
 * {@code review-routing} so). A decision result copied into a variable that is stored is serialized as before.
 */
@Component
public class TransientDecisionResultPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        @SuppressWarnings("rawtypes")
        List<TypedValueSerializer> serializers = configuration.getCustomPreVariableSerializers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreVariableSerializers());
        serializers.add(new TransientDecisionResultSerializer());
        configuration.setCustomPreVariableSerializers(serializers);
    }

    /** Holds a transient decision result as the object it is; it never reaches the database. */
    static final class TransientDecisionResultSerializer implements TypedValueSerializer<ObjectValue> {

        static final String NAME = "aptic-transient-decision-result";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public ValueType getType() {
            return ValueType.OBJECT;
        }

        @Override
        public boolean canHandle(TypedValue value) {
            return value != null && value.isTransient() && value.getValue() instanceof DmnDecisionResult;
        }

        @Override
        public ObjectValue convertToTypedValue(UntypedValueImpl untypedValue) {
            return Variables.objectValue(untypedValue.getValue(), true).create();
        }

        @Override
        public void writeValue(ObjectValue value, ValueFields valueFields) {
            // transient: the value stays in the variable's cache and is dropped with the transaction
        }

        @Override
        public ObjectValue readValue(ValueFields valueFields, boolean deserialize, boolean asTransientValue) {
            throw new IllegalStateException(
                    "A transient decision result is never stored, so never read back: " + valueFields.getName());
        }

        @Override
        public String getSerializationDataformat() {
            return null;
        }

        @Override
        public boolean isMutableValue(ObjectValue value) {
            return false;
        }
    }
}
