// What every part of the page shares: the API call with the stored token, and small DOM helpers.
export const TOKEN_KEY = 'craftline.token';
/** Who the token signs in ({handle, role}), as the server last said: the page opens with it offline. */
export const ME_KEY = 'craftline.me';

export const $ = (id) => document.getElementById(id);

export const NO_ANSWER = 'No answer from the server: check your connection and try again.';

/**
 * Calls the API with the stored token; resolves to {status, body, etag}, body parsed when JSON.
 * Without an answer (no network) it resolves to status 0 with {offline: true}, never rejects.
 */
export async function api(path, options = {}) {
  const token = localStorage.getItem(TOKEN_KEY);
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  let response;
  try {
    response = await fetch(`/api${path}`, { ...options, headers });
  } catch (failure) {
    // No answer at all: the network is away or the server is down. The request may still have reached it.
    return { status: 0, offline: true, body: { title: NO_ANSWER }, etag: null };
  }
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  return { status: response.status, body, etag: response.headers.get('ETag') };
}

/** Tells the rest of the page that the worker's log changed: the day's total, recent tasks and trend refresh. */
export function logChanged() {
  document.dispatchEvent(new CustomEvent('craftline:changed'));
}

/** A fresh Idempotency-Key: random, also where crypto.randomUUID is not offered (plain http off localhost). */
export function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Sends a JSON body; resolves as {@link api} does. */
export function send(method, path, body, headers = {}) {
  return api(path, { method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** A problem's one-line message, or the status when the answer was not a problem. */
export function problemText(answer) {
  return (typeof answer.body === 'object' && (answer.body.detail || answer.body.title))
    || `The server answered ${answer.status}.`;
}

export function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') {
      node.textContent = value;
    } else {
      node.setAttribute(name, value);
    }
  }
  children.forEach((child) => node.append(child));
  return node;
}

export function percent(share) {
  return share === null || share === undefined ? '–' : `${Math.round(100 * share)}%`;
}

export function longDate(iso) {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long',
    year: 'numeric', timeZone: 'UTC' });
}

export function isoDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Shows each of a problem's errors[] in the element its field maps to (fallback when none does). */
export function showFieldErrors(problem, targetOf, fallback) {
  const errors = problem.errors && problem.errors.length ? problem.errors
    : [{ field: '', message: problem.detail || problem.title }];
  for (const { field, message } of errors) {
    const { message: target, control, prefix } = targetOf(field || '') || { message: fallback };
    if (control) {
      control.setAttribute('aria-invalid', 'true');
    }
    target.textContent = `${target.textContent} ${prefix || ''}${message}`.trim();
  }
}

/** Empties a form's error messages and its controls' invalid marks. */
export function clearFieldErrors(form) {
  form.querySelectorAll('.error').forEach((node) => { node.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((node) => node.removeAttribute('aria-invalid'));
}
