/**
 * The live classroom's web server (a shell, like {@code cli} and {@code ui}): the student's page and the
 * teacher's projector page, served by Javalin with WebSockets, with the session's limits on who may connect,
 * how much and how often. The only package that uses Javalin or Jetty.
 */
package dev.mixdojo.web;
