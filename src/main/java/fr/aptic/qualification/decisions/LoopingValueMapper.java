package fr.aptic.qualification.decisions;

import camundajar.impl.scala.Function1;
import camundajar.impl.scala.Option;
import camundajar.impl.scala.jdk.javaapi.CollectionConverters;
import java.util.List;
import org.camunda.feel.impl.DefaultValueMapper;
import org.camunda.feel.impl.JavaValueMapper;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.valuemapper.CustomValueMapper;
import org.camunda.feel.valuemapper.ValueMapper;
import org.camunda.feel.valuemapper.ValueMapper.CompositeValueMapper;

/**
 * The same mapping as feel-scala's {@link CompositeValueMapper}, without its per-call costs.
 *
 * <p>The composite asks its mappers in priority order with a {@code return} inside a Scala closure, which
 * throws (and catches) a control exception on every mapped value, and it allocates a new function for
 * the inner mapper on every call. This asks the same mappers in the same order, and fails with the same
 * message when none answers.
 */
final class LoopingValueMapper implements ValueMapper {

    private final CustomValueMapper[] mappers;
    private final Function1<Object, Val> toValFunction = this::toVal;
    private final Function1<Val, Object> unpackValFunction = this::unpackVal;

    LoopingValueMapper(CompositeValueMapper composite) {
        List<CustomValueMapper> byPriority = CollectionConverters.asJava(composite.customMappersByPriority());
        this.mappers = byPriority.toArray(CustomValueMapper[]::new);
    }

    @Override
    public Val toVal(Object x) {
        for (CustomValueMapper mapper : mappers) {
            Option<Val> value = mapper.toVal(x, toValFunction);
            if (value.isDefined()) {
                return value.get();
            }
        }
        throw new IllegalArgumentException("no value mapper found for '" + x + "' ('" + x.getClass() + "')");
    }

    @Override
    public Object unpackVal(Val value) {
        for (CustomValueMapper mapper : mappers) {
            Option<Object> unpacked = mapper.unpackVal(value, unpackValFunction);
            if (unpacked.isDefined()) {
                return unpacked.get();
            }
        }
        throw new IllegalArgumentException("no value mapper found for '" + value + "'");
    }

    /** Whether these are exactly feel-scala's Java and default mappers, which the FEEL shortcuts assume. */
    boolean isDefault() {
        return mappers.length == 2
                && mappers[0].getClass() == JavaValueMapper.class
                && mappers[1].getClass() == DefaultValueMapper.class;
    }

    @Override
    public String toString() {
        return "LoopingValueMapper" + List.of(mappers);
    }
}
