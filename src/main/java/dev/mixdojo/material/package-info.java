/** Exercise audio: the built-in song generator, imported multitracks and the catalog. */
package dev.mixdojo.material;
