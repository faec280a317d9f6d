package fr.aptic.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The rooms (one top-level package each) as Spring Modulith sees them: no cycle between rooms, no room reaching
 * into another's internals, no room over a fifth of the main code; and the diagram in {@code docs/modules/} is the
 * one the code draws ({@code -Daptic.docs.write=true} writes it anew).
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(QualificationApplication.class);
    static final Path DOCS = Path.of("docs/modules");

    @Test
    void roomsHaveWallsAndNoCycle() {
        MODULES.verify();
    }

    @Test
    void noRoomHoldsMoreThanAFifthOfTheMainCode() throws IOException {
        Path main = Path.of("src/main/java/fr/aptic/qualification");
        long total = lines(main);
        try (Stream<Path> rooms = Files.list(main)) {
            for (Path room : rooms.filter(Files::isDirectory).toList()) {
                assertThat(lines(room) * 5)
                        .as(room.getFileName() + " under 20 %")
                        .isLessThanOrEqualTo(total);
            }
        }
    }

    @Test
    void theDiagramInDocsIsTheOneTheCodeDraws() throws IOException {
        Path generated = Path.of("target/spring-modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml(
                        Documenter.DiagramOptions.defaults().withStyle(Documenter.DiagramOptions.DiagramStyle.C4));
        Path drawn = generated.resolve("components.puml");
        if (Boolean.getBoolean("aptic.docs.write")) {
            Files.createDirectories(DOCS);
            Files.copy(drawn, DOCS.resolve("components.puml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            // Smetana, PlantUML's own Java layout: no Graphviz on the machine is needed
            String source = Files.readString(drawn).replaceFirst("@startuml\\R", "@startuml\n!pragma layout smetana\n");
            try (var svg = Files.newOutputStream(DOCS.resolve("components.svg"))) {
                new net.sourceforge.plantuml.SourceStringReader(source)
                        .outputImage(
                                svg,
                                new net.sourceforge.plantuml.FileFormatOption(net.sourceforge.plantuml.FileFormat.SVG));
            }
        }
        // the same lines, in whatever order Modulith lists the relations
        assertThat(Files.readAllLines(DOCS.resolve("components.puml")).stream()
                        .sorted()
                        .toList())
                .as("docs/modules/components.puml is out of date: run ./mvnw test -Dtest=ModulesTest"
                        + " -Daptic.docs.write=true and commit it")
                .isEqualTo(Files.readAllLines(drawn).stream().sorted().toList());
    }

    @Test
    void everyControllerHasItsSliceTest() {
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(
                org.springframework.web.bind.annotation.RestController.class));
        var controllers = scanner.findCandidateComponents("fr.aptic.qualification");
        assertThat(controllers).hasSizeGreaterThan(10);
        for (var controller : controllers) {
            String slice = controller.getBeanClassName() + "SliceTest";
            assertThat(exists(slice)).as(slice + " (@WebMvcTest)").isTrue();
        }
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static long lines(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            long count = 0;
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> all = Files.readAllLines(file);
                count += all.size();
            }
            return count;
        }
    }
}
