package fr.aptic.qualification.system.feel;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnDecisionContext;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.impl.value.NullValueImpl;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Camunda's decision evaluation context, reusable across evaluations and threads (it holds only the
 * configuration's handlers and listeners), with a cheaper copy of the caller's variables and
 * {@link FastDecisionTableEvaluationHandler} for decision tables.
 */
class FastDmnDecisionContext extends DefaultDmnDecisionContext {

    FastDmnDecisionContext(DefaultDmnEngineConfiguration configuration) {
        super(configuration);
        evaluationHandlers.put(DmnDecisionTableImpl.class, new FastDecisionTableEvaluationHandler(configuration));
    }

    // The stock copy re-wraps each typed value (Variables.untypedValue), which keeps it as it is except a
    // typed null, replaced by the shared untyped null; same here, without the interface type checks.
    @Override
    protected VariableMap buildVariableMapFromVariableContext(VariableContext variableContext) {
        VariableMap variableMap = Variables.createVariables();
        for (String name : variableContext.keySet()) {
            TypedValue value = variableContext.resolve(name);
            if (value == null || value instanceof NullValueImpl) {
                value = Variables.untypedNullValue(value != null && value.isTransient());
            }
            variableMap.putValueTyped(name, value);
        }
        return variableMap;
    }
}
