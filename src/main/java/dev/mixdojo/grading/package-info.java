/** Scoring a learner's mix against a target. */
package dev.mixdojo.grading;
