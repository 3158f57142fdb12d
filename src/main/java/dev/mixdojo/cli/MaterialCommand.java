package dev.mixdojo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mixdojo.audio.AudioFiles;
import dev.mixdojo.audio.SampleEncoding;
import dev.mixdojo.base.AtomicFiles;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.base.Warnings;
import dev.mixdojo.material.BandEnergy;
import dev.mixdojo.material.Beats;
import dev.mixdojo.material.CatalogEntry;
import dev.mixdojo.material.ImportedMaterial;
import dev.mixdojo.material.MaterialLibrary;
import dev.mixdojo.material.MaterialSummary;
import dev.mixdojo.material.OwnSong;
import dev.mixdojo.material.Multitrack;
import dev.mixdojo.material.SongTempo;
import dev.mixdojo.material.Stem;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mixdojo material …}: list, render and import exercise material, and adjust an imported song. */
@Command(name = "material", description = "List, render and import exercise material (songs, stems, test signals).",
        mixinStandardHelpOptions = true,
        subcommands = {MaterialCommand.ListCommand.class, MaterialCommand.RenderCommand.class, MaterialCommand.ImportCommand.class,
            MaterialCommand.SetCommand.class})
final class MaterialCommand implements Runnable {

    @Option(names = "--cache-dir", description = "Where rendered audio is cached (default: MIXDOJO_CACHE or the platform cache folder).",
            scope = picocli.CommandLine.ScopeType.INHERIT)
    Path cacheDir;

    @Option(names = "--data-dir", description = "Your MixDojo data folder, where imported materials live (default: MIXDOJO_HOME or the platform data folder).",
            scope = picocli.CommandLine.ScopeType.INHERIT)
    Path dataDir;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The user's folders, with {@code --data-dir} and {@code --cache-dir} applied. */
    UserDirectories directories() {
        return UserFolderOptions.directories(dataDir, cacheDir);
    }

    MaterialLibrary library() {
        return UserFolderOptions.materialLibrary(directories());
    }

    private static void printWarnings(Warnings warnings, PrintWriter err) {
        warnings.all().forEach(err::println);
        err.flush();
    }

    /** {@code mixdojo material render}. */
    @Command(name = "render", description = "Write a material's stems and rough mix as 24-bit 48 kHz WAV files.",
            mixinStandardHelpOptions = true)
    static final class RenderCommand implements Runnable {
        @ParentCommand
        MaterialCommand parent;

        @Parameters(index = "0", paramLabel = "NAME", description = "The material (see 'mixdojo material list').")
        String name;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for one WAV per stem plus mix.wav.")
        Path out;

