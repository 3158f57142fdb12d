/** Lesson files (YAML) to validated domain objects, and the curriculum. */
package dev.mixdojo.lesson;
