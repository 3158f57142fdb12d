package dev.mixdojo.material;

import java.util.List;
import java.util.Locale;

/**
 * What a stem is in a mix, so a drill can choose fair material (compression on drums, "mud" on
 * kick and bass, a ride on the vocal). File names are the lower-case constant names.
 */
public enum Role {
    KICK("kick", "kik", "kck", "bd", "bassdrum", "kickdrum"),
    SNARE("snare", "snr", "sn", "sd", "snares"),
    HIHAT("hihat", "hh", "hat", "hats", "hihats", "cymbal", "cymbals", "ride", "crash"),
    TOMS("toms", "tom", "floor", "rack"),
    /** Overheads and room microphones: the whole kit from a distance. */
    ROOM("room", "oh", "overhead", "overheads", "amb", "ambience", "ambient", "rooms"),
    PERCUSSION("percussion", "perc", "shaker", "tamb", "tambourine", "conga", "congas", "clap", "claps", "bongo"),
    BASS("bass", "bs", "sub", "subbass", "808", "slap"),
    GUITAR("guitar", "gtr", "gtrs", "guitars", "gt", "gtrl", "gtrr", "acoustic", "ac", "elec"),
    KEYS("keys", "key", "piano", "pno", "rhodes", "wurli", "wurlitzer", "organ", "ep", "clav", "epiano"),
    PAD("pad", "pads", "strings", "string", "str", "strs", "choir", "atmos"),
    SYNTH("synth", "synths", "lead", "syn", "arp", "pluck", "plucks", "seq"),
    VOCAL("vocal", "vocals", "vox", "voc", "voice", "vocs", "bv", "bvs", "bgv", "bgvs", "backing", "harmony", "adlib", "adlibs"),
    FX("fx", "sfx", "riser", "impact", "sweep", "sfxr"),
    NOISE("noise"),
    TONE("tone"),
    /** A full mix (a single song or loop). */
    MIX("mix", "master", "rough", "song", "stereo", "loop", "bounce", "full"),
    OTHER("other");

    /** The order names are tried in: specific drum and vocal words before generic ones ("lead vox" is a vocal). */
    private static final List<Role> GUESS_ORDER = List.of(
            ROOM, KICK, SNARE, HIHAT, TOMS, PERCUSSION, VOCAL, BASS, GUITAR, KEYS, PAD, SYNTH, FX, MIX);

    private final String fileName;
    private final List<String> words;

    Role(String fileName, String... words) {
        this.fileName = fileName;
        List<String> all = new java.util.ArrayList<>(List.of(words));
        all.add(0, fileName);
        this.words = List.copyOf(all);
    }

    /** The name used in files and on the command line. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String fileName() {
        return fileName;
    }

    /** The role named in a file, or null. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Role byFileName(String name) {
        for (Role role : values()) {
            if (role.fileName.equals(name.toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        return null;
    }

    /**
     * Guesses the role from a stem's file name, e.g. "01 Kick In.wav" → kick, "Bass DI.wav" → bass,
     * "Lead Vox.wav" → vocal, "OH L.aif" → room, "bassslap.wav" → bass; {@link #OTHER} when no word fits.
     * Whole words are tried first, then words run together ("bassslap", "gtrlead"): a word that starts with a
     * role's word of at least three letters.
     */
    public static Role guess(String fileName) {
        String base = fileName.replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
        // Split camel case ("LeadVox") and letters from digits ("Gtr2", "808Bass") into words.
        String spaced = base.replaceAll("([a-z])([A-Z])", "$1 $2").replaceAll("([A-Za-z])([0-9])", "$1 $2")
                .replaceAll("([0-9])([A-Za-z])", "$1 $2");
        List<String> tokens = List.of(spaced.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"));
        String joined = " " + String.join(" ", tokens) + " ";
        if (joined.contains(" bass drum ") || joined.contains(" kick drum ")) {
            return KICK;
        }
        if (joined.contains(" hi hat")) {
            return HIHAT;
        }
        for (Role role : GUESS_ORDER) {
            for (String token : tokens) {
                if (role.words.contains(token)) {
                    return role;
                }
            }
        }
        for (Role role : GUESS_ORDER) {
            for (String token : tokens) {
                for (String word : role.words) {
                    if (word.length() >= 3 && token.length() > word.length() && token.startsWith(word)) {
                        return role;
                    }
                }
            }
        }
        return OTHER;
    }
}
