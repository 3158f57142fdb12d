package dev.mixdojo.mix;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.dynamics.DynamicsSettings;
import dev.mixdojo.dsp.eq.EqSettings;
import java.util.List;
import java.util.Optional;

/**
 * A group bus (e.g. the drums): the tracks of {@code stems} play into it instead of the master (their sends still
 * go to the reverb and delay buses from each track), and the sum runs through its own EQ bands, compressor and
 * fader, then into the master. Immutable.
 *
 * @param name       the bus's name, unique among the session's stems and buses
 * @param stems      the stems routed to it (each to one group at most)
 * @param eq         EQ bands on the group's sum, before the compressor
 * @param compressor the group's compressor (stereo-linked), if any
 * @param faderDb    the group's fader in dB, −120…24
 */
public record GroupBus(String name, List<String> stems, List<EqSettings> eq, Optional<DynamicsSettings> compressor,
        double faderDb) {

    /** Checks the name, that some stem is routed, and the fader's range. */
    public GroupBus {
        if (name == null || name.isBlank()) {
            throw new BadInputException("a group bus needs a name, e.g. drums");
        }
        stems = List.copyOf(stems);
        eq = List.copyOf(eq);
        if (stems.isEmpty()) {
            throw new BadInputException("the group bus " + name + " needs at least one stem routed to it");
        }
        if (!(faderDb >= -120 && faderDb <= 24)) {
            throw new BadInputException("the group bus " + name + " faderDb must be between -120 and 24, got " + faderDb);
        }
        strip(name, eq, compressor, faderDb); // checks the inserts as a strip's
    }

    /** A group with the given stems and nothing on it: no EQ, no compressor, fader at 0 dB. */
    public static GroupBus of(String name, List<String> stems) {
        return new GroupBus(name, stems, List.of(), Optional.empty(), 0);
    }

    /** The same group with another fader level. */
    public GroupBus withFaderDb(double gainDb) {
        return new GroupBus(name, stems, eq, compressor, gainDb);
    }

    /** The same group with other EQ bands. */
    public GroupBus withEq(List<EqSettings> bands) {
        return new GroupBus(name, stems, bands, compressor, faderDb);
    }

    /** The same group with another compressor (empty: none). */
    public GroupBus withCompressor(Optional<DynamicsSettings> settings) {
        return new GroupBus(name, stems, eq, settings, faderDb);
    }

    /** The same group with the inserts and fader of {@code strip} (a strip the mixer edited from {@link #strip()}). */
    public GroupBus withStrip(ChannelStrip strip) {
        return new GroupBus(name, stems, strip.eq(), strip.compressor(), strip.faderDb().initial());
    }

    /**
     * The group as the channel strip the engine runs for it: its inserts and fader, centred, no sends (a group
     * strip is fed its members' stereo sum).
     */
    public ChannelStrip strip() {
        return strip(name, eq, compressor, faderDb);
    }

    private static ChannelStrip strip(String name, List<EqSettings> eq, Optional<DynamicsSettings> compressor, double faderDb) {
        return new ChannelStrip(name, Param.of(faderDb), 0, eq, compressor, ChannelStrip.OFF, ChannelStrip.OFF, false, false);
    }
}
