package dev.mixdojo.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The file choosers offer every format MixDojo reads; the Homework's target also a mix session. */
class AudioFileFilterTest {
    @Test
    void theHomeworksChooserTakesEveryAudioFormatAndASession() {
        assertThat(AudioFileFilter.audioOrSession().getExtensions())
                .contains("*.wav", "*.aiff", "*.flac", "*.FLAC", "*.mp3", "*.ogg", "*.m4a", "*.aac", "*.yaml", "*.yml");
        assertThat(AudioFileFilter.audioFiles().getExtensions()).contains("*.mp3", "*.flac").doesNotContain("*.yaml");
    }
}
