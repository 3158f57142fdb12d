// MixDojo live: the student's page. Joins with the code and a name, keeps its token in this browser (a reload
// or a lost connection goes on where it was), shows what the teacher's session says, and sends answers.
"use strict";

const KEY = "mixdojo.live";
const $ = (id) => document.getElementById(id);
const state = {
  token: null, name: "", info: null, socket: null, view: null, shownNumber: 0, answer: null,
  awaitingOutcome: 0, retry: 0, player: new AbPlayer(), audioFor: 0,
};

function saved() {
  try {
    return JSON.parse(localStorage.getItem(KEY) || "null");
  } catch (e) {
    return null;
  }
}

function save() {
  localStorage.setItem(KEY, JSON.stringify({ token: state.token, name: state.name }));
}

function forget() {
  localStorage.removeItem(KEY);
  state.token = null;
}

function showJoin(message) {
  $("session").hidden = true;
  $("join").hidden = false;
  $("join-message").textContent = message || "";
  const code = new URLSearchParams(location.hash.slice(1)).get("code");
  if (code && !$("code").value) {
    $("code").value = code;
  }
  ($("code").value ? $("name") : $("code")).focus();
}

async function join(event) {
  event.preventDefault();
  $("join-button").disabled = true;
  try {
    const response = await fetch("/api/join", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ code: $("code").value, name: $("name").value }),
    });
    const body = await response.json();
    if (!response.ok) {
      showJoin(body.message);
      return;
    }
    state.token = body.token;
    state.name = body.name;
    state.info = body;
    save();
    connect();
  } catch (e) {
    showJoin("The session cannot be reached; check that you are on the room's network.");
  } finally {
    $("join-button").disabled = false;
  }
}

async function resume() {
  const kept = saved();
  if (!kept || !kept.token) {
    showJoin();
    return;
  }
  state.token = kept.token;
  state.name = kept.name;
  try {
    const response = await fetch("/api/me", { headers: { Authorization: "Bearer " + state.token } });
    if (response.status === 401) {
      forget();
      showJoin("Join the session.");
      return;
    }
    if (response.ok) {
      state.info = await response.json();
    }
  } catch (e) {
    // The server may be restarting: try the socket anyway, it retries.
  }
  connect();
}

function connect() {
  $("join").hidden = true;
  $("session").hidden = false;
  $("who").textContent = state.name;
  const socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host
      + "/ws/student?token=" + encodeURIComponent(state.token));
  state.socket = socket;
  socket.onopen = () => {
    state.retry = 0;
    $("message").textContent = "";
  };
  socket.onmessage = (event) => receive(JSON.parse(event.data));
  socket.onclose = (event) => {
    if (state.socket !== socket || !state.token) {
      return;
    }
    if (event.code === 4001) {
      return;
    }
    $("message").textContent = "Connection lost; reconnecting…";
    const delay = Math.min(10000, 500 * 2 ** state.retry++);
    setTimeout(resume, delay);
  };
}

function receive(message) {
  if (message.type === "info") {
    state.info = message;
    $("title").textContent = message.title;
    $("homework").hidden = !message.homework;
  } else if (message.type === "view") {
    render(message);
  } else if (message.type === "refused") {
    if (message.reason === "UNKNOWN_TOKEN") {
      forget();
      showJoin(message.message);
      return;
    }
    $("message").textContent = message.message;
    $("send").disabled = state.answer === null;
  }
}

const STATUS = {
  waiting: "Waiting for the teacher to open a question…",
  preparing: "Preparing the question…",
  answering: "",
  answered: "Answer sent. Waiting for the teacher to reveal it.",
  revealed: "",
  finished: "All done. Thank you!",
  removed: "",
};

function render(view) {
  state.view = view;
  $("who").textContent = view.name;
  $("status").textContent = STATUS[view.phase] || "";
  $("message").textContent = view.message || "";
  if (view.phase === "removed") {
    forget();
    $("question").hidden = true;
    $("outcome").hidden = true;
    $("status").textContent = view.message;
    return;
  }
  // Own headphones: after an answer, its outcome stays until the student asks for the next question.
  if (state.awaitingOutcome && view.last && view.last.number === state.awaitingOutcome) {
    showOutcome(view.last, true);
    $("question").hidden = true;
    return;
  }
  const asked = view.asked;
  if (!asked) {
    $("question").hidden = true;
    $("outcome").hidden = !(view.phase === "finished" && view.last && view.last.outcome);
    if (!$("outcome").hidden) {
      showOutcome(view.last, false);
    }
    return;
  }
  showQuestion(asked, view.phase === "answering");
  if (view.phase === "revealed") {
    showOutcome(asked, false);
  } else {
    $("outcome").hidden = true;
  }
}

