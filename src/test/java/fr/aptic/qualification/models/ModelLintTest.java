package fr.aptic.qualification.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The build's bpmnlint/dmnlint step (tools/model-lint) fails on broken models and names file, element and rule.
 * Skipped where the linters are not installed (a build with -Dmodel-lint.skip, or an IDE before the first build).
 */
class ModelLintTest {

    private static final Path FIXTURES = Path.of("src/test/models");

    @Test
    void failsOnBrokenModelsNamingFileElementAndRule() throws Exception {
        LintRun run = lint(FIXTURES.resolve("lint-broken"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines())
                .contains(
                        "bpmn/lint-broken.bpmn: Task_Unnamed: Element is missing label/name [label-required, error]",
                        "bpmn/lint-broken.bpmn: Gateway_PassThrough: Gateway is superfluous. It only has one source and target."
                                + " [superfluous-gateway, warning]",
                        "bpmn/lint-broken.bpmn: lint-broken: Property <historyTimeToLive> should be configured on"
                                + " <bpmn:Process> or engine level. [camunda-compat/history-time-to-live, error]",
                        "dmn/lint-broken.dmn: lint-broken: Element is missing label/name [label-required, error]")
                .anySatisfy(line -> assertThat(line).startsWith("Model lint FAILED: 4 finding(s) in 2 file(s)"));
    }

    @Test
    void acceptsCompleteModels() throws Exception {
        LintRun run = lint(FIXTURES.resolve("good"));

        assertThat(run.exitCode()).as(String.join("\n", run.lines())).isZero();
        assertThat(run.lines())
                .anySatisfy(line -> assertThat(line).startsWith("Model lint: 1 BPMN and 1 DMN model(s) clean"));
    }

    private static LintRun lint(Path root) throws IOException, InterruptedException {
        assumeTrue(
                Files.isDirectory(Path.of("tools/model-lint/node_modules/bpmnlint")),
                "bpmnlint is not installed in tools/model-lint (model lint skipped)");
        Process process;
        try {
            process = new ProcessBuilder(
                            "node", "tools/model-lint/lint-models.js", "--no-install", "--root", root.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException noNode) {
            assumeTrue(false, "node is not on PATH (model lint skipped)");
            throw noNode;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("lint finished").isTrue();
        return new LintRun(process.exitValue(), output.lines().toList());
    }

    private record LintRun(int exitCode, List<String> lines) {}
}
