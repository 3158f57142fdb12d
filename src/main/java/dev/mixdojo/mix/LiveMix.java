package dev.mixdojo.mix;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.playback.BlockSource;
import dev.mixdojo.audio.playback.LinearRamp;
import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.dsp.AudioBlock;
import dev.mixdojo.dsp.ProcessSpec;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.chain.Chain;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.spatial.Gain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A mix session played live: every track's strip (inserts, fader with its ride, pan, post-fader sends),
 * the group buses (each its members' sum through a strip of its own), the reverb and delay buses with
 * their return faders, and the master run block by block with MixDojo's processors, on the audio
 * thread of a {@link PlaybackEngine} it is attached to, or offline on the caller's thread. The offline
 * {@link #bounce} that is scored is this engine playing from the start, so what is heard is, bit for bit,
 * what is scored.
 *
 * <p>Threading: control calls ({@link #apply}, {@link #play}, {@link #seekFrames}, …) may come from any
 * thread and return at once: they make each change (and any processor it needs, prepared) on the calling
 * thread and post it to a lock-free queue. {@link #render} runs on one thread at a time (the audio
 * thread); it takes the posted changes before each block of {@value #BLOCK_FRAMES} frames, so a change
 * is heard from the next block on, ramped where it moves gain, pan or frequency; it never allocates,
 * locks or waits. The meters are handed over as snapshots ({@link #meters()}) without locking the audio
 * thread; the position and whether it plays are published after each block.
 *
 * <p>Jumps are declicked: a seek or a loop wrap reads the stems at the old position fading out while the
 * new one fades in ({@value #FADE_MS} ms, the processors keep running, so reverb tails carry on); stop
 * fades the output out; play starts with the processors reset and, except at the very start of the
 * song, fades the stems in; A/B crossfades between the mix and the target at the same position.
 */
public final class LiveMix implements BlockSource {
    /** Frames the engine processes at a time: changes land on these block boundaries. */
    public static final int BLOCK_FRAMES = PlaybackEngine.MAX_BLOCK_FRAMES;
    /** Length of the declicking fades (play, stop, seek, loop wrap, inserts swapped, mute, A/B), in ms. */
    public static final double FADE_MS = 5;
    /** Length of the glide of a send or of the target's level, in ms (faders, pans and EQ ramp in their processors, 20 ms). */
    public static final double GLIDE_MS = 20;

    /** Where a chain that can be replaced sits, or a return fader that moves (the buses). */
    enum Place {
        REVERB_BUS, DELAY_BUS, MASTER
    }

    private final int rateHz;
    /** The longest stem's length; grows on the audio thread as stems join ({@link #join}). */
    private volatile long lengthFrames;
    private final int fadeFrames;
    private final int glideFrames;
    private final List<String> trackNames;
    /** The tracks' strips, then the group buses' strips (fed their members' sum). */
    private final LiveStrip[] strips;
    private final int trackCount;
    /** The group index each track plays into, −1 for the master. */
    private final int[] groupOfTrack;
    /** Each group bus's input: the sum of its members, stereo. */
    private final float[][][] groupIn;
    private final ProcessSpec stereoSpec;
    /** The target heard in A/B (audio thread), or null; it may arrive after the engine is made ({@link #giveTarget}). */
    private AudioBuffer target;
    /** Whether a target was given (control side). */
    private volatile boolean targetGiven;
    private final Queue<MixChange> changes = new ConcurrentLinkedQueue<>();
    private final MeterBoard board;

    // Audio-thread state.
    private Chain reverbBus;
    private Chain delayBus;
    private Chain masterChain;
    private final Gain masterFader;
    private final Gain reverbReturn;
    private final Gain delayReturn;
    private final float[][] sum = new float[2][BLOCK_FRAMES];
    private final float[][] reverbIn = new float[2][BLOCK_FRAMES];
    private final float[][] delayIn = new float[2][BLOCK_FRAMES];
    private final float[][] ready = new float[2][BLOCK_FRAMES];
    private int readyFrom = BLOCK_FRAMES;
    private final AudioBlock busBlock = new AudioBlock(new float[0][], 0, 0);
    private final Segment segment = new Segment(BLOCK_FRAMES);
    private final LinearRamp headFade = new LinearRamp();
    private final LinearRamp tailFade = new LinearRamp();
    private final LinearRamp outFade = new LinearRamp();
    private final LinearRamp targetShare = new LinearRamp();
    private final LinearRamp targetGain = new LinearRamp();
    private final LoudnessWindow loudness;
    private final Ballistics ballistics;
    private double masterPeakLeft;
    private double masterPeakRight;
    private double masterMeanSquare;
    private boolean running;
    private boolean stopping;
    private long head;
    private long tail;
    private int tailLeft;
    private long pendingSeek = -1;
    private long loopStart;
    private long loopEnd = -1;

    // Published for other threads.
    private volatile long publishedPosition;
    private volatile boolean publishedPlaying;

    // Control side.
    private MixSession applied;

    /**
     * An engine playing {@code session} over {@code stems} (mono or stereo, one sample rate; every track's
     * stem must be there), with {@code target} (a stereo mix of the same stems) to compare against, if any.
     * Everything is prepared here. The length is the longest stem's; a bad chain or a missing stem is a
     * BadInputException with one sentence.
     */
    public LiveMix(Map<String, AudioBuffer> stems, MixSession session, Optional<AudioBuffer> target) {
        rateHz = sampleRateOf(stems);
        checkTracks(session, stems);
        target.ifPresent(t -> checkRate("the target", t));
        this.target = target.orElse(null);
        targetGiven = target.isPresent();
        lengthFrames = stems.values().stream().mapToLong(AudioBuffer::frames).max().orElse(0);
        fadeFrames = (int) Math.round(FADE_MS / 1000 * rateHz);
        glideFrames = (int) Math.round(GLIDE_MS / 1000 * rateHz);
        stereoSpec = new ProcessSpec(rateHz, BLOCK_FRAMES, 2);
        trackNames = session.stems();
        trackCount = session.tracks().size();
        strips = new LiveStrip[trackCount + session.groups().size()];
        groupOfTrack = new int[trackCount];
        for (int i = 0; i < trackCount; i++) {
            ChannelStrip track = session.tracks().get(i);
            AudioBuffer stem = stems.get(track.stem());
            ProcessSpec spec = new ProcessSpec(rateHz, BLOCK_FRAMES, Math.min(2, stem.channelCount()));
            strips[i] = new LiveStrip(stem, track, session.audible(track), LiveInserts.of(track, spec), spec, fadeFrames, glideFrames);
            groupOfTrack[i] = session.groupOf(track.stem());
        }
        groupIn = new float[session.groups().size()][2][BLOCK_FRAMES];
        for (int g = 0; g < groupIn.length; g++) {
            ChannelStrip group = session.groups().get(g).strip();
            strips[trackCount + g] = LiveStrip.group(group, LiveInserts.of(group, stereoSpec), stereoSpec, fadeFrames, glideFrames);
        }
        reverbBus = prepared(session.reverbBus());
        delayBus = prepared(session.delayBus());
        masterChain = prepared(session.masterChain());
        masterFader = prepared(session.masterFaderDb());
        reverbReturn = prepared(session.reverbReturnDb());
        delayReturn = prepared(session.delayReturnDb());
        headFade.snapTo(1);
        outFade.snapTo(1);
        targetGain.snapTo(1);
        loudness = new LoudnessWindow(rateHz, BLOCK_FRAMES);
        ballistics = new Ballistics(rateHz);
        board = new MeterBoard(strips.length);
        applied = session;
    }

    /** The stems' common sample rate in Hz; no stems, or stems at different rates, is a BadInputException. */
    static int sampleRateOf(Map<String, AudioBuffer> stems) {
        if (stems.isEmpty()) {
            throw new BadInputException("a mix needs at least one stem");
        }
        int rateHz = stems.values().iterator().next().sampleRateHz();
        for (Map.Entry<String, AudioBuffer> s : stems.entrySet()) {
            if (s.getValue().sampleRateHz() != rateHz) {
                throw new BadInputException("stem " + s.getKey() + " runs at " + s.getValue().sampleRateHz()
                        + " Hz, the others at " + rateHz + " Hz");
            }
        }
        return rateHz;
    }

    /** Checks that every track of the session plays one of the stems; else a BadInputException naming it. */
    static void checkTracks(MixSession session, Map<String, AudioBuffer> stems) {
        for (ChannelStrip track : session.tracks()) {
            if (!stems.containsKey(track.stem())) {
                throw new BadInputException("the session has a track for the stem '" + track.stem()
                        + "', which is not among the stems (" + String.join(", ", stems.keySet()) + ")");
            }
        }
    }

    /**
     * The session played from its start to its end offline, as {@link #render} plays it (the sum of its
     * tracks, buses and master; tails cut at the longest stem's end): the bounce that is scored.
     */
    public static AudioBuffer bounce(Map<String, AudioBuffer> stems, MixSession session) {
        return new LiveMix(stems, session, Optional.empty()).bounce();
    }

    /** Plays this engine, which must not have played yet, from the start to the end on the calling thread. */
    private AudioBuffer bounce() {
        play();
        int frames = (int) Math.min(Integer.MAX_VALUE - 8, lengthFrames);
        float[][] out = new float[2][frames];
        float[][] block = new float[2][BLOCK_FRAMES];
        for (int at = 0; at < frames; at += BLOCK_FRAMES) {
            render(block, 0, BLOCK_FRAMES);
            int n = Math.min(BLOCK_FRAMES, frames - at);
            System.arraycopy(block[0], 0, out[0], at, n);
            System.arraycopy(block[1], 0, out[1], at, n);
        }
        for (float[] channel : out) {
            for (int i = 0; i < channel.length; i++) {
                if (!Float.isFinite(channel[i])) {
                    throw new BadInputException(String.format(Locale.ROOT, "the mix session makes samples that are not"
                            + " numbers (NaN or infinite) at %.3f s; lower its gains, make-up or feedback.", i / (double) rateHz));
                }
            }
        }
        return new AudioBuffer(out, rateHz);
    }

    private Gain prepared(double gainDb) {
        Gain fader = new Gain(Param.of(gainDb));
        fader.prepare(stereoSpec);
        return fader;
    }

    private Chain prepared(ChainDescription description) {
        description.checkFor(stereoSpec);
        Chain chain = description.create();
        chain.prepare(stereoSpec);
        return chain;
    }

    // ---- Control side: any thread. ----

    /**
     * Moves the mix to {@code next}, a session of the same tracks in the same order and the same routing to
     * group buses: posts what changed (faders, rides, pans, sends, EQ bands, compressors, mute and solo, the
     * groups' strips, buses, return faders, master). A change of EQ band count or type, or a compressor put in or
     * taken out, prepares new inserts here and crossfades to them. A chain that cannot run is a
     * BadInputException, and then nothing changes.
     */
    public synchronized void apply(MixSession next) {
        if (!next.stems().equals(trackNames)) {
            throw new IllegalArgumentException("this live mix plays the tracks " + trackNames + ", not " + next.stems());
        }
        MixSession was = applied;
        if (!routing(next).equals(routing(was))) {
            throw new IllegalArgumentException("this live mix routes " + routing(was) + " to group buses, not " + routing(next));
        }
        List<MixChange> posts = new ArrayList<>();
        for (int i = 0; i < trackCount; i++) {
            ChannelStrip before = was.tracks().get(i);
            ChannelStrip after = next.tracks().get(i);
            stripChanges(i, before, after, posts);
            if (was.audible(before) != next.audible(after)) {
                posts.add(new MixChange.Audible(i, next.audible(after)));
            }
        }
        for (int g = 0; g < next.groups().size(); g++) {
            stripChanges(trackCount + g, was.groups().get(g).strip(), next.groups().get(g).strip(), posts);
        }
        if (was.reverbReturnDb() != next.reverbReturnDb()) {
            posts.add(new MixChange.ReturnFader(Place.REVERB_BUS, Param.of(next.reverbReturnDb())));
        }
        if (was.delayReturnDb() != next.delayReturnDb()) {
            posts.add(new MixChange.ReturnFader(Place.DELAY_BUS, Param.of(next.delayReturnDb())));
        }
        if (!was.reverbBus().equals(next.reverbBus())) {
            posts.add(new MixChange.NewChain(Place.REVERB_BUS, prepared(next.reverbBus())));
        }
        if (!was.delayBus().equals(next.delayBus())) {
            posts.add(new MixChange.NewChain(Place.DELAY_BUS, prepared(next.delayBus())));
        }
        if (!was.masterChain().equals(next.masterChain())) {
            posts.add(new MixChange.NewChain(Place.MASTER, prepared(next.masterChain())));
        }
        if (was.masterFaderDb() != next.masterFaderDb()) {
            posts.add(new MixChange.MasterFader(Param.of(next.masterFaderDb())));
        }
        changes.addAll(posts);
        applied = next;
    }

    /** Each group bus's name and stems. */
    private static List<List<String>> routing(MixSession session) {
        return session.groups().stream().map(g -> {
            List<String> names = new ArrayList<>(g.stems());
            names.add(0, g.name());
            return names;
        }).toList();
    }

    /** The changes from {@code before} to {@code after} of strip {@code i} (a track's or a group's), but its audibility. */
    private void stripChanges(int i, ChannelStrip before, ChannelStrip after, List<MixChange> posts) {
        if (!before.faderDb().equals(after.faderDb())) {
            posts.add(new MixChange.Fader(i, after.faderDb()));
        }
        if (before.pan() != after.pan()) {
            posts.add(new MixChange.Pan(i, Param.of(after.pan())));
        }
        if (before.reverbSendDb() != after.reverbSendDb() || before.delaySendDb() != after.delaySendDb()) {
            posts.add(new MixChange.Sends(i, LiveStrip.sendGain(after.reverbSendDb()), LiveStrip.sendGain(after.delaySendDb())));
        }
        if (!before.inserts().equals(after.inserts())) {
            insertChanges(i, before, after, posts);
        }
    }

    private void insertChanges(int track, ChannelStrip before, ChannelStrip after, List<MixChange> posts) {
        if (!LiveInserts.sameShape(before, after)) {
            posts.add(new MixChange.NewInserts(track, LiveInserts.of(after,
                    new ProcessSpec(rateHz, BLOCK_FRAMES, strips[track].channels()))));
            return;
        }
        after.inserts().checkFor(stereoSpec);
        for (int b = 0; b < after.eq().size(); b++) {
            if (!before.eq().get(b).equals(after.eq().get(b))) {
                posts.add(new MixChange.EqBand(track, b, after.eq().get(b)));
            }
        }
        if (!before.compressor().equals(after.compressor())) {
            posts.add(new MixChange.Compressor(track, after.compressor().orElseThrow()));
        }
    }

    /** The session last applied (or the one the engine was made with). */
    public synchronized MixSession session() {
        return applied;
    }

    /** Starts playing from the playhead (from the start once the end was reached). */
    public void play() {
        changes.add(new MixChange.Play());
    }

    /** Stops playing (fading out), keeping the playhead. */
    public void stop() {
        changes.add(new MixChange.Stop());
    }

    /** Moves the playhead to {@code frame} (≥ 0). */
    public void seekFrames(long frame) {
        if (frame < 0) {
            throw new IllegalArgumentException("cannot seek before the start, got frame " + frame);
        }
        changes.add(new MixChange.Seek(frame));
    }

    /** Loops between {@code startFrame} (inclusive, ≥ 0) and {@code endFrameExclusive} (&gt; start). */
    public void setLoop(long startFrame, long endFrameExclusive) {
        if (startFrame < 0 || endFrameExclusive <= startFrame) {
            throw new IllegalArgumentException("a loop needs 0 <= start < end, got " + startFrame + " … " + endFrameExclusive);
        }
        changes.add(new MixChange.Loop(startFrame, endFrameExclusive));
    }

    /** Plays on to the end instead of looping. */
    public void clearLoop() {
        changes.add(new MixChange.Loop(0, -1));
    }

    /** Hears the target instead of the mix (true) or the mix again (false), at the same position; nothing without a target. */
    public void hearTarget(boolean heard) {
        changes.add(new MixChange.HearTarget(heard));
    }

    /** The gain the target is heard at, in dB (−60…+24): its loudness matched to the mix's. */
    public void setTargetGainDb(double gainDb) {
        if (!(gainDb >= -60 && gainDb <= 24)) {
            throw new IllegalArgumentException("the target's gain must be -60 to 24 dB, got " + gainDb);
        }
        changes.add(new MixChange.TargetGain(Math.pow(10, gainDb / 20)));
    }

    /** Whether a target was given to compare with. */
    public boolean hasTarget() {
        return targetGiven;
    }

    /**
     * An engine that starts before every stem is ready: the tracks whose stems are not in {@code ready} play
     * silence until {@link #join} brings their stem. The session's every track needs a stem, ready or to come.
     */
    public static LiveMix startingWith(Map<String, AudioBuffer> ready, MixSession session) {
        int rateHz = sampleRateOf(ready);
        Map<String, AudioBuffer> stems = new LinkedHashMap<>();
        for (String name : session.stems()) {
            stems.put(name, ready.getOrDefault(name, new AudioBuffer(new float[][] {new float[0]}, rateHz)));
        }
        return new LiveMix(stems, session, Optional.empty());
    }

    /**
     * The stem of track {@code stem} is ready: its strip (made and prepared here, as the session last applied has it)
     * takes over from the silent one at the next block, fading in while playing. The stem must run at the engine's rate.
     */
    public synchronized void join(String stem, AudioBuffer audio) {
        int track = trackNames.indexOf(stem);
        if (track < 0) {
            throw new IllegalArgumentException("this live mix has no track for the stem " + stem);
        }
        checkRate("stem " + stem, audio);
        ChannelStrip strip = applied.tracks().get(track);
        ProcessSpec spec = new ProcessSpec(rateHz, BLOCK_FRAMES, Math.min(2, audio.channelCount()));
        changes.add(new MixChange.Join(track, new LiveStrip(audio, strip, applied.audible(strip), LiveInserts.of(strip, spec), spec,
                fadeFrames, glideFrames), audio.frames()));
    }

    /** A BadInputException naming {@code what} unless {@code audio} runs at the stems' rate. */
    private void checkRate(String what, AudioBuffer audio) {
        if (audio.sampleRateHz() != rateHz) {
            throw new BadInputException(what + " runs at " + audio.sampleRateHz() + " Hz, the stems at " + rateHz + " Hz");
        }
    }

    /** The target to compare with arrives (a stereo mix of the same stems at the engine's rate), for an engine made without one. */
    public void giveTarget(AudioBuffer mixed) {
        checkRate("the target", mixed);
        changes.add(new MixChange.Target(mixed));
        targetGiven = true;
    }

    /** The playhead after the last block, frames from the start. */
    public long positionFrames() {
        return publishedPosition;
    }

    /** Whether the last block played (false once stopped or at the end). */
    public boolean isPlaying() {
        return publishedPlaying;
    }

    /** The mix's length: the longest stem's, in frames. */
    public long lengthFrames() {
        return lengthFrames;
    }

    /** The stems' sample rate in Hz. */
    public int sampleRateHz() {
        return rateHz;
    }

    /** The tracks' stem names, in session order (the order of {@link MixMeters#tracks()}). */
    public List<String> trackNames() {
        return trackNames;
    }

    /** The newest meter readings. Any thread; never waits for the audio thread. */
    public MixMeters meters() {
        return board.read();
    }

    // ---- Audio side: one thread. ----

    @Override
    public void render(float[][] out, int offset, int frames) {
        int done = 0;
        while (done < frames) {
            if (readyFrom == BLOCK_FRAMES) {
                renderBlock();
                readyFrom = 0;
            }
            int n = Math.min(frames - done, BLOCK_FRAMES - readyFrom);
            System.arraycopy(ready[0], readyFrom, out[0], offset + done, n);
            System.arraycopy(ready[1], readyFrom, out[1], offset + done, n);
            readyFrom += n;
            done += n;
        }
    }

    /** Takes the posted changes, then makes the next block into {@link #ready}. */
    private void renderBlock() {
        MixChange change;
        while ((change = changes.poll()) != null) {
            change.applyTo(this);
        }
        int done = 0;
        while (running && done < BLOCK_FRAMES) {
            long end = loopEnd >= 0 ? loopEnd : lengthFrames;
            if (head >= end) {
                if (loopEnd >= 0) {
                    wrap();
                    continue;
                }
                running = false;
                stopping = false;
                break;
            }
            int n = (int) Math.min(BLOCK_FRAMES - done, end - head);
            processStretch(done, n);
            done += n;
            head += n;
            if (stopping && !outFade.isMoving()) {
                running = false;
                stopping = false;
            } else if (tailLeft == 0 && pendingSeek >= 0) {
                long to = pendingSeek;
                pendingSeek = -1;
                jump(to);
            }
        }
        if (done < BLOCK_FRAMES) {
            Arrays.fill(ready[0], done, BLOCK_FRAMES, 0f);
            Arrays.fill(ready[1], done, BLOCK_FRAMES, 0f);
            idle(BLOCK_FRAMES - done);
        }
        publishMeters();
        publishedPosition = head;
        publishedPlaying = running;
    }

    /** Processes {@code n} frames from the playhead into {@code ready[·][offset …]}. */
    private void processStretch(int offset, int n) {
        Segment s = segment;
        s.head = head;
        s.tail = tail;
        s.frames = n;
        s.tailFrames = Math.min(n, tailLeft);
        s.plain = s.tailFrames == 0 && !headFade.isMoving() && headFade.value() == 1;
        if (!s.plain) {
            for (int k = 0; k < n; k++) {
                s.headGains[k] = (float) headFade.next();
            }
        }
        for (int k = 0; k < s.tailFrames; k++) {
            s.tailGains[k] = (float) tailFade.next();
        }
        tail += s.tailFrames;
        tailLeft -= s.tailFrames;
        for (int c = 0; c < 2; c++) {
            Arrays.fill(sum[c], 0, n, 0f);
            Arrays.fill(reverbIn[c], 0, n, 0f);
            Arrays.fill(delayIn[c], 0, n, 0f);
            for (float[][] group : groupIn) {
                Arrays.fill(group[c], 0, n, 0f);
            }
        }
        for (int t = 0; t < trackCount; t++) {
            int g = groupOfTrack[t];
            strips[t].process(s, g < 0 ? sum : groupIn[g], reverbIn, delayIn);
        }
        for (int g = 0; g < groupIn.length; g++) {
            strips[trackCount + g].processBus(groupIn[g], n, sum, reverbIn, delayIn);
        }
        returnBus(reverbBus, reverbReturn, reverbIn, n);
        returnBus(delayBus, delayReturn, delayIn, n);
        busBlock.set(sum, 0, n);
        masterChain.process(busBlock);
        masterFader.process(busBlock);
        output(offset, n);
        measureMaster(offset, n);
    }

    private void returnBus(Chain bus, Gain returnFader, float[][] in, int n) {
        bus.process(busBlock.set(in, 0, n));
        returnFader.process(busBlock);
        for (int c = 0; c < 2; c++) {
            float[] from = in[c];
            float[] to = sum[c];
            for (int k = 0; k < n; k++) {
                to[k] += from[k];
            }
        }
    }

    /** The mix (or, crossfading, the target at the same position) into {@code ready}, faded out while stopping. */
    private void output(int offset, int n) {
        if (target == null || !targetShare.isMoving() && targetShare.value() == 0) {
            System.arraycopy(sum[0], 0, ready[0], offset, n);
            System.arraycopy(sum[1], 0, ready[1], offset, n);
        } else {
            float[] left = target.channel(0);
            float[] right = target.channel(Math.min(1, target.channelCount() - 1));
            for (int k = 0; k < n; k++) {
                double share = targetShare.next();
                double gain = targetGain.next() * share;
                ready[0][offset + k] = (float) (sum[0][k] * (1 - share) + targetSample(left, k) * gain);
                ready[1][offset + k] = (float) (sum[1][k] * (1 - share) + targetSample(right, k) * gain);
            }
        }
        if (stopping) {
            for (int k = 0; k < n; k++) {
                double g = outFade.next();
                ready[0][offset + k] = (float) (ready[0][offset + k] * g);
                ready[1][offset + k] = (float) (ready[1][offset + k] * g);
            }
        }
    }

    /** The target's sample for frame {@code k} of the stretch, read as the stems are (head and fading tail). */
    private double targetSample(float[] channel, int k) {
        Segment s = segment;
        long at = s.head + k;
        double value = at < channel.length ? channel[(int) at] * (s.plain ? 1 : s.headGains[k]) : 0;
        if (k < s.tailFrames && s.tail + k < channel.length) {
            value += channel[(int) (s.tail + k)] * s.tailGains[k];
        }
        return value;
    }

    private void measureMaster(int offset, int n) {
        float largestLeft = 0;
        float largestRight = 0;
        double squares = 0;
        float[] left = ready[0];
        float[] right = ready[1];
        for (int k = offset; k < offset + n; k++) {
            largestLeft = Math.max(largestLeft, Math.abs(left[k]));
            largestRight = Math.max(largestRight, Math.abs(right[k]));
            squares += left[k] * left[k] + right[k] * right[k];
        }
        masterPeakLeft = ballistics.peak(masterPeakLeft, largestLeft, n);
        masterPeakRight = ballistics.peak(masterPeakRight, largestRight, n);
        masterMeanSquare = ballistics.meanSquare(masterMeanSquare, squares / (2 * n), n);
        loudness.add(ready, offset, n);
    }

    /** The meters' readings fall while nothing plays for {@code n} frames. */
    private void idle(int n) {
        for (LiveStrip strip : strips) {
            strip.idle(n);
        }
        masterPeakLeft = ballistics.peak(masterPeakLeft, 0, n);
        masterPeakRight = ballistics.peak(masterPeakRight, 0, n);
        masterMeanSquare = ballistics.meanSquare(masterMeanSquare, 0, n);
    }

    private void publishMeters() {
        for (int t = 0; t < strips.length; t++) {
            LiveStrip strip = strips[t];
            board.track(t, strip.peak(), strip.rms(), running ? strip.gainReductionDb() : 0);
        }
        board.master(masterPeakLeft, masterPeakRight, Math.sqrt(masterMeanSquare),
                running ? loudness.momentaryPower() : 0, running ? loudness.shortTermPower() : 0);
        board.publish(head);
    }

    /** The stems jump to {@code frame}: the old position fades out while the new one fades in. */
    private void jump(long frame) {
        if (frame == head) {
            return;
        }
        tail = head;
        tailFade.snapTo(headFade.value());
        tailFade.rampTo(0, fadeFrames);
        tailLeft = fadeFrames;
        headFade.snapTo(0);
        headFade.rampTo(1, fadeFrames);
        head = frame;
        for (LiveStrip strip : strips) {
            strip.moveTo(frame);
        }
    }

    /** The playhead reached the loop's end: back to its start, declicked like a seek. */
    private void wrap() {
        tailLeft = 0; // a loop shorter than a fade drops the older tail
        pendingSeek = -1;
        jump(loopStart);
    }

    LiveStrip strip(int track) {
        return strips[track];
    }

    /** A track's strip is replaced by one playing its stem, now ready: reset to the playhead, and faded in while playing. */
    void joinStrip(int track, LiveStrip strip, long stemFrames) {
        strip.reset(head);
        if (running) {
            strip.fadeIn();
        }
        strips[track] = strip;
        lengthFrames = Math.max(lengthFrames, stemFrames);
    }

    void takeTarget(AudioBuffer mixed) {
        target = mixed;
    }

    boolean isRunning() {
        return running;
    }

    void startPlaying() {
        if (running) {
            if (stopping) {
                stopping = false;
                outFade.rampTo(1, fadeFrames);
            }
            return;
        }
        if (loopEnd < 0 && head >= lengthFrames || loopEnd >= 0 && (head < loopStart || head >= loopEnd)) {
            head = loopEnd >= 0 ? loopStart : 0;
        }
        for (LiveStrip strip : strips) {
            strip.reset(head);
        }
        reverbBus.reset();
        delayBus.reset();
        masterChain.reset();
        masterFader.reset();
        reverbReturn.reset();
        delayReturn.reset();
        loudness.reset();
        masterPeakLeft = 0;
        masterPeakRight = 0;
        masterMeanSquare = 0;
        targetShare.snapTo(targetShare.target());
        targetGain.snapTo(targetGain.target());
        tailLeft = 0;
        pendingSeek = -1;
        // The song's first frame starts as it is, so a bounce is the stems' own start; elsewhere the stems fade in.
        headFade.snapTo(head == 0 ? 1 : 0);
        headFade.rampTo(1, fadeFrames);
        outFade.snapTo(1);
        running = true;
        stopping = false;
    }

    void stopPlaying() {
        if (running && !stopping) {
            stopping = true;
            outFade.rampTo(0, fadeFrames);
            if (!outFade.isMoving()) {
                running = false;
                stopping = false;
            }
        }
    }

    void seekTo(long frame) {
        if (!running) {
            head = frame;
        } else if (tailLeft > 0) {
            pendingSeek = frame;
        } else {
            jump(frame);
        }
    }

    void loopBetween(long start, long endExclusive) {
        loopStart = start;
        loopEnd = endExclusive;
        if (endExclusive >= 0 && (head < start || head >= endExclusive)) {
            seekTo(start);
        }
    }

    void selectTarget(boolean heard) {
        if (target != null) {
            targetShare.rampTo(heard ? 1 : 0, running ? fadeFrames : 0);
        }
    }

    void setTargetGain(double gain) {
        targetGain.rampTo(gain, running ? glideFrames : 0);
    }

    void setMasterFader(Param gainDb) {
        masterFader.setGainDb(gainDb);
    }

    void setReturnFader(Place bus, Param gainDb) {
        switch (bus) {
            case REVERB_BUS -> reverbReturn.setGainDb(gainDb);
            case DELAY_BUS -> delayReturn.setGainDb(gainDb);
            default -> throw new IllegalStateException(bus.name());
        }
    }

    void replaceChain(Place place, Chain chain) {
        switch (place) {
            case REVERB_BUS -> reverbBus = chain;
            case DELAY_BUS -> delayBus = chain;
            case MASTER -> masterChain = chain;
            default -> throw new IllegalStateException(place.name());
        }
    }
}