function showQuestion(asked, open) {
  $("question").hidden = false;
  const total = state.info ? state.info.questionCount : "?";
  $("number").textContent = "Question " + asked.number + " of " + total;
  $("prompt").textContent = asked.prompt;
  $("hint").textContent = asked.hint || "";
  if (state.shownNumber !== asked.number) {
    state.shownNumber = asked.number;
    state.answer = null;
    buildAnswer(asked.form);
  }
  if (asked.audio) {
    $("player").hidden = false;
    loadAudio(asked.number);
  } else {
    $("player").hidden = true;
    state.player.stop();
  }
  const area = $("answer-area");
  area.querySelectorAll("button, input").forEach((el) => { el.disabled = !open; });
  $("send").hidden = !open;
  $("send").disabled = !open || state.answer === null;
  if (!open && asked.yourAnswer) {
    $("status").textContent = (STATUS[state.view.phase] || "") + " Your answer: " + asked.yourAnswer + ".";
  }
}

function showOutcome(asked, withNext) {
  $("outcome").hidden = false;
  const box = $("outcome");
  const text = $("outcome-text");
  box.classList.remove("right", "wrong");
  if (asked.outcome) {
    box.classList.add(asked.outcome.correct ? "right" : "wrong");
    text.textContent = "Question " + asked.number + ": the answer is " + asked.outcome.truth + ". "
        + (asked.yourAnswer ? "You said " + asked.yourAnswer + ". " : "") + asked.outcome.feedback;
  } else {
    text.textContent = "Answer recorded" + (asked.yourAnswer ? ": " + asked.yourAnswer : "") + ".";
  }
  $("next").hidden = !withNext;
}

function buildAnswer(form) {
  const area = $("answer-area");
  area.textContent = "";
  if (form.kind === "choice") {
    const grid = document.createElement("div");
    grid.className = "choices";
    for (const label of form.options) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = label;
      button.dataset.label = label;
      button.onclick = () => {
        grid.querySelectorAll("button").forEach((b) => b.classList.toggle("chosen", b === button));
        choose({ chosen: label });
      };
      grid.appendChild(button);
    }
    area.appendChild(grid);
  } else if (form.kind === "value") {
    area.appendChild(dial(null, form.steps, (value) => choose({ value })));
  } else if (form.kind === "settings") {
    const values = {};
    for (const setting of form.settings) {
      area.appendChild(dial(setting.name, setting.steps, (value) => {
        values[setting.name] = value;
        if (Object.keys(values).length === form.settings.length) {
          choose({ settings: Object.assign({}, values) });
        }
      }));
    }
  } else if (form.kind === "curve") {
    area.appendChild(curve(form));
  }
}

function dial(name, steps, onValue) {
  const box = document.createElement("div");
  box.className = "dial";
  if (name) {
    const label = document.createElement("label");
    label.textContent = name;
    box.appendChild(label);
  }
  const output = document.createElement("output");
  output.textContent = "Move the slider";
  const input = document.createElement("input");
  input.type = "range";
  input.min = 0;
  input.max = steps.length - 1;
  input.step = 1;
  input.value = Math.floor((steps.length - 1) / 2);
  input.oninput = () => {
    const step = steps[Number(input.value)];
    output.textContent = step[1];
    onValue(step[0]);
  };
  box.appendChild(output);
  box.appendChild(input);
  return box;
}

