// Entries that wait for the network. A task or an event saved while the connection is away is kept
// in this browser (IndexedDB) with the Idempotency-Key it was first sent with, and sent again, in
// the order saved, when the network is back. The key makes the server hold each entry once, even
// when a first try reached it and only the answer was lost (keys are kept for the server's
// idempotency.keyTtl, 24 hours by default). Sign-out empties the store. A token that expires
// signs the person out without it: their entries wait for them to sign in again, and whoever else
// signs in on this browser has them deleted unread.
import { $, TOKEN_KEY, ME_KEY, send, newKey, problemText, logChanged } from './api.js';

const DATABASE = 'craftline-outbox';
const STORE = 'waiting';
/**
 * Tries again after 2 s, then twice as long after each round that got no answer, up to 8 s: the
 * browser's "online" event alone is not enough (it says only that some network is there, and not
 * every browser sends it), and a try without a network costs nothing, so entries go within seconds
 * of the network's return.
 */
const FIRST_RETRY_MS = 2000;
const LAST_RETRY_MS = 8000;
let retryMs = FIRST_RETRY_MS;
let opened = null;
let sending = null;
let retry = null;
/** Bumped at sign-out: a sending round that began before never sends another entry. */
let generation = 0;

function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function database() {
  if (!opened) {
    const opening = indexedDB.open(DATABASE, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
    opened = done(opening);
  }
  return opened;
}

async function store(mode) {
  return (await database()).transaction(STORE, mode).objectStore(STORE);
}

async function waiting() {
  return done((await store('readonly')).getAll());
}

function signedIn() {
  return (JSON.parse(localStorage.getItem(ME_KEY) || 'null') || {}).handle || null;
}

/** Deletes, unread, the entries kept for anyone but {@code handle}: they are not this person's to send. */
export async function keepOnlyFor(handle) {
  const others = (await waiting()).filter((entry) => entry.owner !== handle);
  if (others.length) {
    const kept = await store('readwrite');
    await Promise.all(others.map((entry) => done(kept.delete(entry.id))));
  }
}

function plural(count) {
  return count === 1 ? '1 entry is' : `${count} entries are`;
}

/** Says how many entries wait; empty when none does. */
export async function showWaiting(news = '') {
  const count = (await waiting()).length;
  const wait = count ? `${plural(count)} waiting for the network: kept in this browser, sent when it is back.` : '';
  $('outbox').textContent = [news, wait].filter(Boolean).join(' ');
  clearTimeout(retry);
  if (count) {
    retry = setTimeout(sendWaiting, retryMs);
  }
  return count;
}

/**
 * Creates with POST; when no answer comes (no network), keeps the request to send later and
 * resolves as {@link send} does, with {kept: true}. {@code describe} names the entry to its person.
 */
export async function saveOrKeep(path, body, describe) {
  const key = newKey();
  const answer = await send('POST', path, body, { 'Idempotency-Key': key });
  if (!answer.offline) {
    return answer;
  }
  await done((await store('readwrite')).add({ path, body, key, describe, owner: signedIn(),
    keptAt: new Date().toISOString() }));
  retryMs = FIRST_RETRY_MS;
  await showWaiting();
  return { ...answer, kept: true };
}

/** An answer that says "later": no network, the token not accepted yet, the server busy or failing. */
function later(answer) {
  return answer.offline || answer.status === 401 || answer.status === 409 || answer.status === 429
    || answer.status >= 500;
}

async function sendAll() {
  const round = generation;
  const token = localStorage.getItem(TOKEN_KEY);
  const sent = [];
  const refused = [];
  const entries = await waiting();
  if (!entries.length) {
    return;
  }
  for (const entry of entries) {
    if (round !== generation || localStorage.getItem(TOKEN_KEY) !== token || entry.owner !== signedIn()) {
      return;
    }
    const answer = await send('POST', entry.path, entry.body, { 'Idempotency-Key': entry.key });
    if (later(answer)) {
      retryMs = Math.min(2 * retryMs, LAST_RETRY_MS);
      break;
    }
    retryMs = FIRST_RETRY_MS;
    await done((await store('readwrite')).delete(entry.id));
    (answer.status < 300 ? sent : refused).push(answer.status < 300 ? entry.describe
      : `${entry.describe} was refused (${problemText(answer)}): enter it again.`);
  }
  const news = [sent.length ? `Sent ${sent.join(', ')}, kept while offline.` : '', ...refused];
  await showWaiting(news.filter(Boolean).join(' '));
  if (sent.length) {
    logChanged();
  }
}

/** Sends the waiting entries, one at a time; a second call while a round runs joins it. */
export function sendWaiting() {
  if (!sending) {
    sending = sendAll().finally(() => { sending = null; });
  }
  return sending;
}

/** Empties the store at sign-out: nothing kept offline outlives it. */
export async function forgetWaiting() {
  generation += 1;
  clearTimeout(retry);
  $('outbox').textContent = '';
  await done((await store('readwrite')).clear());
}

window.addEventListener('online', sendWaiting);
// A person coming back to the page (a phone woken, a tab shown again) need not wait for the next try.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') {
    sendWaiting();
  }
});
