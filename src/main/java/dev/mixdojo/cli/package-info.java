/** The command line (picocli): parses arguments, calls the layers below, prints results. */
package dev.mixdojo.cli;
