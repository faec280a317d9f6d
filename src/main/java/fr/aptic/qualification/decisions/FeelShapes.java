package fr.aptic.qualification.decisions;

import camundajar.impl.scala.collection.immutable.List;
import org.camunda.feel.syntaxtree.ConstBool;
import org.camunda.feel.syntaxtree.ConstDate;
import org.camunda.feel.syntaxtree.ConstNull$;
import org.camunda.feel.syntaxtree.ConstNumber;
import org.camunda.feel.syntaxtree.ConstString;
import org.camunda.feel.syntaxtree.Equal;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.Filter;
import org.camunda.feel.syntaxtree.FunctionInvocation;
import org.camunda.feel.syntaxtree.Not;
import org.camunda.feel.syntaxtree.PositionalFunctionParameters;
import org.camunda.feel.syntaxtree.Ref;

/** The shapes of parsed FEEL that {@link FastPaths} recognises: a literal, a variable, {@code f(x[item != null])}. */
final class FeelShapes {

    private FeelShapes() {}

    static boolean isLiteral(Exp exp) {
        return exp instanceof ConstNumber
                || exp instanceof ConstDate
                || exp instanceof ConstString
                || exp instanceof ConstBool
                || exp == ConstNull$.MODULE$;
    }

    // function(x), x a variable
    static String argumentOf(Exp exp, String function) {
        if (exp instanceof FunctionInvocation call
                && call.function().equals(function)
                && call.params() instanceof PositionalFunctionParameters params
                && params.params().length() == 1) {
            return variableName(params.params().head());
        }
        return null;
    }

    // count(x[item != null]), x a variable
    static String countedWithoutNulls(Exp exp) {
        return ofListWithoutNulls(exp, "count");
    }

    // distinct values(x[item != null]), x a variable
    static String distinctWithoutNulls(Exp exp) {
        return ofListWithoutNulls(exp, "distinct values");
    }

    // function(x[item != null]), x a variable
    static String ofListWithoutNulls(Exp exp, String function) {
        if (exp instanceof FunctionInvocation call
                && call.function().equals(function)
                && call.params() instanceof PositionalFunctionParameters params
                && params.params().length() == 1
                && params.params().head() instanceof Filter filter
                && filter.filter() instanceof Not not
                && not.x() instanceof Equal equal
                && "item".equals(variableName(equal.x()))
                && equal.y() == ConstNull$.MODULE$) {
            return variableName(filter.list());
        }
        return null;
    }

    static String variableName(Exp exp) {
        if (exp instanceof Ref ref) {
            List<String> names = ref.names();
            return names.length() == 1 ? names.head() : null;
        }
        return null;
    }
}
