// Craftline's page: plain modules, talking to the public API only. Kept in this browser until the
// person signs out: the token and who it signs in (localStorage, so that the page opens offline) and
// the entries waiting for the network (IndexedDB, outbox.js). A service worker (sw.js) keeps the
// page's own files, never an API answer, so that the page opens without a network.
import { $, api, TOKEN_KEY, ME_KEY, NO_ANSWER, isoDate } from './api.js';
import { sendWaiting, showWaiting, forgetWaiting, keepOnlyFor } from './outbox.js';
import { startDay, forgetDay } from './day.js';
import { startTrend, forgetTrend } from './trend.js';
import { startImport, forgetImport } from './imports.js';
import { startTimer, forgetTimer } from './timer.js';
import { startPeople, startOwnTokens, forgetPeople, loadTeams } from './people.js';

/** Whether the page opened without the server: it opens again, fully, when the network is back. */
let openedOffline = false;

function showSignedOut(message = '') {
  forgetDay();
  forgetTrend();
  forgetImport();
  forgetTimer();
  forgetPeople();
  $('account').hidden = true;
  $('home').hidden = true;
  $('import').hidden = true;
  $('timer').hidden = true;
  $('people').hidden = true;
  $('trend').hidden = true;
  $('sign-in').hidden = false;
  $('token-error').textContent = message;
  $('token').value = '';
}

/**
 * Asks the server who the token signs in and shows the page for them; without a network, shows it
 * for whom it signed in last, so that entries can be kept until the network is back.
 */
async function showSignedIn() {
  const me = await api('/me');
  const remembered = JSON.parse(localStorage.getItem(ME_KEY) || 'null');
  if (me.offline && remembered) {
    openedOffline = true;
    await showPage(remembered);
    return;
  }
  if (me.status !== 200) {
    if (me.status === 401) {
      localStorage.removeItem(TOKEN_KEY);
      localStorage.removeItem(ME_KEY);
    }
    showSignedOut(me.status === 401 ? 'That token was not accepted: it may be mistyped, expired or revoked.'
      : me.offline ? NO_ANSWER : `The server answered ${me.status}; try again in a moment.`);
    return;
  }
  openedOffline = false;
  localStorage.setItem(ME_KEY, JSON.stringify({ handle: me.body.handle, role: me.body.role }));
  await keepOnlyFor(me.body.handle);
  await showPage(me.body);
  await sendWaiting();
}

/**
 * Shows what the token's role may use: workers (and admins acting as one) log their day; the
 * trend is the worker's own for workers and a team's for analysts and admins.
 */
async function showPage({ handle, role }) {
  $('who').textContent = `Signed in as ${handle || 'the admin'} (${role.toLowerCase()})`;
  $('account').hidden = false;
  $('sign-in').hidden = true;
  showWaiting(openedOffline ? 'No network: this is the copy of the page kept in this browser.' : '');
  const today = new Date();
  const yearAgo = new Date(today.getFullYear() - 1, today.getMonth(), today.getDate() + 1);
  startTrend({ handle, role }, isoDate(yearAgo), isoDate(today));
  $('trend').hidden = false;
  const logs = role === 'WORKER' || (role === 'ADMIN' && handle);
  $('home').hidden = !logs;
  $('import').hidden = !logs;
  // The timer is a worker's own: it runs on a worker token, as the person works.
  $('timer').hidden = role !== 'WORKER';
  $('people').hidden = role !== 'ADMIN';
  // Tokens: the admin's for the worker picked among people; a worker's own, after their day's work.
  (role === 'ADMIN' ? $('people') : $('trend')).after($('tokens'));
  if (role === 'ADMIN') {
    startPeople();
  } else if (role === 'WORKER') {
    startOwnTokens(handle);
  } else if (role === 'ANALYST') {
    loadTeams();
  }
  if (logs) {
    await Promise.all([startDay(handle, isoDate(today)), startImport(handle, role === 'WORKER'),
      role === 'WORKER' ? startTimer() : null]);
  }
}

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const token = $('token').value.trim();
  if (!token) {
    $('token-error').textContent = 'Paste your token first.';
    $('token').focus();
    return;
  }
  localStorage.setItem(TOKEN_KEY, token);
  await showSignedIn();
});

$('sign-out').addEventListener('click', async () => {
  const count = await showWaiting();
  if (count && !window.confirm(`${count === 1 ? '1 entry has' : `${count} entries have`} not reached the server `
    + `yet. Signing out deletes ${count === 1 ? 'it' : 'them'} from this browser. Sign out anyway?`)) {
    return;
  }
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(ME_KEY);
  await forgetWaiting();
  showSignedOut();
  $('token').focus();
});

// Back online: the waiting entries go, and a page that opened without the server now loads all it shows.
window.addEventListener('online', () => {
  if (openedOffline && localStorage.getItem(TOKEN_KEY)) {
    showSignedIn();
  }
});

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch(() => {
    // Without it the page works as before; it only will not open without a network.
  });
}

if (localStorage.getItem(TOKEN_KEY)) {
  showSignedIn();
} else {
  showSignedOut();
}
