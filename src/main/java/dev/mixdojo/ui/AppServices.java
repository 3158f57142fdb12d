package dev.mixdojo.ui;

import dev.mixdojo.base.UserDirectories;

/** What the screens share, passed in through constructors: the audio output and the user's folders. */
public record AppServices(AudioOutput audio, UserDirectories directories) {
}
