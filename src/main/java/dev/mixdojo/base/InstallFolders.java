package dev.mixdojo.base;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a folder that ships with MixDojo (e.g. {@code lessons}, {@code audio-exercises}): the
 * environment variable or system property that names it, else the folder in the working
 * directory, else the folder beside {@code target/} where the jar (or class folder) lives.
 */
public final class InstallFolders {
    private InstallFolders() {
    }

    /**
     * The folder {@code name}; {@code variable} (e.g. {@code MIXDOJO_LESSONS}) overrides, as an
     * environment variable or as the system property of the same name in lower case with dots
     * ({@code mixdojo.lessons}). Throws a BadInputException with a sentence when it is not found.
     */
    public static Path locate(String name, String variable) {
        Path code = null;
        java.security.CodeSource source = InstallFolders.class.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null) {
            try {
                code = Path.of(source.getLocation().toURI());
            } catch (URISyntaxException | IllegalArgumentException unusual) {
                // A code location that is not a file (e.g. inside another archive): try the other places only.
            }
        }
        String property = System.getProperty(variable.toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
        return locate(name, variable, property, System.getenv(), Path.of("").toAbsolutePath(), code);
    }

    static Path locate(String name, String variable, String property, Map<String, String> env, Path workingDirectory,
            Path codeLocation) {
        Optional<String> explicit = Optional.ofNullable(property).or(() -> Optional.ofNullable(env.get(variable)))
                .filter(value -> !value.isBlank());
        if (explicit.isPresent()) {
            Path folder = Path.of(explicit.get());
            if (!Files.isDirectory(folder)) {
                throw new BadInputException(folder, "is not a folder (" + variable + " should name the " + name + " folder).");
            }
            return folder;
        }
        Path here = workingDirectory.resolve(name);
        if (Files.isDirectory(here)) {
            return here;
        }
        if (codeLocation != null && codeLocation.getParent() != null) {
            Path besideJar = codeLocation.getParent().resolve("../" + name).normalize();
            if (Files.isDirectory(besideJar)) {
                return besideJar;
            }
        }
        throw new BadInputException("The " + name + " folder was not found: run MixDojo from its folder or set " + variable + ".");
    }
}
