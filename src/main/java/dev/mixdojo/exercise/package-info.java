/** Question kinds, generators, graders, honest A/B rendering and adaptive difficulty. */
package dev.mixdojo.exercise;
