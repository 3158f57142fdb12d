// MixDojo live: the teacher's projector page (this computer only). Shows how to join, who is there and who
// answered, reveals with the class's answers; in the room it plays the question's A/B through this computer.
"use strict";

const $ = (id) => document.getElementById(id);
const token = location.hash.slice(1);
const headers = { Authorization: "Bearer " + token };
const player = new AbPlayer();
let socket = null;
let last = null;
let audioFor = 0;

function connect() {
  socket = new WebSocket("ws://" + location.host + "/ws/teacher?token=" + encodeURIComponent(token));
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    if (message.type === "projector") {
      render(message);
    } else if (message.type === "counts" && last && message.questionNumber === last.questionNumber) {
      $("connected").textContent = message.connected;
      $("answered").textContent = message.answered;
    }
  };
  socket.onclose = () => {
    if (!last || last.phase !== "ended") {
      setTimeout(connect, 1000);
    }
  };
}

function command(type, extra) {
  if (socket && socket.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify(Object.assign({ type }, extra || {})));
  }
}

async function loadQr() {
  const response = await fetch("/api/teacher/qr.svg", { headers });
  if (response.ok) {
    $("qr").innerHTML = await response.text();
  }
}

function render(state) {
  last = state;
  $("title").textContent = state.title;
  showAddress($("join-address"), state.joinAddress);
  $("code").textContent = state.code;
  const room = state.mode === "room";
  $("mode").textContent = (room ? "Room: play A/B to everyone" : "Own headphones: everyone at their own pace")
      + " · " + state.assignmentMode + " · " + state.questionCount + " questions";
  $("connected").textContent = state.connected;
  $("answered").textContent = state.answered;
  if (room) {
    $("question-number").textContent = state.questionNumber === 0 ? "No question yet"
        : "Question " + state.questionNumber + " of " + state.questionCount
          + (state.phase === "preparing" ? " — preparing…" : state.phase === "revealed" ? " — revealed" : "");
    $("prompt").textContent = state.prompt;
  } else {
    $("question-number").textContent = "Everyone works at their own pace";
    $("prompt").textContent = "";
    document.querySelector(".counts small").textContent = "answers from";
  }
  $("reveal").hidden = !room;
  $("next").hidden = !room;
  $("reveal").disabled = state.phase !== "open";
  $("next").disabled = state.phase === "preparing" || state.phase === "ended";
  $("next").textContent = state.questionNumber >= state.questionCount && room ? "Finish (N)" : "Next question (N)";
  $("end").disabled = state.phase === "ended";
  for (const id of ["play", "ab-a", "ab-b"]) {
    $(id).hidden = !room || state.questionNumber === 0;
  }
  if (room && state.questionNumber > 0 && state.phase !== "preparing" && state.phase !== "failed"
      && audioFor !== state.questionNumber) {
    audioFor = state.questionNumber;
    player.load("/api/teacher/audio/" + audioFor + "/a", "/api/teacher/audio/" + audioFor + "/b", headers)
        .then(() => player.select("a"))
        .catch(() => { audioFor = 0; });
  }
  renderHistogram(state.histogram);
  $("problems").textContent = state.problems.join(" ");
  const seats = $("seats");
  seats.textContent = "";
  for (const seat of state.seats) {
    const chip = document.createElement("button");
    chip.type = "button";
    chip.className = "seat" + (seat.connected ? " connected" : "")
        + ((room ? seat.answeredOpen : seat.answers === state.questionCount) ? " answered" : "");
    chip.textContent = seat.name + (room ? "" : " " + seat.answers + "/" + state.questionCount)
        + (seat.handedIn ? " ♪" : "");
    chip.title = "Remove " + seat.name + "'s device";
    chip.onclick = () => {
      if (confirm("Remove " + seat.name + "'s device from the session? Their answers stay; they can join again.")) {
        command("remove", { id: seat.id });
      }
    };
    seats.appendChild(chip);
  }
  if (state.phase === "ended") {
    $("question-number").textContent = "The session has ended. Results are saved.";
    player.stop();
  }
}

// The address may break only after a separator: a break inside a number reads as two numbers.
function showAddress(element, address) {
  if (element.dataset.address === address) {
    return;
  }
  element.dataset.address = address;
  element.textContent = "";
  for (const part of address.split(/(?<=[/.:])/)) {
    element.append(part, document.createElement("wbr"));
  }
}

function renderHistogram(histogram) {
  const box = $("histogram");
  box.textContent = "";
  box.hidden = !histogram;
  $("truth").hidden = !histogram;
  if (!histogram) {
    return;
  }
  $("truth").textContent = "Answer: " + histogram.truth;
  const most = Math.max(1, ...histogram.bars.map((b) => b.count));
  for (const bar of histogram.bars) {
    const column = document.createElement("div");
    column.className = "bar" + (bar.truth ? " truth" : "");
    const count = document.createElement("div");
    count.className = "count";
    count.textContent = bar.count;
    const fill = document.createElement("div");
    fill.className = "fill";
    fill.style.height = (80 * bar.count / most) + "%";
    const label = document.createElement("div");
    label.className = "label";
    label.textContent = bar.label;
    column.append(count, fill, label);
    box.appendChild(column);
  }
}

function updatePlayer() {
  $("play").textContent = player.playing ? "Stop (Space)" : "Play (Space)";
  $("ab-a").classList.toggle("on", player.active === "a");
  $("ab-b").classList.toggle("on", player.active === "b");
}

player.onchange = updatePlayer;
$("play").onclick = () => player.toggle();
$("ab-a").onclick = () => player.select("a");
$("ab-b").onclick = () => player.select("b");
$("reveal").onclick = () => command("reveal");
$("next").onclick = () => command("next");
$("end").onclick = () => {
  if (confirm("End the session? Students can no longer answer.")) {
    command("end");
  }
};
document.addEventListener("keydown", (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey) {
    return;
  }
  const key = e.key.toLowerCase();
  if (key === " ") {
    player.toggle();
  } else if (key === "a" || key === "b") {
    player.select(key);
  } else if (key === "tab") {
    player.switchVersion();
  } else if (key === "r") {
    command("reveal");
  } else if (key === "n" || key === "pagedown") {
    command("next");
  } else {
    return;
  }
  e.preventDefault();
});
loadQr();
connect();
