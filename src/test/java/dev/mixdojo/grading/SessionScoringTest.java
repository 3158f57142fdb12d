package dev.mixdojo.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.dsp.automation.Breakpoint;
import dev.mixdojo.dsp.automation.Curve;
import dev.mixdojo.dsp.automation.Envelope;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.chain.ChainDescription;
import dev.mixdojo.dsp.chain.ChainRenderer;
import dev.mixdojo.dsp.dynamics.DynamicsSettings;
import dev.mixdojo.dsp.eq.EqSettings;
import dev.mixdojo.dsp.eq.FilterType;
import dev.mixdojo.mix.ChannelStrip;
import dev.mixdojo.mix.GroupBus;
import dev.mixdojo.mix.LiveMix;
import dev.mixdojo.mix.MixSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scoring against a target session: rides, compression and reverb sends on top of level, pan and EQ. */
class SessionScoringTest {
    static final int RATE_HZ = 48_000;
    static final double SECONDS = 20;
    /** The target rides the vocal up 3 dB in its "chorus", 8–14 s. */
    static final double CHORUS_START_S = 8;
    static final double CHORUS_END_S = 14;
    static List<StemAudio> stems;
    static MixSession target;

    @BeforeAll
    static void makeStemsAndTarget() {
        stems = List.of(
                new StemAudio("Vocal", noise(11, false)),
                new StemAudio("Kick", noise(12, true)),
                new StemAudio("Bass", noise(13, false)),
                new StemAudio("Guitar", noise(14, false)));
        Param ride = new Param.Automated(new Envelope(List.of(new Breakpoint(0, -2), new Breakpoint(CHORUS_START_S, -2),
                new Breakpoint(CHORUS_START_S + 0.05, 1), new Breakpoint(CHORUS_END_S, 1), new Breakpoint(CHORUS_END_S + 0.05, -2)),
                Curve.LINEAR));
        target = MixSession.flat("test", Optional.empty(), List.of("Vocal", "Kick", "Bass", "Guitar"))
                .withTrack(ChannelStrip.of("Vocal").withFader(ride).withSends(-10, ChannelStrip.OFF))
                .withTrack(ChannelStrip.of("Kick").withFaderDb(-3))
                .withTrack(ChannelStrip.of("Bass").withFaderDb(-5).withPan(0.2))
                .withTrack(ChannelStrip.of("Guitar").withFaderDb(-8).withPan(-0.5));
    }

    static MixScore scoreOf(MixSession learner) {
        return SessionScoring.score(stems, LiveMix.bounce(SessionScoring.byName(stems), learner), target);
    }