function curve(form) {
  const box = document.createElement("div");
  const canvas = document.createElement("canvas");
  canvas.className = "curve";
  canvas.width = 600;
  canvas.height = 200;
  const points = [];
  const draw = () => {
    const g = canvas.getContext("2d");
    g.clearRect(0, 0, canvas.width, canvas.height);
    g.strokeStyle = "#ccc";
    g.beginPath();
    g.moveTo(0, canvas.height / 2);
    g.lineTo(canvas.width, canvas.height / 2);
    g.stroke();
    g.fillStyle = "#666";
    g.font = "16px sans-serif";
    g.fillText(form.maxLabel, 4, 18);
    g.fillText(form.minLabel, 4, canvas.height - 6);
    g.strokeStyle = "#1b1b1b";
    g.lineWidth = 3;
    g.beginPath();
    points.forEach((p, i) => {
      const x = (p[0] / form.durationS) * canvas.width;
      const y = (1 - (p[1] - form.min) / (form.max - form.min)) * canvas.height;
      if (i === 0) {
        g.moveTo(x, y);
      } else {
        g.lineTo(x, y);
      }
    });
    g.stroke();
  };
  let drawing = false;
  const add = (event) => {
    const r = canvas.getBoundingClientRect();
    const t = Math.min(1, Math.max(0, (event.clientX - r.left) / r.width)) * form.durationS;
    const v = form.min + Math.min(1, Math.max(0, 1 - (event.clientY - r.top) / r.height)) * (form.max - form.min);
    if (points.length === 0 || t > points[points.length - 1][0]) {
      points.push([t, v]);
      if (points.length > 900) {
        points.splice(1, 1);
      }
    }
    draw();
    choose({ points: points.slice() });
  };
  canvas.onpointerdown = (e) => { drawing = true; points.length = 0; canvas.setPointerCapture(e.pointerId); add(e); };
  canvas.onpointermove = (e) => { if (drawing) { add(e); } };
  canvas.onpointerup = () => { drawing = false; };
  draw();
  box.appendChild(canvas);
  const help = document.createElement("p");
  help.className = "hint";
  help.textContent = "Draw from left to right how the level moved.";
  box.appendChild(help);
  return box;
}

function choose(answer) {
  state.answer = answer;
  $("send").disabled = false;
}

function send() {
  if (!state.answer || !state.socket || state.socket.readyState !== WebSocket.OPEN || !state.view.asked) {
    return;
  }
  $("send").disabled = true;
  if (state.info && state.info.mode === "own-headphones") {
    state.awaitingOutcome = state.view.asked.number;
  }
  state.socket.send(JSON.stringify({ type: "answer", number: state.view.asked.number, answer: state.answer }));
}

async function loadAudio(number) {
  if (state.audioFor === number) {
    return;
  }
  state.audioFor = number;
  $("play").disabled = true;
  $("play").textContent = "Loading…";
  const headers = { Authorization: "Bearer " + state.token };
  try {
    await state.player.load("/api/audio/" + number + "/a", "/api/audio/" + number + "/b", headers);
    $("play").disabled = false;
    state.player.select("a");
  } catch (e) {
    state.audioFor = 0;
    $("message").textContent = "The audio could not be loaded; reload the page.";
  }
  updatePlayer();
}

function updatePlayer() {
  $("play").textContent = state.player.playing ? "Stop" : "Play";
  $("ab-a").classList.toggle("on", state.player.active === "a");
  $("ab-b").classList.toggle("on", state.player.active === "b");
}

async function upload() {
  const file = $("mix-file").files[0];
  if (!file) {
    $("homework-message").textContent = "Choose your mix first.";
    return;
  }
  $("upload").disabled = true;
  $("homework-message").textContent = "Sending " + file.name + "…";
  try {
    const response = await fetch("/api/mix?file=" + encodeURIComponent(file.name), {
      method: "POST", headers: { Authorization: "Bearer " + state.token, "Content-Type": "application/octet-stream" },
      body: file,
    });
    const body = await response.json();
    $("homework-message").textContent = response.ok ? "Handed in as " + body.file + "." : body.message;
  } catch (e) {
    $("homework-message").textContent = "The upload broke off; try again.";
  } finally {
    $("upload").disabled = false;
  }
}

state.player.onchange = updatePlayer;
$("join-form").addEventListener("submit", join);
$("send").addEventListener("click", send);
$("play").addEventListener("click", () => state.player.toggle());
$("ab-a").addEventListener("click", () => state.player.select("a"));
$("ab-b").addEventListener("click", () => state.player.select("b"));
$("upload").addEventListener("click", upload);
$("next").addEventListener("click", () => {
  state.awaitingOutcome = 0;
  $("outcome").hidden = true;
  render(state.view);
});
resume();
