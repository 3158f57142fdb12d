package dev.mixdojo.base;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where MixDojo keeps the user's data (progress log, settings, imported material) and its cache
 * (rendered audio). {@code MIXDOJO_HOME} and {@code MIXDOJO_CACHE} override the platform's
 * places; tests and classrooms point them at a folder of their own.
 */
public record UserDirectories(Path data, Path cache) {

    /** The directories for this process's environment and operating system. */
    public static UserDirectories fromEnvironment() {
        return resolve(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home", ".")));
    }

    /** The directories with the data directory replaced (for {@code --data-dir}). */
    public UserDirectories withData(Path dataDirectory) {
        return new UserDirectories(dataDirectory, cache);
    }

    static UserDirectories resolve(Map<String, String> env, String osName, Path home) {
        String os = osName.toLowerCase();
        Path platformData;
        Path platformCache;
        if (os.contains("win")) {
            platformData = env("APPDATA", env).map(Path::of).orElse(home.resolve("AppData/Roaming")).resolve("MixDojo");
            platformCache = env("LOCALAPPDATA", env).map(Path::of).orElse(home.resolve("AppData/Local"))
                    .resolve("MixDojo").resolve("cache");
        } else if (os.contains("mac")) {
            platformData = home.resolve("Library/Application Support/MixDojo");
            platformCache = home.resolve("Library/Caches/MixDojo");
        } else {
            platformData = env("XDG_DATA_HOME", env).map(Path::of).orElse(home.resolve(".local/share")).resolve("mixdojo");
            platformCache = env("XDG_CACHE_HOME", env).map(Path::of).orElse(home.resolve(".cache")).resolve("mixdojo");
        }
        Path data = env("MIXDOJO_HOME", env).map(Path::of).orElse(platformData);
        Path cache = env("MIXDOJO_CACHE", env).map(Path::of).orElse(platformCache);
        return new UserDirectories(data, cache);
    }

    private static Optional<String> env(String name, Map<String, String> env) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }
}
