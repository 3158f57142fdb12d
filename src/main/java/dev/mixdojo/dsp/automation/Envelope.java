package dev.mixdojo.dsp.automation;

import dev.mixdojo.base.BadInputException;
import java.util.List;

/**
 * A breakpoint envelope: the value holds at the first point before it, moves along {@code curve}
 * between points and holds at the last point after it. Immutable; times strictly increase.
 */
public record Envelope(List<Breakpoint> points, Curve curve) {
    /** Copies the points; needs at least one, in strictly increasing time order. */
    public Envelope {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new BadInputException("an automation needs at least one [seconds, value] point");
        }
        for (int i = 1; i < points.size(); i++) {
            if (!(points.get(i).timeS() > points.get(i - 1).timeS())) {
                throw new BadInputException("automation times must increase, but " + points.get(i).timeS()
                        + " s follows " + points.get(i - 1).timeS() + " s");
            }
        }
        if (curve == null) {
            throw new BadInputException("an automation needs a curve (linear or smooth)");
        }
    }

    /** The value at {@code seconds} from the start of processing. Allocation-free. */
    public double valueAt(double seconds) {
        List<Breakpoint> p = points;
        int last = p.size() - 1;
        if (seconds <= p.get(0).timeS()) {
            return p.get(0).value();
        }
        if (seconds >= p.get(last).timeS()) {
            return p.get(last).value();
        }
        int low = 0;
        int high = last;
        while (high - low > 1) {
            int mid = (low + high) >>> 1;
            if (p.get(mid).timeS() <= seconds) {
                low = mid;
            } else {
                high = mid;
            }
        }
        Breakpoint a = p.get(low);
        Breakpoint b = p.get(high);
        double fraction = (seconds - a.timeS()) / (b.timeS() - a.timeS());
        return a.value() + (b.value() - a.value()) * curve.shape(fraction);
    }

    /** The smallest value the envelope reaches (curves never overshoot their points). */
    public double min() {
        return points.stream().mapToDouble(Breakpoint::value).min().orElseThrow();
    }

    /** The largest value the envelope reaches. */
    public double max() {
        return points.stream().mapToDouble(Breakpoint::value).max().orElseThrow();
    }
}
