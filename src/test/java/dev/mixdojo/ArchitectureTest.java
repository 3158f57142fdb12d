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

    /**
     * Inside the teaching layer (docs/decisions/layers.md): exercise runs lessons on material and moves
     * progress; a lesson's drills carry their staircase settings (progress); material and progress use
     * none of the four.
     */
    @Test
    void theTeachingPackagesDependOnlyInward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Shells").definedBy("dev.mixdojo.cli..", "dev.mixdojo.ui..")
                .layer("Workflows").definedBy("dev.mixdojo.classroom..", "dev.mixdojo.grading..", "dev.mixdojo.mix..",
                        "dev.mixdojo.delivery..")
                .layer("Exercise").definedBy("dev.mixdojo.exercise..")
                .layer("Lesson").definedBy("dev.mixdojo.lesson..")
                .layer("Progress").definedBy("dev.mixdojo.progress..")
                .layer("Material").definedBy("dev.mixdojo.material..")
                .whereLayer("Exercise").mayOnlyBeAccessedByLayers("Shells", "Workflows")
                .whereLayer("Lesson").mayOnlyBeAccessedByLayers("Shells", "Workflows", "Exercise")
                .whereLayer("Progress").mayOnlyBeAccessedByLayers("Shells", "Workflows", "Exercise", "Lesson")
                .whereLayer("Material").mayOnlyBeAccessedByLayers("Shells", "Workflows", "Exercise")
                .check(classes);
    }

    /** A view model holds the screen's logic as properties and is tested without the toolkit: it touches no node. */
    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        noClasses().that().resideInAPackage("dev.mixdojo.ui..").and().haveNameMatching(".*Model(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
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
