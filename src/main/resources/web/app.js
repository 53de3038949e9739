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

const MODES = ['CRAFT', 'EXECUTION'];
const DISCRETION = ['', 'SELF', 'WITHIN_SPEC', 'PRESCRIBED'];
const MEDIATION = ['', 'NONE', 'ASSISTED', 'GENERATED'];
let stepSerial = 0;

function element(tag, attributes = {}, children = []) {
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

function labelled(labelText, control) {
  const id = `step-${stepSerial}-${control.name}`;
  control.id = id;
  return [element('label', { for: id, text: labelText }), control];
}

function select(name, values, labels) {
  const control = element('select', { name });
  values.forEach((value, i) => control.append(element('option', { value, text: labels[i] })));
  return control;
}

/** One step's row: every control labelled, and a place for the server's word on it. */
function addStep(step = {}) {
  stepSerial += 1;
  const error = element('p', { class: 'error', role: 'alert', id: `step-${stepSerial}-error` });
  const activity = element('input', { name: 'activity', class: 'activity', list: 'known-activities',
    maxlength: '64', required: '', 'aria-describedby': error.id });
  const minutes = element('input', { name: 'minutes', class: 'minutes', type: 'number', min: '1', max: '1440',
    step: '1', inputmode: 'numeric', required: '', 'aria-describedby': error.id });
  const mode = select('mode', MODES, ['Craft', 'Execution']);
  mode.setAttribute('aria-describedby', `mode-rule ${error.id}`);
  const tool = element('input', { name: 'tool', class: 'tool', list: 'known-tools', maxlength: '100',
    'aria-describedby': error.id });
  const discretion = select('discretion', DISCRETION, ['(not said)', 'I decided', 'Within a spec', 'Prescribed']);
  const mediation = select('mediation', MEDIATION, ['(not said)', 'No tool output', 'Tool-assisted', 'Tool-generated']);
  activity.value = step.activity || '';
  minutes.value = step.minutes || '';
  mode.value = step.mode || 'CRAFT';
  tool.value = step.tool || '';
  discretion.value = step.discretion || '';
  mediation.value = step.mediation || '';
  const remove = element('button', { type: 'button', class: 'remove', text: 'Remove' });
  const row = element('li', {}, [
    ...labelled('Activity', activity), ...labelled('Minutes', minutes), ...labelled('Mode', mode),
    ...labelled('Tool', tool), ...labelled('Who decided how', discretion),
    ...labelled('Tool output', mediation), remove, error]);
  remove.setAttribute('aria-label', 'Remove this step');
  remove.addEventListener('click', () => {
    row.remove();
    if (!$('steps').children.length) {
      addStep();
    }
    updateTotal();
  });
  row.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target.tagName !== 'BUTTON') {
      event.preventDefault();
      addStep().querySelector('input').focus();
    }
  });
  row.addEventListener('input', updateTotal);
  $('steps').append(row);
  updateTotal();
  return row;
}

function stepRows() {
  return [...$('steps').children];
}

/** The day's minutes and craft share so far, as the person types. */
function updateTotal() {
  let total = 0;
  let craft = 0;
  for (const row of stepRows()) {
    const minutes = Number(row.querySelector('[name=minutes]').value);
    if (Number.isInteger(minutes) && minutes > 0) {
      total += minutes;
      if (row.querySelector('[name=mode]').value === 'CRAFT') {
        craft += minutes;
      }
    }
  }
  $('day-total').textContent = total === 0 ? ''
    : `This task: ${total} minutes, craft share ${Math.round((100 * craft) / total)}%`;
}

function taskBody() {
  const steps = stepRows().map((row) => {
    const value = (name) => row.querySelector(`[name=${name}]`).value.trim();
    const minutes = value('minutes');
    const step = { activity: value('activity'), minutes: /^\d+$/.test(minutes) ? Number(minutes) : minutes,
      mode: value('mode') };
    for (const optional of ['tool', 'discretion', 'mediation']) {
      if (value(optional)) {
        step[optional] = value(optional);
      }
    }
    return step;
  });
  return { date: $('task-date').value, title: $('task-title').value.trim(), steps };
}

function clearErrors() {
  document.querySelectorAll('#task-form .error').forEach((node) => { node.textContent = ''; });
  document.querySelectorAll('#task-form [aria-invalid]').forEach((node) => node.removeAttribute('aria-invalid'));
}

