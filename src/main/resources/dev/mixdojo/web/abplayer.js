// MixDojo live: instant, gapless A/B. Both versions are decoded before play; they run together, looping, from
// the same moment, and switching only moves two gains (a 10 ms crossfade), so the position never jumps and
// there is no click. The versions arrive loudness-matched from the teacher's MixDojo, as the app plays them.
"use strict";

class AbPlayer {
  constructor() {
    this.context = null;
    this.buffers = null;
    this.sources = [];
    this.gains = null;
    this.active = "a";
    this.playing = false;
    this.onchange = () => {};
  }

  /** Fetches and decodes both versions; resolves when both are ready. */
  async load(urlA, urlB, headers) {
    this.stop();
    this.buffers = null;
    const context = this.audioContext();
    const decode = async (url) => {
      const response = await fetch(url, { headers: headers || {} });
      if (!response.ok) {
        throw new Error("the audio could not be loaded (" + response.status + ")");
      }
      return context.decodeAudioData(await response.arrayBuffer());
    };
    const [a, b] = await Promise.all([decode(urlA), decode(urlB)]);
    this.buffers = { a, b };
    this.onchange();
  }

  ready() {
    return this.buffers !== null;
  }

  audioContext() {
    if (!this.context) {
      this.context = new (window.AudioContext || window.webkitAudioContext)();
    }
    return this.context;
  }

  toggle() {
    if (this.playing) {
      this.stop();
    } else {
      this.play();
    }
  }

  play() {
    if (!this.buffers || this.playing) {
      return;
    }
    const context = this.audioContext();
    context.resume();
    const start = context.currentTime + 0.05;
    this.gains = {};
    this.sources = [];
    for (const letter of ["a", "b"]) {
      const gain = context.createGain();
      gain.gain.value = letter === this.active ? 1 : 0;
      gain.connect(context.destination);
      const source = context.createBufferSource();
      source.buffer = this.buffers[letter];
      source.loop = true;
      source.connect(gain);
      source.start(start);
      this.gains[letter] = gain;
      this.sources.push(source);
    }
    this.playing = true;
    this.onchange();
  }

  stop() {
    for (const source of this.sources) {
      try {
        source.stop();
      } catch (e) {
        // already stopped
      }
    }
    this.sources = [];
    this.gains = null;
    this.playing = false;
    this.onchange();
  }

  /** Switches to version "a" or "b" at once, at the same position. */
  select(letter) {
    this.active = letter;
    if (this.gains) {
      const now = this.context.currentTime;
      for (const l of ["a", "b"]) {
        const g = this.gains[l].gain;
        g.cancelScheduledValues(now);
        g.setValueAtTime(g.value, now);
        g.linearRampToValueAtTime(l === letter ? 1 : 0, now + 0.01);
      }
    }
    this.onchange();
  }

  switchVersion() {
    this.select(this.active === "a" ? "b" : "a");
  }
}
