/** Dynamics: feed-forward log-domain compressor, limiter, expander and gate (Giannoulis, Massberg &amp; Reiss 2012). */
package dev.mixdojo.dsp.dynamics;