/** Puts each of a problem's errors next to its field: steps[2].minutes in the third step's row. */
function showProblem(problem) {
  const errors = problem.errors && problem.errors.length ? problem.errors
    : [{ field: 'steps', message: problem.detail || problem.title }];
  for (const { field, message } of errors) {
    const step = /^steps\[(\d+)\](?:\.(\w+))?/.exec(field || '');
    let target = $('error-steps');
    if (step && stepRows()[Number(step[1])]) {
      const row = stepRows()[Number(step[1])];
      target = row.querySelector('.error');
      const control = step[2] && row.querySelector(`[name=${step[2]}]`);
      if (control) {
        control.setAttribute('aria-invalid', 'true');
      }
    } else if (field === 'date' || field === 'title') {
      target = $(`error-${field}`);
      $(`task-${field}`).setAttribute('aria-invalid', 'true');
    }
    const prefix = step && step[2] ? `${step[2]}: ` : '';
    target.textContent = `${target.textContent} ${prefix}${message}`.trim();
  }
}

/** The task being edited, {id, etag}; null while logging a new one. */
let editing = null;

function etagOf(task) {
  return `"v${task.version}"`;
}

/** Puts a task into the form, to edit it or (without an id) as a template for a new one. */
function loadIntoForm(task, edit) {
  clearErrors();
  editing = edit ? { id: task.id, etag: etagOf(task) } : null;
  $('task-date').value = task.date;
  $('task-title').value = edit ? task.title : '';
  $('steps').replaceChildren();
  task.steps.forEach((step) => addStep(step));
  $('log-title').textContent = edit ? `Edit "${task.title}"` : 'Log a task';
  $('task-title').focus();
}

function resetForm() {
  editing = null;
  $('log-title').textContent = 'Log a task';
  $('task-title').value = '';
  $('steps').replaceChildren();
  addStep();
}

async function saveTask(event) {
  event.preventDefault();
  clearErrors();
  $('task-saved').textContent = '';
  const json = { 'Content-Type': 'application/json' };
  const answer = editing
    ? await api(`/tasks/${editing.id}`, { method: 'PUT', headers: { ...json, 'If-Match': editing.etag },
      body: JSON.stringify(taskBody()) })
    : await api('/tasks', { method: 'POST', headers: json, body: JSON.stringify(taskBody()) });
  if (answer.status === 201 || answer.status === 200) {
    $('task-saved').textContent = `Saved "${answer.body.title}": ${answer.body.totalMinutes} minutes.`;
    resetForm();
    await showRecent();
    return;
  }
  if (answer.status === 412 && editing) {
    const fresh = await api(`/tasks/${editing.id}`);
    if (fresh.status === 200) {
      loadIntoForm(fresh.body, true);
      $('error-steps').textContent = 'Someone else changed this task since you opened it. The form now shows '
        + 'their version: make your change again and save.';
      return;
    }
  }
  showProblem(typeof answer.body === 'object' ? answer.body : { detail: `The server answered ${answer.status}.` });
}

async function deleteTask(task) {
  const answer = await api(`/tasks/${task.id}`, { method: 'DELETE', headers: { 'If-Match': etagOf(task) } });
  $('task-saved').textContent = answer.status === 204 ? `Deleted "${task.title}".`
    : 'That task changed or went since the list was shown; here is the list as it is now.';
  await showRecent();
}

function recentItem(task) {
  const share = task.craftShare === null ? 'none' : `${Math.round(100 * task.craftShare)}%`;
  const item = element('li', { text: `${task.date}: ${task.title}, ${task.totalMinutes} minutes, craft share ${share} ` });
  const actions = [['Edit', () => loadIntoForm(task, true)], ['Copy', () => loadIntoForm(task, false)],
    ['Delete', () => deleteTask(task)]];
  for (const [name, action] of actions) {
    const button = element('button', { type: 'button', class: 'secondary small', text: name,
      'aria-label': `${name} "${task.title}" of ${task.date}` });
    button.addEventListener('click', action);
    item.append(button);
  }
  return item;
}

