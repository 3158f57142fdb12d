package dev.mixdojo.audio.playback;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;

/**
 * The only code that touches Java Sound devices: listing the mixers that can play the session
 * format and opening one, with every failure turned into the silent sink and a reason.
 */
final class JavaSoundOutput {
    /** 16-bit first: every device takes it, and playback needs no more; 24-bit for devices that only take that. */
    private static final int[] BITS_TRIED = {16, 24};

    /** Java Sound itself. */
    static final LineFactory SYSTEM = (device, format, bufferFrames) -> {
        SourceDataLine line = device == null
                ? AudioSystem.getSourceDataLine(format)
                : AudioSystem.getSourceDataLine(format, mixerNamed(device.name()));
        try {
            line.open(format, bufferFrames * format.getFrameSize());
            line.start();
            return line;
        } catch (LineUnavailableException | RuntimeException e) {
            line.close();
            throw e;
        }
    };

    /** An opened output: where blocks go, and what to tell the user. */
    record Opened(AudioSink sink, OutputStatus status) {
    }

    private JavaSoundOutput() {
    }

    /** 48 kHz stereo PCM in the given sample size, signed little-endian. */
    static AudioFormat format(int sampleRateHz, int bits) {
        return new AudioFormat(sampleRateHz, bits, PlaybackEngine.CHANNELS, true, false);
    }

    /** The system's mixers that offer an output line for the session format at 16 or 24 bits. */
    static List<OutputDevice> devices(int sampleRateHz) {
        try {
            return devices(sampleRateHz, AudioSystem.getMixerInfo(), AudioSystem::getMixer);
        } catch (SecurityException | IllegalArgumentException e) {
            return List.of(); // no access to the sound system: no devices to offer
        }
    }

    /** Those of {@code infos} whose mixer offers an output line for the session format at 16 or 24 bits. */
    static List<OutputDevice> devices(int sampleRateHz, Mixer.Info[] infos, Function<Mixer.Info, Mixer> mixers) {
        List<OutputDevice> devices = new ArrayList<>();
        for (Mixer.Info info : infos) {
            Mixer mixer = mixers.apply(info);
            for (int bits : BITS_TRIED) {
                if (mixer.isLineSupported(new DataLine.Info(SourceDataLine.class, format(sampleRateHz, bits)))) {
                    devices.add(new OutputDevice(info.getName(), info.getDescription()));
                    break;
                }
            }
        }
        return List.copyOf(devices);
    }

    private static Mixer.Info mixerNamed(String name) {
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            if (info.getName().equals(name)) {
                return info;
            }
        }
        throw new IllegalArgumentException("no sound device is named \"" + name + "\"");
    }

    /**
     * Opens {@code device} (null for the default) with a buffer of {@code bufferFrames}, trying
     * 16 then 24 bits; if every attempt fails, the silent sink with the first failure as reason.
     */
    static Opened open(LineFactory lines, OutputDevice device, int sampleRateHz, int bufferFrames, int maxBlockFrames) {
        String reason = null;
        for (int bits : BITS_TRIED) {
            try {
                SourceDataLine line = lines.open(device, format(sampleRateHz, bits), bufferFrames);
                String name = device == null ? "the default sound device" : device.name();
                return new Opened(new LineSink(line, bits / 8, maxBlockFrames), OutputStatus.playingThrough(name));
            } catch (IllegalArgumentException e) {
                reason = reason != null ? reason : device == null
                        ? "no sound device here plays " + sampleRateHz / 1000 + " kHz stereo 16- or 24-bit PCM"
                        : "the sound device \"" + device.name() + "\" is not present or cannot play "
                                + sampleRateHz / 1000 + " kHz stereo 16- or 24-bit PCM";
            } catch (LineUnavailableException e) {
                reason = reason != null ? reason : (device == null ? "the default sound device" : "the sound device \""
                        + device.name() + "\"") + " is busy or refused to open";
            } catch (SecurityException e) {
                reason = reason != null ? reason : "this program is not allowed to use the sound system";
            }
        }
        return silent(reason, sampleRateHz);
    }

    /** The silent sink, with {@code reason} (a clause without a full stop) for the user. */
    static Opened silent(String reason, int sampleRateHz) {
        return new Opened(new SilentSink(sampleRateHz), OutputStatus.unavailable(reason));
    }
}
