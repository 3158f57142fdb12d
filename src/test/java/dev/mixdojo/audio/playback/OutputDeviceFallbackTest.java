package dev.mixdojo.audio.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live engine without a sound card: the silent sink keeps time, every way of failing to open
 * a device ends in it with one clear sentence, and closing ends the audio thread.
 */
class OutputDeviceFallbackTest {
    private static final String SILENT_TAIL = ". MixDojo runs on silently; analysis, grading and rendering still work.";

    private String savedSetting;

    @BeforeEach
    void rememberTheDeviceSetting() {
        savedSetting = System.getProperty(PlaybackEngine.DEVICE_PROPERTY);
    }

    @AfterEach
    void restoreTheDeviceSetting() {
        if (savedSetting == null) {
            System.clearProperty(PlaybackEngine.DEVICE_PROPERTY);
        } else {
            System.setProperty(PlaybackEngine.DEVICE_PROPERTY, savedSetting);
        }
    }

    @Test
    void withTheDeviceSetToNoneTheEngineSaysSoAndStillKeepsTime() throws InterruptedException {
        System.setProperty(PlaybackEngine.DEVICE_PROPERTY, "none");
        PlaybackEngine engine = PlaybackEngine.create();
        Thread audioThread = engine.audioThread();
        try {
            assertThat(engine.status().available()).isFalse();
            assertThat(engine.status().sentence()).isEqualTo("No audio output available: sound is switched off ("
                    + PlaybackEngine.DEVICE_PROPERTY + "=none)" + SILENT_TAIL);
            engine.load(Map.of("original", Signals.sine(440, 0.5, 10 * Signals.RATE_HZ)));
            long startNs = System.nanoTime();
            engine.play();
            Thread.sleep(200);
            // On a loaded machine the audio thread may not have run yet: give it up to 5 s to start.
            long deadlineNs = System.nanoTime() + 5_000_000_000L;
            while (engine.positionFrames() == 0 && System.nanoTime() < deadlineNs) {
                Thread.sleep(10);
            }
            long positionFrames = engine.positionFrames(); // read before the clock, so it cannot be later
            long elapsedFrames = (System.nanoTime() - startNs) * Signals.RATE_HZ / 1_000_000_000L;

            // Lenient: the clock must run, and never race ahead of real time by more than a block or two.
            assertThat(engine.isPlaying()).isTrue();
            assertThat(positionFrames).isPositive()
                    .isLessThanOrEqualTo(elapsedFrames + 4L * PlaybackEngine.MAX_BLOCK_FRAMES)
                    .isLessThan(10L * Signals.RATE_HZ);
            assertThat(audioThreadAllocatedBytesOver(audioThread, 100)).as("bytes allocated by the audio thread")
                    .isLessThan(1024);
            engine.stop();
        } finally {
            engine.close();
        }
        assertThat(audioThread.isAlive()).isFalse();
    }

