package dev.mixdojo.material;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {
    @Test
    void rolesAreGuessedFromTheNamesEngineersGiveStems() {
        assertThat(Role.guess("01 Kick In.wav")).isEqualTo(Role.KICK);
        assertThat(Role.guess("02 Kick Out.wav")).isEqualTo(Role.KICK);
        assertThat(Role.guess("Bass Drum.aif")).isEqualTo(Role.KICK);
        assertThat(Role.guess("03 Snare Top.wav")).isEqualTo(Role.SNARE);
        assertThat(Role.guess("SNR_btm.wav")).isEqualTo(Role.SNARE);
        assertThat(Role.guess("HH.wav")).isEqualTo(Role.HIHAT);
        assertThat(Role.guess("Hi-Hat.wav")).isEqualTo(Role.HIHAT);
        assertThat(Role.guess("OH L.wav")).isEqualTo(Role.ROOM);
        assertThat(Role.guess("Overheads.wav")).isEqualTo(Role.ROOM);
        assertThat(Role.guess("Room Mics.wav")).isEqualTo(Role.ROOM);
        assertThat(Role.guess("Tom 1.wav")).isEqualTo(Role.TOMS);
        assertThat(Role.guess("Bass DI.wav")).isEqualTo(Role.BASS);
        assertThat(Role.guess("SynthBass.wav")).isEqualTo(Role.BASS);
        assertThat(Role.guess("Lead Vox.wav")).isEqualTo(Role.VOCAL);
        assertThat(Role.guess("BVs.wav")).isEqualTo(Role.VOCAL);
        assertThat(Role.guess("Gtr2.wav")).isEqualTo(Role.GUITAR);
        assertThat(Role.guess("Acoustic Guitar.aiff")).isEqualTo(Role.GUITAR);
        assertThat(Role.guess("Rhodes.wav")).isEqualTo(Role.KEYS);
        assertThat(Role.guess("Piano.wav")).isEqualTo(Role.KEYS);
        assertThat(Role.guess("Strings.wav")).isEqualTo(Role.PAD);
        assertThat(Role.guess("Lead Synth.wav")).isEqualTo(Role.SYNTH);
        assertThat(Role.guess("Shaker.wav")).isEqualTo(Role.PERCUSSION);
        assertThat(Role.guess("Rough Mix.wav")).isEqualTo(Role.MIX);
        assertThat(Role.guess("Track 07.wav")).isEqualTo(Role.OTHER);
    }

    @Test
    void commonShortAndRunTogetherStemNamesGetTheirRole() {
        assertThat(Role.guess("bassslap.wav")).isEqualTo(Role.BASS);
        assertThat(Role.guess("Bass Slap.wav")).isEqualTo(Role.BASS);
        assertThat(Role.guess("Sub.wav")).isEqualTo(Role.BASS);
        assertThat(Role.guess("808.wav")).isEqualTo(Role.BASS);
        assertThat(Role.guess("808_Glide.wav")).isEqualTo(Role.BASS);
        assertThat(Role.guess("10_bassdrum02.ogg.wav")).isEqualTo(Role.KICK);
        assertThat(Role.guess("Vox Dbl.wav")).isEqualTo(Role.VOCAL);
        assertThat(Role.guess("BV2.wav")).isEqualTo(Role.VOCAL);
        assertThat(Role.guess("Gtr_L.wav")).isEqualTo(Role.GUITAR);
        assertThat(Role.guess("gtrlead.wav")).isEqualTo(Role.GUITAR);
        assertThat(Role.guess("Keys.wav")).isEqualTo(Role.KEYS);
        assertThat(Role.guess("Synth.wav")).isEqualTo(Role.SYNTH);
        assertThat(Role.guess("FX Riser.wav")).isEqualTo(Role.FX);
        assertThat(Role.guess("fx.wav")).isEqualTo(Role.FX);
        assertThat(Role.guess("Perc.wav")).isEqualTo(Role.PERCUSSION);
        assertThat(Role.guess("OH.wav")).isEqualTo(Role.ROOM);
        assertThat(Role.guess("Room.wav")).isEqualTo(Role.ROOM);
        assertThat(Role.guess("Amb.wav")).isEqualTo(Role.ROOM);
    }

    @Test
    void fileNamesRoundTrip() {
        for (Role role : Role.values()) {
            assertThat(Role.byFileName(role.fileName())).isEqualTo(role);
        }
    }
}
