// The step timer: it lives on the server (/api/me/timer), so a reload or another device shows the
// same one; the page only counts the seconds between answers.
import { $, api, send, logChanged, problemText } from './api.js';

const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const TITLE = document.title;
let running = null;
/** The timer as last read, and when (the page's own clock), to count on from. */
let readAt = 0;
let ticker = null;

function clock(seconds) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

function tick() {
  if (!running) {
    document.title = TITLE;
    return;
  }
  const seconds = running.elapsedSeconds + Math.floor((performance.now() - readAt) / 1000);
  const mode = running.mode === 'CRAFT' ? 'craft' : 'execution';
  $('timer-running').textContent = `Timing ${running.activity} (${mode}${running.tool ? `, ${running.tool}` : ''}):`
    + ` ${clock(seconds)}`;
  document.title = `${clock(seconds)} ${running.activity} · ${TITLE}`;
}

function show(timer) {
  running = timer && timer.running ? timer : null;
  readAt = performance.now();
  $('timer-controls').hidden = !running;
  $('timer-switch').hidden = !running;
  $('timer-start').hidden = Boolean(running);
  $('timer-ask').hidden = true;
  if (!running) {
    $('timer-running').textContent = 'No timer is running.';
  }
  tick();
}

async function refresh() {
  const answer = await api('/me/timer');
  if (answer.status === 200) {
    show(answer.body);
  }
}

function request() {
  const body = { activity: $('timer-activity').value.trim(), mode: $('timer-mode').value };
  if ($('timer-tool').value.trim()) {
    body.tool = $('timer-tool').value.trim();
  }
  return body;
}

async function start(switching) {
  $('timer-error').textContent = '';
  if (!$('timer-activity').value.trim()) {
    $('timer-error').textContent = 'Enter the activity you are starting.';
    $('timer-activity').focus();
    return;
  }
  const query = switching ? `?switch=true&zone=${encodeURIComponent(ZONE)}` : '';
  const answer = await send('PUT', `/me/timer${query}`, request());
  if (answer.status === 200) {
    show(answer.body);
    if (switching) {
      logChanged();
    }
    return;
  }
  failed(answer, () => start(switching));
}

async function stop(save, confirm = false) {
  $('timer-error').textContent = '';
  const query = save ? `?zone=${encodeURIComponent(ZONE)}${confirm ? '&confirm=true' : ''}` : '?save=false';
  const answer = await api(`/me/timer${query}`, { method: 'DELETE' });
  if (answer.status === 200 || answer.status === 204) {
    show(null);
    if (answer.status === 200) {
      const step = answer.body.steps[answer.body.steps.length - 1];
      $('timer-running').textContent = `Saved ${step.minutes} minutes of ${step.activity} in "${answer.body.title}".`;
      logChanged();
    }
    return;
  }
  failed(answer, () => stop(true, true));
}

/** A 409 that asks (an overnight or long timer) offers to go on; anything else is said. */
function failed(answer, goOn) {
  const text = problemText(answer);
  if (answer.status === 409 && /confirm=true/.test(text)) {
    $('timer-question').textContent = 'This timer ran past midnight or for a very long time. Was it left running '
      + 'by mistake? Save it anyway, or drop it.';
    $('timer-ask').hidden = false;
    $('timer-confirm').onclick = goOn;
    $('timer-confirm').focus();
    return;
  }
  // The server's detail already names each field at fault.
  $('timer-error').textContent = text;
  refresh();
}

/** Shows the signed-in worker's timer, counting on each second. */
export async function startTimer() {
  await refresh();
  clearInterval(ticker);
  ticker = setInterval(tick, 1000);
}

/** Forgets the signed-out worker's timer (it keeps running on the server). */
export function forgetTimer() {
  clearInterval(ticker);
  running = null;
  document.title = TITLE;
  $('timer-form').reset();
  ['timer-running', 'timer-error', 'timer-question'].forEach((id) => { $(id).textContent = ''; });
  $('timer-ask').hidden = true;
  $('timer-controls').hidden = true;
}

$('timer-form').addEventListener('submit', (event) => {
  event.preventDefault();
  start(false);
});
$('timer-switch').addEventListener('click', () => start(true));
$('timer-stop').addEventListener('click', () => stop(true));
$('timer-drop').addEventListener('click', () => stop(false));
$('timer-drop-asked').addEventListener('click', () => stop(false));
document.addEventListener('keydown', (event) => {
  const altT = event.altKey && !event.ctrlKey && !event.metaKey
    && (event.code === 'KeyT' || event.key.toLowerCase() === 't');
  if (altT && !$('timer').hidden) {
    event.preventDefault();
    if (running) {
      stop(true);
    } else {
      start(false);
    }
  }
});
