package dev.mixdojo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer rules of DESIGN.md: dependencies point inward; only the UI knows JavaFX, only the web shell Javalin. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.mixdojo");
    }

    @Test
    void layersDependOnlyInward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("Shells").definedBy("dev.mixdojo.cli..", "dev.mixdojo.ui..", "dev.mixdojo.web..")
                .layer("Workflows").definedBy("dev.mixdojo.classroom..", "dev.mixdojo.grading..", "dev.mixdojo.mix..",
                        "dev.mixdojo.delivery..")
                .layer("Teaching").definedBy("dev.mixdojo.lesson..", "dev.mixdojo.exercise..",
                        "dev.mixdojo.progress..", "dev.mixdojo.material..")
                .layer("Signal").definedBy("dev.mixdojo.analysis..", "dev.mixdojo.dsp..")
                .layer("Audio").definedBy("dev.mixdojo.audio..")
                .layer("Base").definedBy("dev.mixdojo.base..")
                .whereLayer("Shells").mayNotBeAccessedByAnyLayer()
                .whereLayer("Workflows").mayOnlyBeAccessedByLayers("Shells")
                .whereLayer("Teaching").mayOnlyBeAccessedByLayers("Shells", "Workflows")
                .whereLayer("Signal").mayOnlyBeAccessedByLayers("Shells", "Workflows", "Teaching")
                .whereLayer("Audio").mayOnlyBeAccessedByLayers("Shells", "Workflows", "Teaching", "Signal")
                .check(classes);
    }

    @Test
    void dspDoesNotDependOnAnalysis() {
        noClasses().that().resideInAPackage("dev.mixdojo.dsp..")
                .should().dependOnClassesThat().resideInAPackage("dev.mixdojo.analysis..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheUiImportsJavaFx() {
        noClasses().that().resideOutsideOfPackage("dev.mixdojo.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void onlyTheWebShellUsesTheWebServer() {
        noClasses().that().resideOutsideOfPackage("dev.mixdojo.web..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
                .check(classes);
    }

    @Test
    void onlyTheShellsUsePicocli() {
        noClasses().that().resideOutsideOfPackage("dev.mixdojo.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(classes);
    }
}
