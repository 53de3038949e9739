// For admins: the workers, adding one, and each one's tokens (issued with the secret shown once,
// listed, revoked). For analysts and admins: the teams to pick a team report from.
import { $, api, send, element, problemText, showFieldErrors, clearFieldErrors } from './api.js';

/** The worker whose tokens are shown, and whether they are the signed-in worker's own. */
let tokensOf = null;
let own = false;

function cell(text) {
  return element('td', { text: text === null || text === undefined || text === '' ? '–' : String(text) });
}

function workerRow(worker) {
  const open = element('button', { type: 'button', class: 'small', text: 'Tokens',
    'aria-label': `Tokens of ${worker.handle}` });
  open.addEventListener('click', () => showTokens(worker.handle));
  const actions = element('td', {}, [open]);
  return element('tr', {}, [cell(worker.handle), cell(worker.displayName), cell(worker.team),
    cell(worker.occupation), cell(worker.lastDayLogged), actions]);
}

async function showWorkers() {
  const answer = await api('/workers');
  if (answer.status === 200) {
    $('workers-body').replaceChildren(...answer.body.items.map(workerRow));
  }
}

/** The teams, as suggestions wherever a team is named. */
export async function loadTeams() {
  const answer = await api('/teams');
  if (answer.status === 200) {
    $('known-teams').replaceChildren(...answer.body.teams.map((team) => element('option',
      { value: team.name, label: `${team.name} (${team.members} ${team.members === 1 ? 'person' : 'people'})` })));
  }
}

function workerErrorTarget(field) {
  return ['handle', 'displayName', 'team', 'occupation'].includes(field)
    ? { message: $(`error-${field}`), control: $(`worker-${field === 'displayName' ? 'name' : field}`) } : null;
}

async function addWorker(event) {
  event.preventDefault();
  clearFieldErrors($('worker-form'));
  $('worker-saved').textContent = '';
  const body = { handle: $('worker-handle').value.trim(), displayName: $('worker-name').value.trim() };
  ['team', 'occupation'].forEach((field) => {
    if ($(`worker-${field}`).value.trim()) {
      body[field] = $(`worker-${field}`).value.trim();
    }
  });
  const answer = await send('POST', '/workers', body);
  if (answer.status !== 201) {
    showFieldErrors(typeof answer.body === 'object' ? answer.body : { detail: problemText(answer) },
      workerErrorTarget, $('error-handle'));
    return;
  }
  $('worker-saved').textContent = `Added ${answer.body.handle}. Now issue them a token.`;
  $('worker-form').reset();
  await Promise.all([showWorkers(), loadTeams()]);
  await showTokens(answer.body.handle);
}

function tokenItem(token) {
  const state = token.revokedAt ? `revoked ${token.revokedAt.slice(0, 10)}`
    : token.expiresAt ? `expires ${token.expiresAt.slice(0, 10)}` : 'no expiry';
  const words = `${token.prefix}… ${token.role.toLowerCase()}${token.label ? `, ${token.label}` : ''}, `
    + `issued ${token.createdAt.slice(0, 10)}, ${state}`;
  const item = element('li', {}, [words]);
  if (!token.revokedAt) {
    const revoke = element('button', { type: 'button', class: 'small', text: 'Revoke',
      'aria-label': `Revoke the token ${token.prefix}` });
    revoke.addEventListener('click', async () => {
      const answer = await api(`/tokens/${token.id}`, { method: 'DELETE' });
      $('token-form-error').textContent = answer.status === 204 ? '' : problemText(answer);
      await showTokens(tokensOf);
    });
    item.append(revoke);
  }
  return item;
}

async function showTokens(handle) {
  tokensOf = handle;
  $('tokens-title').textContent = own ? 'Your tokens' : `Tokens of ${handle}`;
  $('tokens').hidden = false;
  const answer = await api(`/workers/${encodeURIComponent(handle)}/tokens`);
  if (answer.status === 200) {
    $('tokens-list').replaceChildren(...answer.body.items.map(tokenItem));
  }
}

async function issueToken(event) {
  event.preventDefault();
  $('token-form-error').textContent = '';
  const body = { role: own ? 'WORKER' : $('token-role').value };
  if ($('token-label').value.trim()) {
    body.label = $('token-label').value.trim();
  }
  if ($('token-expiry').value) {
    body.expiresAt = `${$('token-expiry').value}T00:00:00Z`;
  }
  const answer = await send('POST', `/workers/${encodeURIComponent(tokensOf)}/tokens`, body);
  if (answer.status !== 201) {
    // The server's detail already names each field at fault.
    $('token-form-error').textContent = problemText(answer);
    return;
  }
  $('token-secret').value = answer.body.token;
  $('token-handover').textContent = own
    ? `Sign in with it on your other device, at ${window.location.origin}/. It is not shown again; if it is lost, `
      + 'revoke it and issue another.'
    : `Give it to ${tokensOf} yourself or through a password manager, never by plain e-mail or chat. They sign `
      + `in at ${window.location.origin}/ with it. It is not shown again; if it is lost, revoke it and issue another.`;
  $('token-issued').hidden = false;
  $('token-form').reset();
  await showTokens(tokensOf);
  $('token-secret').focus();
  $('token-secret').select();
}

/** Saves what the API answers as a file the browser downloads. */
async function download(accept, name) {
  const answer = await api('/export', { headers: { Accept: accept } });
  if (answer.status !== 200) {
    $('token-form-error').textContent = problemText(answer);
    return;
  }
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body, null, 2);
  const url = URL.createObjectURL(new Blob([text], { type: accept }));
  const link = element('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Opens a worker's own tokens (a second device: issue, revoke) and the download of their log. */
export async function startOwnTokens(handle) {
  own = true;
  $('token-role-field').hidden = true;
  $('own-data').hidden = false;
  await showTokens(handle);
}

/** Opens the admin's view: the workers, the form to add one, the teams. */
export async function startPeople() {
  own = false;
  $('token-role-field').hidden = false;
  $('own-data').hidden = true;
  await Promise.all([showWorkers(), loadTeams()]);
}

/** Forgets everything shown, the issued secret first. */
export function forgetPeople() {
  tokensOf = null;
  own = false;
  $('own-data').hidden = true;
  $('token-secret').value = '';
  $('token-issued').hidden = true;
  $('tokens').hidden = true;
  ['workers-body', 'tokens-list', 'known-teams'].forEach((id) => $(id).replaceChildren());
  ['worker-saved', 'token-form-error', 'token-handover'].forEach((id) => { $(id).textContent = ''; });
  $('worker-form').reset();
  clearFieldErrors($('worker-form'));
}

$('worker-form').addEventListener('submit', addWorker);
$('export-json').addEventListener('click', () => download('application/json', 'craftline-log.json'));
$('export-csv').addEventListener('click', () => download('text/csv', 'craftline-log.csv'));
$('token-form').addEventListener('submit', issueToken);
$('token-copy').addEventListener('click', async () => {
  $('token-secret').select();
  try {
    await navigator.clipboard.writeText($('token-secret').value);
    $('token-handover').prepend('Copied. ');
  } catch (denied) {
    // The browser did not allow it: the token stays selected for Ctrl+C.
  }
});