        @Option(names = "--seed", paramLabel = "S", description = "Seed for the performance (timing, velocities, melodies); default: the song's own.")
        Long seed;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            Warnings warnings = new Warnings();
            Multitrack multitrack = parent.library().load(name, Optional.ofNullable(seed), warnings);
            try {
                Files.createDirectories(out);
            } catch (java.io.IOException e) {
                throw AtomicFiles.cannotWrite(out, e);
            }
            PrintWriter stdout = spec.commandLine().getOut();
            for (Stem stem : multitrack.stems()) {
                AudioFiles.write(out.resolve(stem.name() + ".wav"), stem.audio(), SampleEncoding.PCM_24, warnings);
                stdout.printf(Locale.ROOT, "%-24s %-11s %d ch%n", stem.name() + ".wav", stem.role().fileName(), stem.audio().channelCount());
            }
            AudioFiles.write(out.resolve("mix.wav"), multitrack.mix(), SampleEncoding.PCM_24, warnings);
            stdout.printf(Locale.ROOT, "%-24s %-11s %d ch%n", "mix.wav", "mix", multitrack.mix().channelCount());
            stdout.printf(Locale.ROOT, "Wrote %d stems and mix.wav (%.1f s, 24-bit, 48 kHz) to %s%n",
                    multitrack.stems().size(), multitrack.mix().durationS(), out);
            printWarnings(warnings, spec.commandLine().getErr());
        }
    }

    /** What the learner says about a found tempo, as the command line spells it: keep, halve or double. */
    static SongTempo.Choice tempoChoice(String word) {
        return switch (word) {
            case "keep" -> SongTempo.Choice.KEPT;
            case "halve" -> SongTempo.Choice.HALVED;
            case "double" -> SongTempo.Choice.DOUBLED;
            default -> throw new BadInputException("--tempo takes keep, halve or double, not '" + word + "'.");
        };
    }

    /** {@code mixdojo material import}. */
    @Command(name = "import", description = "Import a folder or zip of stems, or one song or loop, as a material"
            + " (WAV, AIFF, FLAC, MP3, Ogg Vorbis or AAC). One song gets its tempo and a stretch for drills.",
            mixinStandardHelpOptions = true)
    static final class ImportCommand implements Runnable {
        @ParentCommand
        MaterialCommand parent;

        @Parameters(index = "0", paramLabel = "PATH", description = "A folder or .zip of stems, or one audio file.")
        Path source;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The new material's name (lower-case letters, digits, '-').")
        String name;

        @Option(names = "--tempo", paramLabel = "keep|halve|double", description = "For one song: keep the tempo found,"
                + " or halve or double it (when it is in doubt the import says so; 'material set' changes it later).")
        String tempo;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            Optional<SongTempo.Choice> choice = Optional.ofNullable(tempo).map(MaterialCommand::tempoChoice);
            Warnings warnings = new Warnings();
            MaterialLibrary library = parent.library();
            ImportedMaterial material = library.importMaterial(source, name, warnings);
            if (choice.isPresent() && material.song().isPresent()) {
                material = library.adjustSong(name, choice, java.util.OptionalDouble.empty());
            }
            PrintWriter stdout = spec.commandLine().getOut();
            for (ImportedMaterial.StemFile stem : material.stems()) {
                stdout.printf(Locale.ROOT, "%-28s %s%n", stem.file(), stem.role().fileName());
            }
            material.song().ifPresent(song -> printSong(song, name, stdout));
            stdout.printf(Locale.ROOT, "Imported %d stem%s as '%s' (%s) into %s; edit %s there to fix roles and balance.%n",
                    material.stems().size(), material.stems().size() == 1 ? "" : "s", material.name(), material.kind(),
                    parent.directories().data().resolve("materials").resolve(material.name()), ImportedMaterial.FILE_NAME);
            printWarnings(warnings, spec.commandLine().getErr());
        }
    }

    /** The song's tempo (with the question, when it is in doubt and not yet answered) and its drills' stretch. */
    private static void printSong(OwnSong song, String name, PrintWriter out) {
        SongTempo tempo = song.tempo();
        out.printf(Locale.ROOT, "Tempo:        %s%n", tempo.describe());
        if (tempo.choice() == SongTempo.Choice.FOUND && tempo.doubt() != Beats.Doubt.NONE) {
            out.printf(Locale.ROOT, "              %s Keep it, halve it or double it: 'mixdojo material set %s --tempo keep|halve|double'.%n",
                    tempo.doubtSentence(), name);
        }
        out.printf(Locale.ROOT, "Drills play:  %s; move it with 'mixdojo material set %s --excerpt-start SECONDS'.%n",
                song.describeExcerpt(), name);
    }

    /** {@code mixdojo material set}. */
    @Command(name = "set", description = "Change an imported song's tempo (keep, halve or double the one found) or move"
            + " the stretch its drills play.", mixinStandardHelpOptions = true)
    static final class SetCommand implements Runnable {
        @ParentCommand
        MaterialCommand parent;

        @Parameters(index = "0", paramLabel = "NAME", description = "The imported song.")
        String name;

        @Option(names = "--tempo", paramLabel = "keep|halve|double", description = "Keep, halve or double the tempo found at import.")
        String tempo;

        @Option(names = "--excerpt-start", paramLabel = "SECONDS", description = "Start the drills' stretch at the bar line nearest this time.")
        Double excerptStartS;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            if (tempo == null && excerptStartS == null) {
                throw new BadInputException("Say what to change: --tempo keep|halve|double or --excerpt-start SECONDS.");
            }
            ImportedMaterial material = parent.library().adjustSong(name,
                    Optional.ofNullable(tempo).map(MaterialCommand::tempoChoice),
                    excerptStartS == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(excerptStartS));
            PrintWriter stdout = spec.commandLine().getOut();
            printSong(material.song().orElseThrow(), name, stdout);
            stdout.flush();
        }
    }

    /** {@code mixdojo material list}. */
    @Command(name = "list", description = "List every material with its roles and length (--json adds energy per octave band per stem).",
            mixinStandardHelpOptions = true)
    static final class ListCommand implements Runnable {
        @ParentCommand
        MaterialCommand parent;

        @Option(names = "--json", description = "Print the catalog as JSON (roles, length, band energies per stem).")
        boolean json;

        @Option(names = "--bands", description = "Also print each stem's energy per octave band (dB relative to the stem).")
        boolean bands;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                List<CatalogEntry> catalog = parent.library().catalog();
                try {
                    out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(catalog));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
                return;
            }
            out.printf(Locale.ROOT, "%-20s %-8s %-14s %6s  %s%n", "NAME", "KIND", "STYLE", "LENGTH", "ROLES");
            MaterialLibrary library = parent.library();
            for (MaterialSummary entry : library.summaries()) {
                int seconds = (int) Math.round(entry.durationS());
                out.printf(Locale.ROOT, "%-20s %-8s %-14s %3d:%02d  %s%n", entry.name(), entry.kind(), entry.style(),
                        seconds / 60, seconds % 60,
                        String.join(", ", entry.roles().stream().distinct().map(r -> r.fileName()).toList()));
                if (bands) {
                    printBands(library.catalogEntry(entry.name()), out);
                }
            }
        }

        private static void printBands(CatalogEntry entry, PrintWriter out) {
            StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "    %-16s %-10s", "stem", "role"));
            for (double centreHz : BandEnergy.CENTRES_HZ) {
                header.append(String.format(Locale.ROOT, "%7s", centreHz < 1000 ? Math.round(centreHz) + "" : Math.round(centreHz / 1000) + "k"));
            }
            out.println(header);
            for (CatalogEntry.StemInfo stem : entry.stems()) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "    %-16s %-10s", stem.name(), stem.role().fileName()));
                for (double db : stem.bandEnergyDb()) {
                    line.append(String.format(Locale.ROOT, "%7.1f", db));
                }
                out.println(line);
            }
        }
    }
}
