package dev.mixdojo.grading;

import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.eq.EqSettings;
import dev.mixdojo.mix.ChannelStrip;
import dev.mixdojo.mix.MixSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A learner's bounced mix as a mix session, re-made from its estimate so that suggestions can be applied to it and
 * the result rendered from the stems: each stem's fader and pan (a balance for a stereo stem), and the fewest EQ bands
 * that give its estimated band gains ({@link SparseFit} on the curve against flat). What the estimate does not hold
 * (compression, rides, effects) is not re-made, so the render is the mix as MixDojo hears its levels, pans and EQ.
 * Pure.
 */
public final class EstimatedSession {
    private EstimatedSession() {
    }

    /** The session of {@code estimate}, for material {@code material}, one track per stem in the estimate's order. */
    public static MixSession of(MixEstimate estimate, String material) {
        List<String> names = estimate.stems().stream().map(StemEstimate::name).toList();
        MixSession session = MixSession.flat(material, Optional.empty(), names);
        for (StemEstimate stem : estimate.stems()) {
            boolean stereo = stem.channels() == 2;
            double position = stereo ? Diagnosis.balance(stem.pan()) : stem.pan();
            double faderDb = stem.gainDb() - (stereo ? 10 * Math.log10(Diagnosis.balancePower(position)) : 0);
            double[] curve = new double[stem.curve().bands()];
            double[] sigma = new double[curve.length];
            for (int b = 0; b < curve.length; b++) {
                // The fit cancels what it is given: hand it the curve's opposite to get the curve.
                curve[b] = -(stem.curve().gainDb().get(b) - stem.gainDb());
                sigma[b] = Diagnosis.BAND_SIGMA_FLOOR_DB;
            }
            SparseFit fit = new SparseFit(curve, sigma, estimate.bands(), shape -> shape.bandGainsDb(estimate.bands(),
                    stem.binPower()));
            fit.run();
            List<EqSettings> eq = new ArrayList<>();
            fit.shapes().forEach(shape -> eq.add(EqSettings.of(shape.type(), shape.frequencyHz(), shape.gainDb(), shape.q(), 12)));
            ChannelStrip strip = session.track(stem.name()).orElseThrow()
                    .withFader(Param.of(Math.max(-120, Math.min(24, faderDb + fit.faderDb()))))
                    .withPan(Math.max(-1, Math.min(1, position)))
                    .withEq(eq);
            session = session.withTrack(strip);
        }
        return session;
    }
}
