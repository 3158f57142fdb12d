package dev.mixdojo.dsp.time;

import dev.mixdojo.base.BadInputException;
import dev.mixdojo.dsp.Limits;
import dev.mixdojo.dsp.ProcessSpec;
import dev.mixdojo.dsp.Processor;
import dev.mixdojo.dsp.ProcessorSettings;
import dev.mixdojo.dsp.automation.Param;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A feedback delay in the chain vocabulary: {@code timeMs} 1…4000 (or {@code note} at {@code bpm}
 * 20…400), {@code feedback} 0…0.95, {@code mix} 0…1 (0 dry, 1 wet only), {@code pingPong},
 * and optional filters in the feedback loop, {@code lowCutHz} 20…2000 and {@code highCutHz}
 * 1000…20000 (0 = off). Immutable.
 */
public record DelaySettings(Param timeMs, NoteValue note, double bpm, Param feedback, Param mix, boolean pingPong,
        double lowCutHz, double highCutHz) implements ProcessorSettings {

    /** Validates every value with a sentence naming the parameter and range. */
    public DelaySettings {
        if (note != null) {
            Limits.between("delay", "bpm", bpm, 20, 400);
            timeMs = Param.of(note.lengthMs(bpm));
        }
        if (timeMs == null) {
            throw new BadInputException("delay needs timeMs, or note and bpm");
        }
        timeMs.checkBetween("delay", "timeMs", 1, 4000);
        feedback.checkBetween("delay", "feedback", 0, 0.95);
        mix.checkBetween("delay", "mix", 0, 1);
        if (lowCutHz != 0) {
            Limits.between("delay", "lowCutHz", lowCutHz, 20, 2000);
        }
        if (highCutHz != 0) {
            Limits.between("delay", "highCutHz", highCutHz, 1000, 20000);
        }
    }

    /** A plain delay of {@code timeMs} with the given feedback and mix, no filters, not ping-pong. */
    public static DelaySettings of(double timeMs, double feedback, double mix) {
        return new DelaySettings(Param.of(timeMs), null, 0, Param.of(feedback), Param.of(mix), false, 0, 0);
    }

    /** A plain delay of one {@code note} at {@code bpm}, with the given feedback and mix. */
    public static DelaySettings onNote(NoteValue note, double bpm, double feedback, double mix) {
        return new DelaySettings(null, note, bpm, Param.of(feedback), Param.of(mix), false, 0, 0);
    }

    @Override
    public String kind() {
        return "delay";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> map = new LinkedHashMap<>();
        if (note != null) {
            map.put("note", note.text());
            map.put("bpm", bpm);
        } else {
            map.put("timeMs", timeMs);
        }
        map.put("feedback", feedback);
        map.put("mix", mix);
        if (pingPong) {
            map.put("pingPong", true);
        }
        if (lowCutHz != 0) {
            map.put("lowCutHz", lowCutHz);
        }
        if (highCutHz != 0) {
            map.put("highCutHz", highCutHz);
        }
        return map;
    }

    @Override
    public boolean needsStereo() {
        return pingPong;
    }

    @Override
    public long stateBytes(ProcessSpec spec) {
        return (long) Float.BYTES * (pingPong ? 2 : spec.channels()) * Delay.lineLength(spec.sampleRateHz());
    }

    @Override
    public Processor create() {
        return new Delay(this);
    }
}
