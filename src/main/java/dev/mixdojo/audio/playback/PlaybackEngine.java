package dev.mixdojo.audio.playback;

import dev.mixdojo.audio.AudioBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Plays loaded sources (e.g. "original" and "processed") through the sound device, one of them
 * audible at a time, with per-source gain, seek, a sample-accurate loop and click-free switching
 * at the same position.
 *
 * <p>Threading: every control method may be called from any thread and returns at once; it
 * swaps an immutable {@link TransportState} or {@link SourceSet} into an atomic (lock-free
 * compare-and-set) and never waits for the audio thread. The audio thread reads those atomics
 * once per block of at most {@value #MAX_BLOCK_FRAMES} frames and applies them at the block
 * boundary; it never allocates, locks or waits on a control thread, only on the device (or the
 * silent sink's clock). Readers ({@link #positionFrames()}, {@link #isPlaying()}) see volatile
 * values published after each block. An offline engine ({@link #offline}) has no thread: its
 * {@link #renderOffline} runs the same render function on the caller's thread.
 */
public final class PlaybackEngine implements AutoCloseable {
    /** The rate every source must have, in Hz; the device is opened at this rate. */
    public static final int SESSION_RATE_HZ = 48_000;
    /** The system property naming the output device; {@code none} forces the silent sink. */
    public static final String DEVICE_PROPERTY = "mixdojo.audio.device";
    /** The device buffer used by {@link #create()}, in frames (about 43 ms at 48 kHz). */
    public static final int DEFAULT_BUFFER_FRAMES = 2048;
    /** Fade length of source switches and declicks by default, in ms. */
    static final double DEFAULT_FADE_MS = 5;
    /** The longest allowed fade, in ms: a longer switch would blur the A/B comparison. */
    static final double MAX_FADE_MS = 10;
    /** Output channels: the device is stereo; mono sources feed both. */
    static final int CHANNELS = 2;
    /** Largest block the audio thread renders, in frames (5.3 ms at 48 kHz): the control latency. */
    public static final int MAX_BLOCK_FRAMES = 256;

    private final int sampleRateHz;
    private final int blockFrames;
    private final AtomicReference<TransportState> transport = new AtomicReference<>(TransportState.STOPPED_AT_START);
    private final AtomicReference<SourceSet> sources = new AtomicReference<>(SourceSet.EMPTY);
    private final AtomicReference<BlockSource> attached = new AtomicReference<>();
    private final PlaybackRenderer renderer;
    private final OutputStatus status;
    private final AudioSink sink;
    private final Thread audioThread;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean running = true;

    private PlaybackEngine(int sampleRateHz, int blockFrames, CrossfadeCurve curve, double fadeMs,
            OutputStatus status, AudioSink sink) {
        if (!(fadeMs >= 0 && fadeMs <= MAX_FADE_MS)) {
            throw new IllegalArgumentException("fade must be 0 to " + MAX_FADE_MS + " ms, got " + fadeMs);
        }
        if (blockFrames < 1 || blockFrames > MAX_BLOCK_FRAMES) {
            throw new IllegalArgumentException("block must be 1 to " + MAX_BLOCK_FRAMES + " frames, got " + blockFrames);
        }
        this.sampleRateHz = sampleRateHz;
        this.blockFrames = blockFrames;
        this.renderer = new PlaybackRenderer(transport, sources, curve,
                (int) Math.round(fadeMs / 1000 * sampleRateHz), blockFrames);
        this.status = status;
        this.sink = sink;
        this.audioThread = sink == null ? null : new Thread(this::runAudio, "mixdojo-audio");
    }

    /** An engine on the default device (or the one named by {@value #DEVICE_PROPERTY}), falling back to silence. */
    public static PlaybackEngine create() {
        return create(askedDevice().filter(name -> !name.equalsIgnoreCase("none")).map(name -> new OutputDevice(name, ""))
                .orElse(null), DEFAULT_BUFFER_FRAMES);
    }

    /** The output that {@value #DEVICE_PROPERTY} asks for this run, if it asks: a device name, or {@code none} for silence. */
    public static Optional<String> askedDevice() {
        String setting = deviceSetting();
        return setting.isEmpty() ? Optional.empty() : Optional.of(setting);
    }

    /** What {@value #DEVICE_PROPERTY} says, stripped; empty when unset. */
    private static String deviceSetting() {
        return System.getProperty(DEVICE_PROPERTY, "").strip();
    }

    /**
     * An engine on {@code device} (null for the system default) with a device buffer of
     * {@code bufferFrames} (≥ 64); when {@value #DEVICE_PROPERTY} is {@code none} or the device
     * cannot be opened, it plays into the silent sink and {@link #status()} says why.
     */
    public static PlaybackEngine create(OutputDevice device, int bufferFrames) {
        return create(JavaSoundOutput.SYSTEM, device, bufferFrames);
    }

    /** As {@link #create(OutputDevice, int)}, opening lines through {@code lines}. */
    static PlaybackEngine create(LineFactory lines, OutputDevice device, int bufferFrames) {
        if (bufferFrames < 64) {
            throw new IllegalArgumentException("device buffer must be at least 64 frames, got " + bufferFrames);
        }
        int blockFrames = Math.min(MAX_BLOCK_FRAMES, bufferFrames / 2);
        JavaSoundOutput.Opened output = "none".equalsIgnoreCase(deviceSetting())
                ? JavaSoundOutput.silent("sound is switched off (" + DEVICE_PROPERTY + "=none)", SESSION_RATE_HZ)
                : JavaSoundOutput.open(lines, device, SESSION_RATE_HZ, bufferFrames, blockFrames);
        return start(output, blockFrames);
    }

    /**
     * An engine that plays into the silent sink on purpose (the user chose no output); the
     * transport runs in real time. {@code reason} is a clause such as "sound is switched off in Settings".
     */
    public static PlaybackEngine silent(String reason) {
        return start(JavaSoundOutput.silent(reason, SESSION_RATE_HZ), Math.min(MAX_BLOCK_FRAMES, DEFAULT_BUFFER_FRAMES / 2));
    }

    private static PlaybackEngine start(JavaSoundOutput.Opened output, int blockFrames) {
        PlaybackEngine engine = new PlaybackEngine(SESSION_RATE_HZ, blockFrames, CrossfadeCurve.LINEAR,
                DEFAULT_FADE_MS, output.status(), output.sink());
        engine.audioThread.setDaemon(true);
        engine.audioThread.setPriority(Thread.MAX_PRIORITY);
        engine.audioThread.start();
        return engine;
    }

    /**
     * An engine whose audio thread writes its blocks of {@code blockFrames} (1…{@value #MAX_BLOCK_FRAMES})
     * into {@code sink} (a test or benchmark capturing what a device would get); {@code status} is reported as is.
     */
    public static PlaybackEngine into(AudioSink sink, int blockFrames, OutputStatus status) {
        return start(new JavaSoundOutput.Opened(sink, status), blockFrames);
    }

    /** An engine with no device and no thread, rendered by {@link #renderOffline} (for exports and tests). */
    public static PlaybackEngine offline(int sampleRateHz) {
        return offline(sampleRateHz, MAX_BLOCK_FRAMES, CrossfadeCurve.LINEAR, DEFAULT_FADE_MS);
    }

    /** An offline engine with a chosen block size (frames), fade curve and fade length (0…10 ms). */
    static PlaybackEngine offline(int sampleRateHz, int blockFrames, CrossfadeCurve curve, double fadeMs) {
        return new PlaybackEngine(sampleRateHz, blockFrames, curve, fadeMs,
                OutputStatus.unavailable("this engine renders offline, without a device"), null);
    }

    /** The output devices that can play 48 kHz stereo PCM; empty when there is none. */
    public static List<OutputDevice> devices() {
        return JavaSoundOutput.devices(SESSION_RATE_HZ);
    }

    /** Whether sound reaches a device, with one sentence for the user; fixed for the engine's life. */
    public OutputStatus status() {
        return status;
    }

    /** The rate the sources must have, in Hz. */
    public int sampleRateHz() {
        return sampleRateHz;
    }

    /**
     * Replaces the loaded sources (at most 8, mono or stereo, at {@link #sampleRateHz()}) by an
     * immutable snapshot, each at 0 dB; the active source stays if its name is loaded again,
     * else becomes the first name in alphabetical order. The buffers are shared, not copied, and
     * must not change while loaded.
     */
    public void load(Map<String, AudioBuffer> namedSources) {
        sources.updateAndGet(old -> SourceSet.load(namedSources, sampleRateHz,
                old.activeIndex() < 0 ? null : old.name(old.activeIndex())));
    }

    /** Sets a loaded source's gain in dB (-96…+24), e.g. to loudness-match it; glides over the fade while playing. */
    public void setSourceGainDb(String name, double gainDb) {
        sources.updateAndGet(old -> old.withGainDb(name, gainDb));
    }

    /** Makes the named loaded source the one heard, at the same position, crossfading over ≤ 10 ms while playing. */
    public void switchTo(String name) {
        sources.updateAndGet(old -> old.withActive(name));
    }

    /** Frames of the longest loaded source (0 when nothing is loaded): where playback without a loop ends. */
    public long lengthFrames() {
        return sources.get().lengthFrames();
    }

    /**
     * Plays {@code source} instead of the loaded sources from the next block on, until it is detached;
     * meanwhile the loaded sources' transport stands still where it was. Any thread.
     */
    public void attach(BlockSource source) {
        attached.set(source);
    }

    /** Goes back to the loaded sources from the next block on, if {@code source} is the one attached. Any thread. */
    public void detach(BlockSource source) {
        attached.compareAndSet(source, null);
    }

    /** The name of the active source, or null when nothing is loaded. */
    public String activeSource() {
        SourceSet set = sources.get();
        return set.activeIndex() < 0 ? null : set.name(set.activeIndex());
    }

    /** Starts or resumes playback at the current position (from the start if the end was reached). */
    public void play() {
        transport.updateAndGet(old -> {
            TransportState playing = old.play();
            boolean atEnd = old.loop() == null && positionFrames() >= lengthFrames();
            return atEnd ? playing.seek(0) : playing;
        });
    }

    /** Stops playback, keeping the position, so {@link #play()} resumes there. */
    public void stop() {
        transport.updateAndGet(TransportState::stop);
    }

    /** Moves the playhead to {@code frame} (≥ 0), playing or not; inside a loop region unless outside it, then to the loop start. */
    public void seekFrames(long frame) {
        if (frame < 0) {
            throw new IllegalArgumentException("cannot seek before the start, got frame " + frame);
        }
        transport.updateAndGet(old -> old.seek(frame));
    }

    /** Moves the playhead to {@code timeS} seconds (≥ 0), rounded to the nearest frame. */
    public void seekSeconds(double timeS) {
        if (!(timeS >= 0) || Double.isInfinite(timeS)) {
            throw new IllegalArgumentException("cannot seek to " + timeS + " s");
        }
        seekFrames(Math.round(timeS * sampleRateHz));
    }

    /** Loops playback between {@code startFrame} (inclusive, ≥ 0) and {@code endFrameExclusive} (&gt; start), sample-accurately. */
    public void setLoop(long startFrame, long endFrameExclusive) {
        LoopRegion loop = new LoopRegion(startFrame, endFrameExclusive);
        transport.updateAndGet(old -> old.withLoop(loop));
    }

    /** Removes the loop region; playback then runs to the end of the sources. */
    public void clearLoop() {
        transport.updateAndGet(old -> old.withLoop(null));
    }

    /**
     * The playhead in frames from the start, as last rendered (or as just requested by a seek
     * not yet applied); it leads what is heard by up to the device buffer.
     */
    public long positionFrames() {
        TransportState state = transport.get();
        if (state.seekSerial() != renderer.appliedSeekSerial()) {
            return state.seekFrame();
        }
        return renderer.positionFrames();
    }

    /** The playhead in seconds from the start. */
    public double positionSeconds() {
        return positionFrames() / (double) sampleRateHz;
    }

    /** Whether playback runs: play was asked for, not stopped since, and the end not reached. */
    public boolean isPlaying() {
        TransportState state = transport.get();
        return state.playing() && renderer.endedPlaySerial() != state.playSerial();
    }

    /**
     * Renders the next {@code frames} frames into a new stereo buffer, in blocks, applying
     * control changes at block boundaries as the audio thread would; only for offline engines,
     * one rendering thread at a time.
     */
    public AudioBuffer renderOffline(int frames) {
        if (audioThread != null) {
            throw new IllegalStateException("this engine plays through its own audio thread; use an offline engine");
        }
        if (frames < 0) {
            throw new IllegalArgumentException("cannot render " + frames + " frames");
        }
        float[][] out = new float[CHANNELS][frames];
        for (int done = 0; done < frames; done += blockFrames) {
            renderBlock(out, done, Math.min(blockFrames, frames - done));
        }
        return new AudioBuffer(out, sampleRateHz);
    }

    /** Stops the audio thread and releases the device; waits up to 2 s for the thread; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true) || audioThread == null) {
            return;
        }
        running = false;
        sink.wake();
        try {
            audioThread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sink.close();
    }

    PlaybackRenderer renderer() {
        return renderer;
    }

    Thread audioThread() {
        return audioThread;
    }

    private void runAudio() {
        float[][] block = new float[CHANNELS][blockFrames];
        while (running) {
            renderBlock(block, 0, blockFrames);
            sink.write(block, blockFrames);
        }
    }

    /** One block from the attached source, or else from the loaded sources. */
    private void renderBlock(float[][] out, int offset, int frames) {
        BlockSource live = attached.get();
        if (live != null) {
            live.render(out, offset, frames);
        } else {
            renderer.render(out, offset, frames);
        }
    }
}
