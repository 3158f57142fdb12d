/**
 * The live classroom's session: who joined with the code, which question is open, every answer graded
 * on the teacher's computer and kept in a signed results file per student, what each student's page and
 * the projector show. Transport-free; the web server ({@code dev.mixdojo.web}) drives it (the app's Projector
 * screen does not start a session yet).
 */
package dev.mixdojo.classroom.live;
