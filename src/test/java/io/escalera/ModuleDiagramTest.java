package io.escalera;

import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module diagram in {@code docs/modules/} is the one Spring Modulith's Documenter draws from the code today: a new
 * dependency between modules, or a new module, fails this test until the diagram is drawn again with
 * {@code ./mvnw test -Dtest=ModuleDiagramTest -Descalera.docs.write=true} (which also renders the SVG the docs show).
 */
class ModuleDiagramTest {

    private static final Path DOCS = Path.of("docs", "modules");
    private static final Path DRAWN = Path.of("target", "modulith-docs");

    @Test
    void theModuleDiagramInTheDocsIsTheOneTheCodeDraws() throws IOException {
        new Documenter(ApplicationModules.of(EscaleraApplication.class), Documenter.Options.defaults().withOutputFolder(DRAWN.toString()))
                .writeModulesAsPlantUml()
                .writeModuleCanvases();
        String drawn = Files.readString(DRAWN.resolve("components.puml"));

        if (Boolean.getBoolean("escalera.docs.write")) {
            Files.createDirectories(DOCS);
            Files.writeString(DOCS.resolve("modules.puml"), drawn);
            try (OutputStream svg = Files.newOutputStream(DOCS.resolve("modules.svg"))) {
                // PlantUML's own layout engine: the same picture without Graphviz installed
                new SourceStringReader(drawn.replaceFirst("@startuml", "@startuml\n!pragma layout smetana"))
                        .outputImage(svg, new FileFormatOption(FileFormat.SVG));
            }
            try (var canvases = Files.list(DRAWN)) {
                for (Path canvas : canvases.filter(f -> f.getFileName().toString().startsWith("module-")
                        && f.getFileName().toString().endsWith(".adoc")).toList()) {
                    Files.copy(canvas, DOCS.resolve(canvas.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        // compared line by line in any order: the Documenter lists modules and arrows in no fixed order
        assertThat(sortedLines(Files.readString(DOCS.resolve("modules.puml")))).as("docs/modules/modules.puml is stale: draw it "
                + "again with ./mvnw test -Dtest=ModuleDiagramTest -Descalera.docs.write=true").isEqualTo(sortedLines(drawn));
    }

    private static java.util.List<String> sortedLines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).sorted().toList();
    }
}
