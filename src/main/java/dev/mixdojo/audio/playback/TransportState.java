package dev.mixdojo.audio.playback;

/**
 * Where and whether playback runs, as last asked by the control threads; immutable, swapped
 * whole into an atomic and read by the audio thread at block boundaries. Seeks and starts are
 * events, so each carries a serial number that the audio thread compares with the last one it
 * applied.
 *
 * @param playing whether the user wants sound
 * @param playSerial counts play requests; a new value restarts a run that reached the end
 * @param seekSerial counts seek requests; a new value moves the playhead to {@code seekFrame}
 * @param seekFrame the frame of the latest seek request (≥ 0)
 * @param loop the loop region, or null for none
 */
record TransportState(boolean playing, long playSerial, long seekSerial, long seekFrame, LoopRegion loop) {
    static final TransportState STOPPED_AT_START = new TransportState(false, 0, 0, 0, null);

    TransportState {
        if (seekFrame < 0) {
            throw new IllegalArgumentException("seek frame must be >= 0, got " + seekFrame);
        }
    }

    TransportState play() {
        return new TransportState(true, playSerial + 1, seekSerial, seekFrame, loop);
    }

    TransportState stop() {
        return new TransportState(false, playSerial, seekSerial, seekFrame, loop);
    }

    TransportState seek(long frame) {
        return new TransportState(playing, playSerial, seekSerial + 1, frame, loop);
    }

    TransportState withLoop(LoopRegion newLoop) {
        return new TransportState(playing, playSerial, seekSerial, seekFrame, newLoop);
    }
}
