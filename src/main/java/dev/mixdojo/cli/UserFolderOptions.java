package dev.mixdojo.cli;

import dev.mixdojo.base.InstallFolders;
import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.material.MaterialLibrary;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that say where the user's data, the render cache and the lessons are (a picocli mixin). */
final class UserFolderOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Your MixDojo data folder (default: MIXDOJO_HOME or the platform data folder).")
    Path dataDir;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where rendered audio is cached (default: MIXDOJO_CACHE or the platform cache folder).")
    Path cacheDir;

    @Option(names = "--lessons-dir", paramLabel = "DIR",
            description = "The lesson folder (default: MIXDOJO_LESSONS, else lessons/ here or beside the program).")
    Path lessonsDir;

    /** The user's folders with the options applied. */
    UserDirectories directories() {
        return directories(dataDir, cacheDir);
    }

    /** The material library: built-in songs, the user's imports and the render cache. */
    MaterialLibrary materialLibrary() {
        return materialLibrary(directories());
    }

    /** The user's folders, with the data and cache folders replaced where given (null: keep). */
    static UserDirectories directories(Path dataDir, Path cacheDir) {
        UserDirectories directories = UserDirectories.fromEnvironment();
        if (dataDir != null) {
            directories = directories.withData(dataDir);
        }
        return cacheDir == null ? directories : new UserDirectories(directories.data(), cacheDir);
    }

    /** The material library of these folders: built-in songs, the user's imports and the render cache. */
    static MaterialLibrary materialLibrary(UserDirectories directories) {
        return new MaterialLibrary(MaterialLibrary.locateBuiltIns(), directories.data().resolve("materials"),
                directories.cache());
    }

    /** The lesson folder. */
    Path lessons() {
        return lessonsDir != null ? lessonsDir : InstallFolders.locate("lessons", "MIXDOJO_LESSONS");
    }
}
