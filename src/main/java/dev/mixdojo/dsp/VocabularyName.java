package dev.mixdojo.dsp;

/** A closed set (an enum) whose constants have names in the chain vocabulary, e.g. {@code "constant-power"}. */
public interface VocabularyName {

    /** The name used in chain files. */
    String vocabularyName();

    /** The constant of {@code type} with the given chain-file name, or null if there is none. */
    static <E extends Enum<E> & VocabularyName> E byName(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.vocabularyName().equals(name)) {
                return constant;
            }
        }
        return null;
    }
}
