package dev.mixdojo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.material.CatalogEntry;
import dev.mixdojo.material.MaterialLibrary;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mixdojo material …}: list, render and import exercise material. */
@Command(name = "material", description = "List, render and import exercise material (songs, stems, test signals).",
        mixinStandardHelpOptions = true,
        subcommands = {MaterialCommand.ListCommand.class})
final class MaterialCommand implements Runnable {

    @Option(names = "--cache-dir", description = "Where rendered audio is cached (default: MIXDOJO_CACHE or the platform cache folder).")
    Path cacheDir;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The user's folders, with the cache replaced by {@code --cache-dir} when given. */
    UserDirectories directories() {
        UserDirectories directories = UserDirectories.fromEnvironment();
        return cacheDir == null ? directories : new UserDirectories(directories.data(), cacheDir);
    }

    MaterialLibrary library() {
        return new MaterialLibrary(MaterialLibrary.locateBuiltIns(), directories().cache());
    }

    /** {@code mixdojo material list}. */
    @Command(name = "list", description = "List every material with its roles, length and energy per octave band.",
            mixinStandardHelpOptions = true)
    static final class ListCommand implements Runnable {
        @ParentCommand
        MaterialCommand parent;

        @Option(names = "--json", description = "Print the catalog as JSON (roles, length, band energies per stem).")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            List<CatalogEntry> catalog = parent.library().catalog();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                try {
                    out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(catalog));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
                return;
            }
            out.printf(Locale.ROOT, "%-20s %-8s %-14s %6s  %s%n", "NAME", "KIND", "STYLE", "LENGTH", "ROLES");
            for (CatalogEntry entry : catalog) {
                int seconds = (int) Math.round(entry.durationS());
                out.printf(Locale.ROOT, "%-20s %-8s %-14s %3d:%02d  %s%n", entry.name(), entry.kind(), entry.style(),
                        seconds / 60, seconds % 60,
                        String.join(", ", entry.roles().stream().map(r -> r.fileName()).toList()));
            }
        }
    }
}
