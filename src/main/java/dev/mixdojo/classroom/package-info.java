/** Assignments, results files and the gradebook. */
package dev.mixdojo.classroom;
