package dev.mixdojo.cli;

import dev.mixdojo.classroom.AssignmentPack;
import dev.mixdojo.classroom.MixGrade;
import dev.mixdojo.classroom.MixGrader;
import dev.mixdojo.classroom.MixGradesCsv;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mixdojo grade-mixes}: scores a class's homework mixes against an assignment's mix challenge, on all cores. */
@Command(name = "grade-mixes", mixinStandardHelpOptions = true,
        header = "Score every handed-in mix of a class against the assignment's target; one CSV row per mix.",
        description = {"DIR holds one mix per student (Ana.wav) or one folder per student (Ana/mix.wav).",
            "A mix that cannot be scored gets a row saying why; the others are scored all the same."})
final class GradeMixesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--assignment", required = true, paramLabel = "FILE",
            description = "The assignment file with the mix challenge (stems and target).")
    Path assignment;

    @Parameters(paramLabel = "DIR", description = "Folder of handed-in mixes.")
    Path folder;

    @Mixin
    ReportOut output;

    @Override
    public void run() {
        MixGrader grader = MixGrader.forPack(AssignmentPack.open(assignment));
        PrintWriter err = spec.commandLine().getErr();
        AtomicInteger done = new AtomicInteger();
        List<MixGrade> grades = grader.gradeFolder(folder, Runtime.getRuntime().availableProcessors(), grade -> {
            err.println("[" + done.incrementAndGet() + "] " + grade.file() + ": "
                    + grade.score().map(s -> s.score() + " / 100").orElseGet(() -> grade.problem().orElseThrow()));
            err.flush();
        });
        long scored = grades.stream().filter(g -> g.score().isPresent()).count();
        output.deliver(spec, MixGradesCsv.render(grades), grades.size() + " mixes, " + scored + " scored");
    }
}
