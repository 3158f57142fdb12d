/** Mix sessions: stems with channel strips, rendered offline or played live. */
package dev.mixdojo.mix;
