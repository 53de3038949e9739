// Craftline's page: plain modules, talking to the public API only. The token is the one piece of
// state kept, in this browser's localStorage, until the person signs out.
const TOKEN_KEY = 'craftline.token';

const $ = (id) => document.getElementById(id);

/** Calls the API with the stored token; resolves to {status, body}, body parsed when JSON. */
export async function api(path, options = {}) {
  const token = localStorage.getItem(TOKEN_KEY);
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  const response = await fetch(`/api${path}`, { ...options, headers });
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  return { status: response.status, body };
}

async function showSignedIn() {
  const me = await api('/me');
  if (me.status !== 200) {
    localStorage.removeItem(TOKEN_KEY);
    showSignedOut(me.status === 401 ? 'That token was not accepted: it may be mistyped, expired or revoked.'
      : `The server answered ${me.status}; try again in a moment.`);
    return;
  }
  $('who').textContent = `Signed in as ${me.body.handle || 'the admin'} (${me.body.role.toLowerCase()})`;
  $('account').hidden = false;
  $('sign-in').hidden = true;
  $('home').hidden = false;
}

function showSignedOut(message = '') {
  $('account').hidden = true;
  $('home').hidden = true;
  $('sign-in').hidden = false;
  $('token-error').textContent = message;
  $('token').value = '';
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
