// Craftline's page: plain modules, talking to the public API only. The token is the one piece of
// state kept, in this browser's localStorage, until the person signs out.
import { $, api, TOKEN_KEY, isoDate } from './api.js';
import { startDay, forgetDay } from './day.js';
import { startTrend, forgetTrend } from './trend.js';
import { startImport, forgetImport } from './imports.js';
import { startTimer, forgetTimer } from './timer.js';
import { startPeople, startOwnTokens, forgetPeople, loadTeams } from './people.js';

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
 * Shows what the token's role may use: workers (and admins acting as one) log their day; the
 * trend is the worker's own for workers and a team's for analysts and admins.
 */
async function showSignedIn() {
  const me = await api('/me');
  if (me.status !== 200) {
    localStorage.removeItem(TOKEN_KEY);
    showSignedOut(me.status === 401 ? 'That token was not accepted: it may be mistyped, expired or revoked.'
      : `The server answered ${me.status}; try again in a moment.`);
    return;
  }
  const { handle, role } = me.body;
  $('who').textContent = `Signed in as ${handle || 'the admin'} (${role.toLowerCase()})`;
  $('account').hidden = false;
  $('sign-in').hidden = true;
  const today = new Date();
  const yearAgo = new Date(today.getFullYear() - 1, today.getMonth(), today.getDate() + 1);
  startTrend(me.body, isoDate(yearAgo), isoDate(today));
  $('trend').hidden = false;
  const logs = role === 'WORKER' || (role === 'ADMIN' && handle);
  $('home').hidden = !logs;
  $('import').hidden = !logs;
  // The timer is a worker's own: it runs on a worker token, as the person works.
  $('timer').hidden = role !== 'WORKER';
  $('people').hidden = role !== 'ADMIN';
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

$('sign-out').addEventListener('click', () => {
  localStorage.removeItem(TOKEN_KEY);
  showSignedOut();
  $('token').focus();
});

if (localStorage.getItem(TOKEN_KEY)) {
  showSignedIn();
} else {
  showSignedOut();
}
