package dev.mixdojo.delivery;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a file's name says about it: unclear, a rough mix, a reference or a click (files a delivery may hold that
 * are not stems), an effect return, a source that usually has sends; pure.
 */
public final class StemNames {
    /**
     * Words a DAW or an instrument puts in default names (LMMS names a track after its preset, "Default preset");
     * a name made only of these, file extensions and numbers says nothing.
     */
    private static final Set<String> GENERIC = Set.of("track", "audio", "untitled", "bounce", "bounced", "new",
            "copy", "export", "stem", "file", "take", "default", "preset", "init", "patch", "instrument", "inst",
            "midi", "channel", "ch", "unnamed", "noname", "sample", "ogg", "wav", "aif", "aiff", "mp3", "flac");
    private static final Set<String> ROUGH_MIX = Set.of("mix", "rough", "roughmix", "bounce", "ref", "reference",
            "mixdown", "master", "premaster", "printmaster", "print", "mastered");
    /** Words of files that go with a delivery but are no part of the mix: a reference track, a click, a guide cue. */
    private static final Set<String> NOT_A_PART = Set.of("ref", "reference", "click", "metronome", "clicktrack", "cue");
    private static final Set<String> RETURNS = Set.of("verb", "reverb", "rvb", "delay", "dly", "echo", "fx", "return",
            "returns", "aux", "plate", "hall", "room");
    /** Sources that usually go through reverb or delay sends in a mix. */
    private static final Set<String> USUALLY_SENT = Set.of("vocal", "vocals", "vox", "voc", "voice", "bvs", "bv",
            "snare", "guitar", "gtr", "piano", "keys");

    private StemNames() {
    }

    /** The lower-case words of a file name without its extension: split at non-alphanumerics, letter–digit and camel-case boundaries. */
    static List<String> words(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        String spaced = base.replaceAll("([a-z])([A-Z])", "$1 $2")
                .replaceAll("([A-Za-z])([0-9])", "$1 $2")
                .replaceAll("([0-9])([A-Za-z])", "$1 $2");
        return Arrays.stream(spaced.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).filter(w -> !w.isEmpty()).toList();
    }

    static boolean isUnclear(String fileName) {
        return words(fileName).stream().allMatch(w -> GENERIC.contains(w) || w.chars().allMatch(Character::isDigit));
    }

    /** Whether the name says the file is a rough mix, a mixdown, a master or a reference bounce of the song. */
    public static boolean isRoughMix(String fileName) {
        return words(fileName).stream().anyMatch(ROUGH_MIX::contains);
    }

    /** Whether the name says the file is a reference track or a click: something played along, not a part of the mix. */
    public static boolean isReferenceOrClick(String fileName) {
        return words(fileName).stream().anyMatch(NOT_A_PART::contains);
    }

    static boolean isEffectReturn(String fileName) {
        return words(fileName).stream().anyMatch(w -> RETURNS.contains(w) || w.endsWith("verb"));
    }

    static boolean isUsuallySent(String fileName) {
        return words(fileName).stream().anyMatch(USUALLY_SENT::contains);
    }
}
