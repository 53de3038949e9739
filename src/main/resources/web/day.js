// The day form: a task with its steps, the day's running total, and the recent tasks to edit,
// copy or delete.
import { $, api, send, logChanged, element, percent, longDate, showFieldErrors, clearFieldErrors } from './api.js';
import { saveOrKeep } from './outbox.js';

const MODES = ['CRAFT', 'EXECUTION'];
const DISCRETION = ['', 'SELF', 'WITHIN_SPEC', 'PRESCRIBED'];
const MEDIATION = ['', 'NONE', 'ASSISTED', 'GENERATED'];
const DAY_MINUTES = 1440;
let stepSerial = 0;
let worker = null;
/** The task being edited, {id, etag}; null while logging a new one. */
let editing = null;
/** The tasks already stored on the form's date, for the day's total. */
let storedOnDate = [];

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

function stepRows() {
  return [...$('steps').children];
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
  const remove = element('button', { type: 'button', class: 'remove', text: 'Remove',
    'aria-label': 'Remove this step' });
  const row = element('li', {}, [
    ...labelled('Activity', activity), ...labelled('Minutes', minutes), ...labelled('Mode', mode),
    ...labelled('Tool', tool), ...labelled('Who decided how', discretion),
    ...labelled('Tool output', mediation), remove, error]);
  remove.addEventListener('click', () => {
    row.remove();
    if (!stepRows().length) {
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
  row.addEventListener('change', updateTotal);
  $('steps').append(row);
  updateTotal();
  return row;
}

function minutesOf(steps) {
  let total = 0;
  let craft = 0;
  for (const { minutes, mode } of steps) {
    if (Number.isInteger(minutes) && minutes > 0) {
      total += minutes;
      craft += mode === 'CRAFT' ? minutes : 0;
    }
  }
  return { total, craft };
}

function shareText({ total, craft }) {
  return `${total} minutes, craft share ${percent(craft / total)}`;
}

/**
 * The task's and the whole day's minutes and craft share as the person types: the day adds the
 * tasks already stored on that date (but not the one being edited, whose old version the form
 * replaces).
 */
function updateTotal() {
  const task = minutesOf(taskBody().steps);
  const others = storedOnDate.filter((stored) => !editing || stored.id !== editing.id)
    .flatMap((stored) => stored.steps);
  const day = minutesOf([...others, ...taskBody().steps]);
  if (day.total === 0) {
    $('day-total').textContent = '';
    return;
  }
  const date = $('task-date').value;
  const over = day.total > DAY_MINUTES ? `: more than the ${DAY_MINUTES} minutes a day has` : '';
  $('day-total').textContent = `${task.total ? `This task: ${shareText(task)}. ` : ''}`
    + `The whole day${date ? ` (${longDate(date)})` : ''}: ${shareText(day)}${over}.`;
}

/** Reads the tasks already stored on the form's date, then updates the total. */
async function loadDay() {
  const date = $('task-date').value;
  storedOnDate = [];
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    const answer = await api(`/tasks?worker=${encodeURIComponent(worker)}&from=${date}&to=${date}&limit=500`);
    if (answer.status === 200 && $('task-date').value === date) {
      storedOnDate = answer.body.items;
    }
  }
  updateTotal();
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
  return { worker, date: $('task-date').value, title: $('task-title').value.trim(), steps };
}

/** Where a field's error goes: steps[2].minutes in the third step's row, date and title by their inputs. */
function errorTarget(field) {
  const step = /^steps\[(\d+)\](?:\.(\w+))?/.exec(field);
  if (step && stepRows()[Number(step[1])]) {
    const row = stepRows()[Number(step[1])];
    return { message: row.querySelector('.error'), control: step[2] && row.querySelector(`[name=${step[2]}]`),
      prefix: step[2] ? `${step[2]}: ` : '' };
  }
  if (field === 'date' || field === 'title') {
    return { message: $(`error-${field}`), control: $(`task-${field}`) };
  }
  return null;
}

function etagOf(task) {
  return `"v${task.version}"`;
}

/** Puts a task into the form, to edit it or (without an id) as a template for a new one. */
function loadIntoForm(task, edit) {
  clearFieldErrors($('task-form'));
  editing = edit ? { id: task.id, etag: etagOf(task) } : null;
  $('task-date').value = task.date;
  $('task-title').value = edit ? task.title : '';
  $('steps').replaceChildren();
  task.steps.forEach((step) => addStep(step));
  $('log-title').textContent = edit ? `Edit "${task.title}"` : 'Log a task';
  $('task-title').focus();
  loadDay();
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
  clearFieldErrors($('task-form'));
  $('task-saved').textContent = '';
  const body = taskBody();
  const answer = editing
    ? await send('PUT', `/tasks/${editing.id}`, body, { 'If-Match': editing.etag })
    : await saveOrKeep('/tasks', body, `"${body.title}" of ${body.date}`);
  if (answer.kept) {
    $('task-saved').textContent = `No network: "${body.title}" is kept in this browser and sent when it is back.`;
    resetForm();
    return;
  }
  if (answer.status === 201 || answer.status === 200) {
    $('task-saved').textContent = `Saved "${answer.body.title}": ${answer.body.totalMinutes} minutes.`;
    resetForm();
    logChanged();
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
  showFieldErrors(typeof answer.body === 'object' ? answer.body : { detail: `The server answered ${answer.status}.` },
    errorTarget, $('error-steps'));
}

async function deleteTask(task) {
  const answer = await api(`/tasks/${task.id}`, { method: 'DELETE', headers: { 'If-Match': etagOf(task) } });
  $('task-saved').textContent = answer.status === 204 ? `Deleted "${task.title}".`
    : 'That task changed or went since the list was shown; here is the list as it is now.';
  logChanged();
}

function recentItem(task) {
  const share = task.craftShare === null ? 'none' : percent(task.craftShare);
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
  const answer = await api(`/tasks?worker=${encodeURIComponent(worker)}&limit=50`);
  if (answer.status !== 200) {
    return;
  }
  fillSuggestions(answer.body.items);
  $('recent').replaceChildren(...answer.body.items.slice(0, 10).map(recentItem));
}

/** Opens the form for the signed-in worker, on today's date unless one is already chosen. */
export async function startDay(handle, today) {
  worker = handle;
  if (!$('task-date').value) {
    $('task-date').value = today;
  }
  if (!stepRows().length) {
    addStep();
  }
  await Promise.all([showRecent(), loadDay()]);
}

/** Forgets the signed-out worker's tasks, suggestions and form. */
export function forgetDay() {
  worker = null;
  editing = null;
  storedOnDate = [];
  $('log-title').textContent = 'Log a task';
  clearFieldErrors($('task-form'));
  $('steps').replaceChildren();
  ['task-date', 'task-title'].forEach((id) => { $(id).value = ''; });
  ['recent', 'known-activities', 'known-tools'].forEach((id) => $(id).replaceChildren());
  ['task-saved', 'day-total'].forEach((id) => { $(id).textContent = ''; });
}

$('task-form').addEventListener('submit', saveTask);
// The log changed (a task saved or deleted here, an import, the timer): the recent tasks and the day's total follow.
document.addEventListener('craftline:changed', () => {
  if (worker) {
    showRecent();
    loadDay();
  }
});
$('task-date').addEventListener('change', loadDay);
$('add-step').addEventListener('click', () => addStep().querySelector('input').focus());
