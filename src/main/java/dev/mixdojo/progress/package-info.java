/** The append-only attempt log and the skill state rebuilt from it. */
package dev.mixdojo.progress;