function fillSuggestions(tasks) {
  const activities = new Set();
  const tools = new Set();
  tasks.forEach((task) => task.steps.forEach((step) => {
    activities.add(step.activity);
    if (step.tool) {
      tools.add(step.tool);
    }
  }));
  $('known-activities').replaceChildren(...[...activities].sort().map((value) => element('option', { value })));
  $('known-tools').replaceChildren(...[...tools].sort().map((value) => element('option', { value })));
}

async function showRecent() {
  const answer = await api('/tasks?limit=50');
  if (answer.status !== 200) {
    return;
  }
  fillSuggestions(answer.body.items);
  $('recent').replaceChildren(...answer.body.items.slice(0, 10).map(recentItem));
}

let signedInHandle = null;
const objectUrls = [];

function percent(share) {
  return `${Math.round(100 * share)}%`;
}

function longDate(iso) {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long',
    year: 'numeric', timeZone: 'UTC' });
}

/** The report in one plain sentence: where the craft share went, and how likely chance is. */
export function verdictSentence(report) {
  const { trend } = report;
  if (trend.verdict === 'TOO_FEW_PERIODS') {
    return `Too few periods with work to see a trend yet (${trend.periods}; at least 4 are needed).`;
  }
  const shift = report.changePoints[0];
  let sentence = shift
    ? `Your craft share ${shift.shareAfter < shift.shareBefore ? 'fell' : 'rose'} from ${percent(shift.shareBefore)} `
      + `to ${percent(shift.shareAfter)} around ${longDate(shift.start)}`
    : 'Your craft share shows no clear shift';
  const p = trend.mannKendall.pValue;
  if (trend.verdict === 'NO_CLEAR_TREND') {
    sentence += '; over the whole range there is no clear trend';
  } else {
    const odds = p < 0.01 ? 'less than 1 time in 100' : 'less than 1 time in 20';
    sentence += `; a ${trend.verdict === 'DESKILLING' ? 'falling' : 'rising'} trend this strong arises by chance ${odds}`;
  }
  return `${sentence}.`;
}

function downloadable(anchorId, blob) {
  const url = URL.createObjectURL(blob);
  objectUrls.push(url);
  $(anchorId).href = url;
  return url;
}

async function showTrend(event) {
  if (event) {
    event.preventDefault();
  }
  $('trend-error').textContent = '';
  objectUrls.splice(0).forEach((url) => URL.revokeObjectURL(url));
  const query = `/reports/deskilling?worker=${encodeURIComponent(signedInHandle)}`
    + `&from=${$('trend-from').value}&to=${$('trend-to').value}&bucket=${$('trend-bucket').value}`;
  const report = await api(query);
  if (report.status !== 200) {
    $('trend-figure').hidden = true;
    $('trend-verdict').textContent = '';
    $('trend-error').textContent = report.body.detail || `The server answered ${report.status}.`;
    return;
  }
  $('trend-verdict').textContent = verdictSentence(report.body);
  const [svg, csv] = await Promise.all([
    api(`${query}&format=svg`, { headers: { Accept: 'image/svg+xml' } }),
    api(`${query}&format=csv`, { headers: { Accept: 'text/csv' } })]);
  $('trend-chart').src = downloadable('download-svg', new Blob([svg.body], { type: 'image/svg+xml' }));
  $('trend-chart').alt = `Chart of craft share per ${$('trend-bucket').value}: ${$('trend-verdict').textContent}`;
  downloadable('download-csv', new Blob([csv.body], { type: 'text/csv' }));
  $('trend-figure').hidden = false;
}

function isoDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
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
  const today = new Date();
  if (!$('task-date').value) {
    $('task-date').value = isoDate(today);
  }
  signedInHandle = me.body.handle;
  $('trend').hidden = !signedInHandle;
  if (signedInHandle && !$('trend-to').value) {
    $('trend-to').value = isoDate(today);
    $('trend-from').value = isoDate(new Date(today.getFullYear() - 1, today.getMonth(), today.getDate() + 1));
  }
  if (!stepRows().length) {
    addStep();
  }
  await showRecent();
}

function showSignedOut(message = '') {
  $('account').hidden = true;
  $('home').hidden = true;
  $('trend').hidden = true;
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

$('task-form').addEventListener('submit', saveTask);
$('trend-form').addEventListener('submit', showTrend);
$('add-step').addEventListener('click', () => addStep().querySelector('input').focus());

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
