package fr.aptic.qualification.bench;

import fr.aptic.qualification.decisions.FastFeel;
import java.io.File;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/** One way of evaluating decisions, each measured alone in its own JVM. */
enum BenchmarkVariant {
    STOCK("stock 7.24 FEEL (feel-scala 1.19.3)"),
    LEGACY("legacy FEEL (JUEL, translated table)"),
    UNCACHED("feel-scala 1.19.5, stock integration"),
    OURS("ours (1.19.5, FastFeel.dmnEngine())");

    final String title;

    BenchmarkVariant(String title) {
        this.title = title;
    }

    /** The DMN engine this variant evaluates with. */
    DmnEngine engine() {
        if (this == OURS) {
            return FastFeel.dmnEngine();
        }
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.enableFeelLegacyBehavior(this == LEGACY);
        return configuration.buildEngine();
    }

    /**
     * The child JVM's class path: the benchmark's own, except for the stock variant, where feel-engine 1.19.5
     * gives way to the 1.19.3 that Camunda 7.24.0 ships (same class names, so never both at once).
     */
    String classpath(String classpath, String stockFeelJar) {
        if (this != STOCK) {
            return classpath;
        }
        if (stockFeelJar == null || !new File(stockFeelJar).isFile()) {
            throw new IllegalStateException("bench.stockFeelJar must name feel-engine 1.19.3 scala-shaded, not "
                    + stockFeelJar + ": run ./mvnw -Pbench-decisions verify");
        }
        String[] entries = classpath.split(File.pathSeparator);
        boolean swapped = false;
        for (int i = 0; i < entries.length; i++) {
            if (new File(entries[i]).getName().matches("feel-engine-.*-scala-shaded\\.jar")) {
                entries[i] = stockFeelJar;
                swapped = true;
            }
        }
        if (!swapped) {
            throw new IllegalStateException("no feel-engine jar on the class path to swap");
        }
        return String.join(File.pathSeparator, entries);
    }
}
