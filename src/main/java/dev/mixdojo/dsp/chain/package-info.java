/** Processing chains: the YAML/JSON chain vocabulary (DTO records → validation → settings) and the chain processor. */
package dev.mixdojo.dsp.chain;
