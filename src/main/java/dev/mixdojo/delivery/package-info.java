/** Checking a stem delivery (a folder of stems, notes and a rough mix) before mixing starts. */
package dev.mixdojo.delivery;
