package dev.mixdojo.material;

import java.util.List;

/**
 * What a drill needs to know to choose fair material: the material's name, title, kind
 * ({@code song}, {@code signal} or {@code imported}), style, length in seconds, and per stem its
 * role and energy per octave band.
 */
public record CatalogEntry(String name, String title, String kind, String style, double durationS, List<StemInfo> stems) {
    /** Copies the stem list. */
    public CatalogEntry {
        stems = List.copyOf(stems);
    }

    /** The distinct roles of the stems, in stem order. */
    public List<Role> roles() {
        return stems.stream().map(StemInfo::role).distinct().toList();
    }

    /**
     * One stem: name, role, channel count and energy per octave band in dB relative to the stem's
     * total ({@link BandEnergy#CENTRES_HZ} order).
     */
    public record StemInfo(String name, Role role, int channels, List<Double> bandEnergyDb) {
        /** Copies the band list. */
        public StemInfo {
            bandEnergyDb = List.copyOf(bandEnergyDb);
        }

        /** The energy (dB re total) of the octave band containing the frequency; the floor outside 44 Hz … 22.6 kHz. */
        public double bandEnergyDbAt(double frequencyHz) {
            for (int b = 0; b < BandEnergy.CENTRES_HZ.size(); b++) {
                double centre = BandEnergy.CENTRES_HZ.get(b);
                if (frequencyHz >= centre / Math.sqrt(2) && frequencyHz < centre * Math.sqrt(2)) {
                    return bandEnergyDb.get(b);
                }
            }
            return BandEnergy.FLOOR_DB;
        }
    }

    /** Catalog data of a rendered or imported multitrack. */
    static CatalogEntry of(Multitrack multitrack, String title, String kind, String style) {
        List<StemInfo> stems = multitrack.stems().stream()
                .map(s -> new StemInfo(s.name(), s.role(), s.audio().channelCount(),
                        BandEnergy.octaveBandsDb(s.audio()).stream().map(db -> Math.round(db * 10) / 10.0).toList()))
                .toList();
        return new CatalogEntry(multitrack.name(), title, kind, style, Math.round(multitrack.mix().durationS() * 100) / 100.0, stems);
    }
}
