package dev.mixdojo.lesson;

import java.util.Optional;

/**
 * Which exercise audio a demo or drill uses: {@code noise/pink}, {@code noise/white},
 * {@code song/NAME} (the song's rough mix) or {@code song/NAME/ROLE} (one stem, e.g.
 * {@code song/pop-sunrise/vocal}); {@code song/any} lets the drill pick a fitting song.
 */
public record MaterialRef(String source, String name, Optional<String> stem) {

    /** Parses the written form; empty when it does not have one of the shapes above. */
    public static Optional<MaterialRef> parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length == 2 && parts[0].equals("noise") && (parts[1].equals("pink") || parts[1].equals("white"))) {
            return Optional.of(new MaterialRef("noise", parts[1], Optional.empty()));
        }
        if (parts[0].equals("song") && (parts.length == 2 || parts.length == 3)
                && !parts[1].isBlank() && (parts.length == 2 || !parts[2].isBlank())) {
            return Optional.of(new MaterialRef("song", parts[1], parts.length == 3 ? Optional.of(parts[2]) : Optional.empty()));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return source + "/" + name + stem.map(s -> "/" + s).orElse("");
    }
}
