package dev.mixdojo.base.yaml;

import java.nio.file.Path;

/** A place in a text file: 1-based line and column. */
public record Location(Path file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
