/** Shared by every layer: the bad-input exception and warnings. Depends on nothing. */
package dev.mixdojo.base;
