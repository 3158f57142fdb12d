/** Processors (the prepare/process/reset contract) and the chain vocabulary. */
package dev.mixdojo.dsp;
