package dev.mixdojo.mix;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.dsp.chain.Chain;
import dev.mixdojo.dsp.dynamics.DynamicsSettings;
import dev.mixdojo.dsp.eq.EqSettings;

/**
 * One change a control thread posts to the audio thread: made (and anything it needs allocated and
 * prepared) on the control side, applied between two blocks by {@link #applyTo}, which allocates nothing.
 */
sealed interface MixChange {
    /** Applies the change to the engine's audio-thread state. */
    void applyTo(LiveMix mix);

    /** A track's (or a group bus's) fader moves to a level (dB) or a ride. */
    record Fader(int track, Param gainDb) implements MixChange {
        @Override
        public void applyTo(LiveMix mix) {
            mix.strip(track).setFader(gainDb);
        }
    }

    /** A track's pan (mono stem) or balance (stereo stem) moves, −1…1. */
    record Pan(int track, Param position) implements MixChange {
        @Override
        public void applyTo(LiveMix mix) {
            mix.strip(track).setPosition(position);
        }
    }

    /** A track's post-fader send levels, as linear gains (0 for a send that is off). */
    record Sends(int track, double reverbGain, double delayGain) implements MixChange {
        @Override
        public void applyTo(LiveMix mix) {
            mix.strip(track).setSends(reverbGain, delayGain);
        }
    }

    /** Whether a track is heard (mute and solo decided on the control side). */
    record Audible(int track, boolean audible) implements MixChange {
        @Override
        public void applyTo(LiveMix mix) {
            mix.strip(track).setAudible(audible);
        }
    }

    /** One EQ band of a track moves to settings of the same shape. */
    record EqBand(int track, int band, EqSettings settings) implements MixChange {
        @Override
        public void applyTo(LiveMix mix) {
            mix.strip(track).inserts().setBand(band, settings);
        }
    }

    /** A track's compressor moves to settings of the same shape. */
    record Compressor(int track, DynamicsSettings settings) implements MixChange {
        @Override
        public void applyTo(LiveMix mix) {
            mix.strip(track).inserts().setCompressor(settings);
        }
    }

    /** A track's inserts are replaced (a band added or removed, a compressor in or out), crossfading while playing. */
    record NewInserts(int track, LiveInserts inserts) implements MixChange {
        @Override
        public void applyTo(LiveMix mix) {
            mix.strip(track).replaceInserts(inserts, mix.isRunning());
        }
    }

    /** The reverb bus, the delay bus or the master chain is replaced by a prepared chain. */
    record NewChain(LiveMix.Place place, Chain chain) implements MixChange {
        @Override
        public void applyTo(LiveMix mix) {
            mix.replaceChain(place, chain);
        }
    }

    /** A track's stem is ready: its strip, made and prepared on the control side, replaces the silent one. */
    record Join(int track, LiveStrip strip, long stemFrames) implements MixChange {
        @Override
        public void applyTo(LiveMix mix) {
            mix.joinStrip(track, strip, stemFrames);
        }
    }

    /** The target to compare with arrives. */
    record Target(AudioBuffer mixed) implements MixChange {
        @Override
        public void applyTo(LiveMix mix) {
            mix.takeTarget(mixed);
        }
    }

    /** The master fader moves. */
    record MasterFader(Param gainDb) implements MixChange {
        @Override
        public void applyTo(LiveMix mix) {
            mix.setMasterFader(gainDb);
        }
    }

    /** The reverb or the delay bus's return fader moves. */
    record ReturnFader(LiveMix.Place bus, Param gainDb) implements MixChange {
        @Override
        public void applyTo(LiveMix mix) {
            mix.setReturnFader(bus, gainDb);
        }
    }

    /** Playback starts (or resumes). */
    record Play() implements MixChange {
        @Override
        public void applyTo(LiveMix mix) {
            mix.startPlaying();
        }
    }

    /** Playback stops, fading out. */
    record Stop() implements MixChange {
        @Override
        public void applyTo(LiveMix mix) {
            mix.stopPlaying();
        }
    }

    /** The playhead jumps to a frame. */
    record Seek(long frame) implements MixChange {
        @Override
        public void applyTo(LiveMix mix) {
            mix.seekTo(frame);
        }
    }

    /** Playback loops between two frames; {@code endFrameExclusive} &lt; 0 removes the loop. */
    record Loop(long startFrame, long endFrameExclusive) implements MixChange {
        @Override
        public void applyTo(LiveMix mix) {
            mix.loopBetween(startFrame, endFrameExclusive);
        }
    }

    /** The target is heard instead of the mix (or not), crossfading at the same position. */
    record HearTarget(boolean target) implements MixChange {
        @Override
        public void applyTo(LiveMix mix) {
            mix.selectTarget(target);
        }
    }

    /** The target's gain, as a linear factor (level matching). */
    record TargetGain(double gain) implements MixChange {
        @Override
        public void applyTo(LiveMix mix) {
            mix.setTargetGain(gain);
        }
    }
}
