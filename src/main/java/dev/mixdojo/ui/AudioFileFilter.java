package dev.mixdojo.ui;

import dev.mixdojo.audio.AudioFiles;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.stage.FileChooser;

/** The file choosers' filter for audio files: every format MixDojo reads, by its file-name endings in either case. */
public final class AudioFileFilter {
    private AudioFileFilter() {
    }

    /** "Audio files (WAV, AIFF, FLAC, MP3, Ogg, AAC)" matching {@link AudioFiles#EXTENSIONS}. */
    public static FileChooser.ExtensionFilter audioFiles() {
        return new FileChooser.ExtensionFilter("Audio files (WAV, AIFF, FLAC, MP3, Ogg, AAC)", patterns(AudioFiles.EXTENSIONS.stream()));
    }

    /** "Audio or session (WAV, AIFF, FLAC, MP3, Ogg, AAC, YAML)": an audio file or a mix session's YAML (the Homework's target). */
    public static FileChooser.ExtensionFilter audioOrSession() {
        return new FileChooser.ExtensionFilter("Audio or session (WAV, AIFF, FLAC, MP3, Ogg, AAC, YAML)",
                patterns(Stream.concat(AudioFiles.EXTENSIONS.stream(), Stream.of("yaml", "yml"))));
    }

    private static List<String> patterns(Stream<String> extensions) {
        return extensions.flatMap(e -> Stream.of("*." + e, "*." + e.toUpperCase(Locale.ROOT))).toList();
    }
}
