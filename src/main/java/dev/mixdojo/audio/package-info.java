/** Audio in memory, audio files (read, write, stream), resampling and the output device. */
package dev.mixdojo.audio;