    static ScoreItem item(MixScore score, String subject, String aspect) {
        return score.items().stream().filter(i -> i.subject().equals(subject) && i.aspect().equals(aspect)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + aspect + " item for " + subject + " in " + score.items()));
    }

    @Test
    void theTargetSessionScoredAgainstItselfGetsOneHundredAndNamesNoStem() {
        MixScore score = scoreOf(target);
        assertThat(score.score()).isEqualTo(100);
        assertThat(score.items()).extracting(ScoreItem::subject).containsOnly("mix");
        assertThat(score.suggestions()).isEmpty();
    }

    @Test
    void aMissedRideInTheChorusIsFoundWithinItsWindow() {
        MixSession flatVocal = target.withTrack(target.track("Vocal").orElseThrow().withFaderDb(-2));
        ScoreItem ride = item(scoreOf(flatVocal), "Vocal", "ride");
        assertThat(ride.verdict()).isEqualTo(Verdict.OUTSIDE);
        assertThat(ride.error()).isCloseTo(-3, within(0.5));
        // The advice names the run of windows that misses the ride: it must lie on the chorus, give or take a window.
        java.util.regex.Matcher span = java.util.regex.Pattern.compile("from (\\d+):(\\d\\d\\.\\d) to (\\d+):(\\d\\d\\.\\d)")
                .matcher(ride.advice());
        assertThat(span.find()).as(ride.advice()).isTrue();
        double fromS = 60 * Integer.parseInt(span.group(1)) + Double.parseDouble(span.group(2));
        double toS = 60 * Integer.parseInt(span.group(3)) + Double.parseDouble(span.group(4));
        // The ends are set frame by frame (170 ms), not window by window (3 s).
        double frameS = StemEstimator.FRAME_SIZE / (double) RATE_HZ;
        assertThat(fromS).isBetween(CHORUS_START_S - frameS, CHORUS_START_S + frameS);
        assertThat(toS).isBetween(CHORUS_END_S - frameS, CHORUS_END_S + frameS);
        assertThat(ride.advice()).contains("quieter", "ride its fader up");
        assertThat(scoreOf(flatVocal).items()).filteredOn(i -> !i.subject().equals("mix")).extracting(ScoreItem::subject)
                .containsOnly("Vocal");
    }

    @Test
    void oneFaderMovedThreeDecibelsNamesThatStemAndThatError() {
        MixScore score = scoreOf(target.withTrack(target.track("Bass").orElseThrow().withFaderDb(-2)));
        ScoreItem worst = score.items().stream().max(Comparator.comparingDouble(ScoreItem::pointsLost)).orElseThrow();
        assertThat(worst.subject()).isEqualTo("Bass");
        assertThat(worst.aspect()).isEqualTo("level");
        assertThat(worst.error()).isCloseTo(3, within(0.3));
    }

    @Test
    void aLouderReverbSendIsMeasuredInDecibels() {
        MixScore score = scoreOf(target.withTrack(target.track("Vocal").orElseThrow().withSends(-4, ChannelStrip.OFF)));
        ScoreItem reverb = item(score, "Vocal", "reverb");
        assertThat(reverb.error()).isCloseTo(6, within(1.0));
        assertThat(reverb.verdict()).isEqualTo(Verdict.OUTSIDE);
        assertThat(reverb.advice()).contains("more reverb", "send down");
    }

    @Test
    void aDelaySendIsMeasuredInDecibelsBesideTheReverbs() {
        MixSession depth = target.withTrack(target.track("Guitar").orElseThrow().withSends(-14, -12));
        MixScore self = SessionScoring.score(stems, LiveMix.bounce(SessionScoring.byName(stems), depth), depth);
        assertThat(self.score()).isEqualTo(100);
        MixSession louderDelay = depth.withTrack(depth.track("Guitar").orElseThrow().withSends(-14, -6));
        MixScore score = SessionScoring.score(stems, LiveMix.bounce(SessionScoring.byName(stems), louderDelay), depth);
        ScoreItem delay = item(score, "Guitar", "delay");
        assertThat(delay.error()).isCloseTo(6, within(1.0));
        assertThat(delay.verdict()).isEqualTo(Verdict.OUTSIDE);
        assertThat(delay.advice()).contains("more delay", "delay send down");
        assertThat(score.items()).noneMatch(i -> i.aspect().equals("reverb"));
    }

    @Test
    void aReturnFaderMovedIsOneReturnItemInItsDecibelsAndLeavesTheSendsAlone() {
        MixSession depth = target.withTrack(target.track("Guitar").orElseThrow().withSends(-14, ChannelStrip.OFF))
                .withTrack(target.track("Bass").orElseThrow().withSends(-18, ChannelStrip.OFF));
        MixScore score = SessionScoring.score(stems, LiveMix.bounce(SessionScoring.byName(stems), depth.withReturnsDb(-4, 0)), depth);
        ScoreItem reverbReturn = item(score, "reverb return", "reverb");
        assertThat(reverbReturn.error()).isCloseTo(-4, within(1.0));
        assertThat(reverbReturn.advice()).contains("turn the reverb return up");
        assertThat(score.items()).filteredOn(i -> i.aspect().equals("reverb")).extracting(ScoreItem::subject)
                .containsOnly("reverb return");
        // The same wet levels made with the sends (each 4 dB down) sound the same, so they score the same.
        MixSession bySends = depth;
        for (String stem : List.of("Vocal", "Guitar", "Bass")) {
            ChannelStrip track = depth.track(stem).orElseThrow();
            bySends = bySends.withTrack(track.withSends(track.reverbSendDb() - 4, ChannelStrip.OFF));
        }
        MixScore same = SessionScoring.score(stems, LiveMix.bounce(SessionScoring.byName(stems), bySends), depth);
        assertThat(same.score()).isEqualTo(score.score());
    }

    @Test
    void sendItemsGiveTheReturnACommonErrorOnlyWhenItExplainsMoreThanTheSends() {
        List<String> stems = List.of("a", "b", "c");
        assertThat(MixScorer.sendItems(Aspect.REVERB, stems, List.of(-3.0, -3.2, -2.8))).extracting(ScoreItem::subject)
                .containsExactly("reverb return");
        // One send right and two switched off: two sends to raise, not a return to raise and a send to lower.
        assertThat(MixScorer.sendItems(Aspect.REVERB, stems, List.of(0.0, -40.0, -40.0))).extracting(ScoreItem::subject)
                .containsExactly("b", "c");
        assertThat(MixScorer.sendItems(Aspect.DELAY, stems, List.of(3.0, 3.0, -3.0))).extracting(ScoreItem::subject, ScoreItem::error)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("delay return", 3.0), org.assertj.core.groups.Tuple.tuple("c", -6.0));
        assertThat(MixScorer.sendItems(Aspect.DELAY, List.of("a"), List.of(3.0))).extracting(ScoreItem::subject).containsExactly("a");
    }

    @Test
    void aGroupBusFaderMovedIsOneItemOnTheGroupAndItsMembersKeepNoLevelItem() {
        MixSession grouped = target.withGroups(List.of(GroupBus.of("rhythm", List.of("Kick", "Bass"))));
        MixScore self = SessionScoring.score(stems, LiveMix.bounce(SessionScoring.byName(stems), grouped), grouped);
        assertThat(self.score()).isEqualTo(100);
        MixSession lower = grouped.withGroup(grouped.groups().get(0).withFaderDb(-4));
        MixScore score = SessionScoring.score(stems, LiveMix.bounce(SessionScoring.byName(stems), lower), grouped);
        // Levels are read against the stems' median: with two of four stems 4 dB down, the rhythm reads 2 dB low and
        // the other two 2 dB high; the rhythm's two stems are one move, its fader.
        ScoreItem group = item(score, "rhythm", "level");
        assertThat(group.error()).isCloseTo(-2, within(0.5));
        assertThat(group.advice()).contains("The rhythm bus is", "quieter", "bring its fader up");
        assertThat(score.items()).noneMatch(i -> (i.subject().equals("Kick") || i.subject().equals("Bass")) && i.aspect().equals("level"));
    }

    @Test
    void groupItemsTakeTheMembersSharedLevelErrorOnlyWhenItMeansFewerItems() {
        List<ScoreItem> items = new ArrayList<>(List.of(level("kick", -3), level("snare", -3.2), level("bass", 2)));
        MixScorer.groupItems("drums", List.of("kick", "snare", "hats"), items);
        // The hats had no item (0 dB): the median of −3, −3.2 and 0 is −3, which leaves the hats +3 — three items as before.
        assertThat(items).extracting(ScoreItem::subject).containsExactly("kick", "snare", "bass");
        MixScorer.groupItems("drums", List.of("kick", "snare"), items);
        assertThat(items).extracting(ScoreItem::subject, ScoreItem::error).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("bass", 2.0), org.assertj.core.groups.Tuple.tuple("drums", -3.1));
    }

    private static ScoreItem level(String stem, double errorDb) {
        return ScoreItem.of(stem, Aspect.LEVEL, errorDb, 0, "advice", Optional.empty());
    }

    @Test
    void aHeavilyCompressedKickIsToldToTakeItsCompressorOff() {
        MixSession squashed = target.withTrack(target.track("Kick").orElseThrow()
                .withCompressor(Optional.of(DynamicsSettings.compressor(-36, 10, 0, 1, 60, 0))));
        MixScore score = scoreOf(squashed);
        ScoreItem compression = item(score, "Kick", "compression");
        assertThat(compression.error()).isLessThan(-Aspect.COMPRESSION.jnd() * 2);
        assertThat(compression.advice()).contains("is squeezed more", "take its compressor off");
        assertThat(score.items()).filteredOn(i -> !i.subject().equals("mix")).extracting(ScoreItem::subject).containsOnly("Kick");
    }

    @Test
    void theScoreFallsAsTheRideErrorGrows() {
        int previous = 101;
        for (double missedDb : new double[] {0, 2, 4, 8}) {
            List<Breakpoint> points = new ArrayList<>();
            points.add(new Breakpoint(0, -2));
            points.add(new Breakpoint(CHORUS_START_S, -2));
            points.add(new Breakpoint(CHORUS_START_S + 0.05, 1 - missedDb));
            points.add(new Breakpoint(CHORUS_END_S, 1 - missedDb));
            points.add(new Breakpoint(CHORUS_END_S + 0.05, -2));
            MixSession learner = target.withTrack(target.track("Vocal").orElseThrow()
                    .withFader(new Param.Automated(new Envelope(points, Curve.LINEAR))));
            int score = scoreOf(learner).score();
            assertThat(score).as("chorus ride %.0f dB short", missedDb).isLessThan(previous);
            previous = score;
        }
    }

    @Test
    void aBassBoostedOntoTheKicksBandIsOneEqMoveOnTheBassAlone() {
        // Kick energy around 63 Hz, bass around 125 Hz: apart in the target. The learner boosts the bass 18 dB at 63 Hz.
        List<StemAudio> low = List.of(
                new StemAudio("Kick", bandNoise(21, 63)),
                new StemAudio("Bass", bandNoise(22, 125)),
                new StemAudio("Vocal", noise(23, false)));
        MixSession apart = MixSession.flat("test", Optional.empty(), List.of("Kick", "Bass", "Vocal"));
        MixSession crowded = apart.withTrack(ChannelStrip.of("Bass")
                .withEq(List.of(EqSettings.of(FilterType.PEAK, 63, 18, 1.4, 12))));
        MixScore score = SessionScoring.score(low, LiveMix.bounce(SessionScoring.byName(low), crowded), apart);
        List<ScoreItem> named = score.items().stream().filter(i -> !i.subject().equals("mix")).toList();
        assertThat(named).extracting(ScoreItem::subject).containsOnly("Bass");
        ScoreItem eq = item(score, "Bass", "eq");
        assertThat(eq.verdict()).isEqualTo(Verdict.OUTSIDE);
        assertThat(eq.advice()).contains("more around 6", "cut");
        EqSettings fix = (EqSettings) eq.fix().orElseThrow();
        assertThat(fix.frequencyHz().initial()).isBetween(63 / 1.2, 63 * 1.2);
        assertThat(fix.gainDb().initial()).isBetween(-20.0, -14.0);
    }

    /** Seeded noise through a band-pass at {@code centreHz} (Q 2), about −30 dBFS RMS. */
    static AudioBuffer bandNoise(long seed, double centreHz) {
        AudioBuffer white = noise(seed, false);
        return ChainRenderer.render(new ChainDescription(List.of(EqSettings.of(FilterType.BAND_PASS, centreHz, 0, 2, 12))), white);
    }

    /** Seeded noise at about −20 dBFS RMS; a drum is bursts every half second, each decaying over 80 ms, at varied velocity. */
    static AudioBuffer noise(long seed, boolean drum) {
        Random random = new Random(seed);
        float[] x = new float[(int) (SECONDS * RATE_HZ)];
        double velocity = 1;
        for (int i = 0; i < x.length; i++) {
            double envelope = 1;
            if (drum) {
                int sinceHit = i % (RATE_HZ / 2);
                if (sinceHit == 0) {
                    velocity = 0.5 + random.nextDouble();
                }
                envelope = 3 * velocity * Math.exp(-sinceHit / (0.08 * RATE_HZ));
            }
            x[i] = (float) (0.1 * envelope * random.nextGaussian());
        }
        return new AudioBuffer(new float[][] {x}, RATE_HZ);
    }
}
