package fr.aptic.qualification.decisions;

import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Parse results of one kind (expressions or unary tests) keyed by their text, bounded in size.
 *
 * <p>A parsed expression holds no evaluation state: the same tree is evaluated against any context,
 * by any number of threads. Unary tests read the input variable name from the context at evaluation
 * time ({@code inputVariableName}), so the text alone is a sufficient key. Parse failures are kept
 * too, so a broken cell fails with the same message without being parsed again.
 */
final class ParsedExpressionCache {

    private final int maximumSize;
    private final Function<String, Either<Failure, ParsedExpression>> parser;
    private final Function<Exp, FastPath> fastPaths;
    private final ConcurrentHashMap<String, Parsed> entries = new ConcurrentHashMap<>();

    ParsedExpressionCache(
            int maximumSize,
            Function<String, Either<Failure, ParsedExpression>> parser,
            Function<Exp, FastPath> fastPaths) {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximumSize must be positive: " + maximumSize);
        }
        this.maximumSize = maximumSize;
        this.parser = parser;
        this.fastPaths = fastPaths;
    }

    /** The parse result of {@code text}, parsed on first use. */
    Parsed get(String text) {
        Parsed parsed = entries.get(text);
        if (parsed != null) {
            return parsed;
        }
        // Parsing twice on a race is harmless (same result); computeIfAbsent would hold a bin lock while parsing.
        parsed = parse(text);
        if (entries.size() >= maximumSize) {
            evictOne();
        }
        Parsed previous = entries.putIfAbsent(text, parsed);
        return previous != null ? previous : parsed;
    }

    int size() {
        return entries.size();
    }

    private Parsed parse(String text) {
        Either<Failure, ParsedExpression> result = parser.apply(text);
        if (result instanceof Right<Failure, ParsedExpression> right) {
            return new Parsed(right.value(), fastPaths.apply(right.value().expression()), null);
        }
        return new Parsed(
                null, null, ((Left<Failure, ParsedExpression>) result).value().message());
    }

    // Decision models hold a few hundred distinct texts; the bound only guards against generated
    // expressions, so evicting an arbitrary entry is enough and keeps the hot path lock-free.
    private void evictOne() {
        Iterator<String> keys = entries.keySet().iterator();
        if (keys.hasNext()) {
            entries.remove(keys.next());
        }
    }

    /** Either a parsed expression, with its shortcut if it has one, or the parser's failure message. */
    record Parsed(ParsedExpression expression, FastPath fastPath, String failure) {}
}