    /** What {@code thread} allocates while the caller sleeps {@code sleepMs}, or 0 if the JVM cannot tell. */
    private static long audioThreadAllocatedBytesOver(Thread thread, long sleepMs) throws InterruptedException {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)
                || !threads.isThreadAllocatedMemorySupported()) {
            return 0;
        }
        threads.setThreadAllocatedMemoryEnabled(true);
        long before = threads.getThreadAllocatedBytes(thread.getId());
        Thread.sleep(sleepMs);
        return threads.getThreadAllocatedBytes(thread.getId()) - before;
    }

    @Test
    void aDeviceThatDoesNotExistFallsBackToSilence() {
        assertFallsBackWith(() -> new IllegalArgumentException("No line matching interface SourceDataLine"),
                "No audio output available: no sound device here plays 48 kHz stereo 16- or 24-bit PCM" + SILENT_TAIL);
    }

    @Test
    void aBusyDeviceFallsBackToSilence() {
        assertFallsBackWith(() -> new LineUnavailableException("in use"),
                "No audio output available: the default sound device is busy or refused to open" + SILENT_TAIL);
    }

    @Test
    void aForbiddenSoundSystemFallsBackToSilence() {
        assertFallsBackWith(() -> new SecurityException("denied"),
                "No audio output available: this program is not allowed to use the sound system" + SILENT_TAIL);
    }

    private void assertFallsBackWith(Supplier<Exception> failure, String sentence) {
        System.clearProperty(PlaybackEngine.DEVICE_PROPERTY);
        CopyOnWriteArrayList<Integer> bitsTried = new CopyOnWriteArrayList<>();
        LineFactory failing = (device, format, bufferFrames) -> {
            bitsTried.add(format.getSampleSizeInBits());
            Exception e = failure.get();
            if (e instanceof LineUnavailableException unavailable) {
                throw unavailable;
            }
            throw (RuntimeException) e;
        };
        PlaybackEngine engine = PlaybackEngine.create(failing, null, 1024);
        Thread audioThread = engine.audioThread();
        try {
            assertThat(engine.status()).isEqualTo(new OutputStatus(false, sentence));
            assertThat(bitsTried).containsExactly(16, 24);
            assertThat(audioThread.isAlive()).isTrue();
        } finally {
            engine.close();
        }
        assertThat(audioThread.isAlive()).isFalse();
    }

    @Test
    void aWorkingLineReceivesTheRenderedBlocksAsSixteenBitPcm() throws InterruptedException {
        System.clearProperty(PlaybackEngine.DEVICE_PROPERTY);
        CopyOnWriteArrayList<byte[]> written = new CopyOnWriteArrayList<>();
        boolean[] closed = new boolean[1];
        LineFactory fake = (device, format, bufferFrames) -> fakeLine(format, written, closed);
        PlaybackEngine engine = PlaybackEngine.create(fake, new OutputDevice("Test Speakers", "a fake line"), 1024);
        try {
            assertThat(engine.status()).isEqualTo(new OutputStatus(true, "Playing through Test Speakers."));
            engine.load(Map.of("original", Signals.sine(1000, 0.5, Signals.RATE_HZ)));
            engine.play();
            while (engine.positionFrames() < 4096) {
                Thread.sleep(5);
            }
        } finally {
            engine.close();
        }
        assertThat(closed[0]).isTrue();
        // Somewhere after the fade-in, a frame carries the sine's peak, 0.5 · 32767, on both channels.
        int peak = 0;
        for (byte[] bytes : written) {
            for (int i = 0; i + 3 < bytes.length; i += 4) {
                int left = (short) ((bytes[i] & 0xFF) | (bytes[i + 1] << 8));
                int right = (short) ((bytes[i + 2] & 0xFF) | (bytes[i + 3] << 8));
                assertThat(left).isEqualTo(right);
                peak = Math.max(peak, left);
            }
        }
        assertThat(peak).isEqualTo(Math.round(0.5f * 32767));
    }

    /** A line that keeps what is written and paces writes at roughly a millisecond each. */
    private static SourceDataLine fakeLine(AudioFormat format, CopyOnWriteArrayList<byte[]> written, boolean[] closed) {
        return (SourceDataLine) Proxy.newProxyInstance(SourceDataLine.class.getClassLoader(),
                new Class<?>[] {SourceDataLine.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getFormat":
                            return format;
                        case "write":
                            byte[] bytes = (byte[]) args[0];
                            written.add(java.util.Arrays.copyOfRange(bytes, (int) args[1], (int) args[1] + (int) args[2]));
                            Thread.sleep(1);
                            return args[2];
                        case "close":
                            closed[0] = true;
                            return null;
                        default:
                            return method.getReturnType() == boolean.class ? false
                                    : method.getReturnType().isPrimitive() && method.getReturnType() != void.class ? 0 : null;
                    }
                });
    }

    @Test
    void discoveryListsTheMixersThatPlaySixteenOrTwentyFourBitStereo() {
        Mixer.Info speakers = new Mixer.Info("Speakers", "Acme", "Built-in speakers", "1") { };
        Mixer.Info interfaceOnly24 = new Mixer.Info("Studio Interface", "Acme", "USB audio, 24-bit only", "1") { };
        Mixer.Info microphone = new Mixer.Info("Microphone", "Acme", "capture only", "1") { };
        Map<Mixer.Info, Integer> playableBits = Map.of(speakers, 16, interfaceOnly24, 24, microphone, 0);

        List<OutputDevice> devices = JavaSoundOutput.devices(Signals.RATE_HZ,
                new Mixer.Info[] {speakers, interfaceOnly24, microphone},
                info -> fakeMixer(playableBits.get(info)));

        assertThat(devices).containsExactly(new OutputDevice("Speakers", "Built-in speakers"),
                new OutputDevice("Studio Interface", "USB audio, 24-bit only"));
    }

    /** A mixer whose only line is a 48 kHz stereo output of {@code bits} bits (none when 0). */
    private static Mixer fakeMixer(int bits) {
        return (Mixer) Proxy.newProxyInstance(Mixer.class.getClassLoader(), new Class<?>[] {Mixer.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("isLineSupported")) {
                        DataLine.Info wanted = (DataLine.Info) args[0];
                        AudioFormat format = wanted.getFormats()[0];
                        return wanted.getLineClass() == SourceDataLine.class && format.getSampleSizeInBits() == bits
                                && format.getSampleRate() == Signals.RATE_HZ && format.getChannels() == 2;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
