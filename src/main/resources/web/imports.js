// The import section: a tracker's export previewed day by day (a dry run), then imported; and the
// worker's rules, which turn ActivityWatch and WakaTime time into steps, edited beside it.
import { $, api, send, newKey, logChanged, element, problemText, showFieldErrors, clearFieldErrors } from './api.js';

const FIELDS = ['app', 'title', 'url', 'category', 'project', 'language', 'entity'];
const CAPTURED = ['activitywatch', 'wakatime'];
let worker = null;
/** The worker's name as the import routes take it: empty for a worker's own token. */
let workerParam = '';
/** The rules' version as last read, for If-Match. */
let rulesEtag = null;
let ruleSerial = 0;

/** Regular-expression text that matches {@code text} literally. */
function escaped(text) {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

function ruleRows() {
  return [...$('rules').children];
}

/** One rule's row: a field and its pattern, then what the time becomes (or that it is left out). */
function addRule(rule = { when: { app: '' } }) {
  ruleSerial += 1;
  const id = (name) => `rule-${ruleSerial}-${name}`;
  const [field, pattern] = Object.entries(rule.when)[0] || ['app', ''];
  const error = element('p', { class: 'error', role: 'alert', id: id('error') });
  const fieldControl = element('select', { name: 'field', id: id('field'), 'aria-describedby': error.id });
  FIELDS.forEach((name) => fieldControl.append(element('option', { value: name, text: name })));
  fieldControl.value = field;
  const patternControl = element('input', { name: 'pattern', id: id('pattern'), maxlength: '500',
    'aria-describedby': error.id });
  patternControl.value = pattern;
  const activity = element('input', { name: 'activity', id: id('activity'), maxlength: '64',
    'aria-describedby': error.id });
  activity.value = rule.activity || '';
  const mode = element('select', { name: 'mode', id: id('mode'), 'aria-describedby': error.id });
  [['CRAFT', 'Craft'], ['EXECUTION', 'Execution'], ['IGNORE', 'Leave out']]
    .forEach(([value, text]) => mode.append(element('option', { value, text })));
  mode.value = rule.ignore ? 'IGNORE' : rule.mode || 'CRAFT';
  const tool = element('input', { name: 'tool', id: id('tool'), maxlength: '100', 'aria-describedby': error.id });
  tool.value = rule.tool || '';
  const remove = element('button', { type: 'button', class: 'remove', text: 'Remove',
    'aria-label': 'Remove this rule' });
  const row = element('li', {}, [
    element('label', { for: fieldControl.id, text: 'Field' }), fieldControl,
    element('label', { for: patternControl.id, text: 'Pattern' }), patternControl,
    element('label', { for: activity.id, text: 'Activity' }), activity,
    element('label', { for: mode.id, text: 'Mode' }), mode,
    element('label', { for: tool.id, text: 'Tool' }), tool, remove, error]);
  // What the row does not show (a second condition, discretion, mediation) is kept as it was.
  row.rule = rule;
  remove.addEventListener('click', () => row.remove());
  $('rules').append(row);
  return row;
}

function ruleOf(row) {
  const control = (name) => row.querySelector(`[name=${name}]`);
  const kept = { ...row.rule, when: { ...row.rule.when } };
  const [first] = Object.keys(kept.when);
  delete kept.when[first];
  const rule = { ...kept, when: { [control('field').value]: control('pattern').value, ...kept.when } };
  delete rule.ignore;
  delete rule.activity;
  delete rule.mode;
  delete rule.tool;
  if (control('mode').value === 'IGNORE') {
    rule.ignore = true;
    delete rule.mediation;
    delete rule.discretion;
  } else {
    rule.activity = control('activity').value.trim();
    rule.mode = control('mode').value;
    if (control('tool').value.trim()) {
      rule.tool = control('tool').value.trim();
    }
  }
  return rule;
}

async function loadRules() {
  const answer = await api(`/workers/${encodeURIComponent(worker)}/rules`);
  if (answer.status !== 200) {
    $('rules-error').textContent = problemText(answer);
    return;
  }
  rulesEtag = answer.etag;
  $('rules').replaceChildren();
  answer.body.rules.forEach((rule) => addRule(rule));
}

function ruleErrorTarget(field) {
  const match = /^rules\[(\d+)]/.exec(field);
  const row = match && ruleRows()[Number(match[1])];
  return row ? { message: row.querySelector('.error'), control: row.querySelector('[name=pattern]'),
    prefix: `${field.replace(/^rules\[\d+]\.?/, '')}: ` } : null;
}

async function saveRules(event) {
  event.preventDefault();
  clearFieldErrors($('rules-form'));
  $('rules-saved').textContent = '';
  const answer = await send('PUT', `/workers/${encodeURIComponent(worker)}/rules`,
    { rules: ruleRows().map(ruleOf) }, { 'If-Match': rulesEtag || '"v0"' });
  if (answer.status !== 200) {
    showFieldErrors(typeof answer.body === 'object' ? answer.body : { detail: problemText(answer) },
      ruleErrorTarget, $('rules-error'));
    return;
  }
  rulesEtag = answer.etag;
  const count = answer.body.rules.length;
  $('rules-saved').textContent = `Saved ${count} ${count === 1 ? 'rule' : 'rules'}.`;
  if ($('import-file').files.length && CAPTURED.includes($('import-source').value)) {
    await runImport(true);
  }
}

/** A file's tracker, from its name and first bytes; the person can still choose another. */
async function guessSource(file) {
  if (/\.csv$/i.test(file.name)) {
    return /clockify/i.test(file.name) ? 'clockify' : 'toggl';
  }
  const start = await file.slice(0, 4096).text();
  return /"days"\s*:/.test(start) && !/"buckets"\s*:/.test(start) ? 'wakatime' : 'activitywatch';
}

function importPath(source, dryRun) {
  const query = new URLSearchParams();
  if (workerParam) {
    query.set('worker', workerParam);
  }
  if (CAPTURED.includes(source)) {
    query.set('zone', Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  } else if ($('import-mode').value) {
    query.set('defaultMode', $('import-mode').value);
  }
  if (dryRun) {
    query.set('dryRun', 'true');
  }
  return `/imports/${source}?${query}`;
}

function dayRow(day) {
  const left = [];
  if (day.ignoredMinutes) {
    left.push(`${day.ignoredMinutes} ignored`);
  }
  if (day.shortRuns) {
    left.push(`${day.shortRuns} short runs (${day.shortRunMinutes})`);
  }
  const status = { IMPORT: 'new', REPLACE: 'replaces the earlier import', ALREADY_IMPORTED: 'imported before',
    REFUSED: `refused: ${day.reason}`, NO_STEPS: 'no steps' }[day.status] || day.status;
  const row = element('tr');
  [day.origin ? `${day.date} (${day.origin})` : day.date, status, day.craftMinutes, day.executionMinutes,
    day.unclassifiedMinutes, left.join(', ') || '–']
    .forEach((value) => row.append(element('td', { text: String(value) })));
  return row;
}

/** What a rule for an unmatched value would look at: a tab's site, else the first field (the app, the project). */
function ruleTarget(when) {
  if (when.url) {
    try {
      return ['url', new URL(when.url).host || when.url];
    } catch (notAUrl) {
      return ['url', when.url];
    }
  }
  return Object.entries(when)[0] || ['app', ''];
}

/**
 * The unmatched values of every day, summed by what a rule would look at, the largest first, each
 * with a button that drafts a rule.
 */
function unmatchedItems(days) {
  const totals = new Map();
  days.forEach((day) => (day.unmatched || []).forEach(({ when, minutes }) => {
    const key = JSON.stringify(ruleTarget(when));
    totals.set(key, (totals.get(key) || 0) + minutes);
  }));
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([key, minutes]) => {
    const [field, value] = JSON.parse(key);
    const words = `${field} ${value}`;
    const make = element('button', { type: 'button', class: 'small', text: 'Make a rule',
      'aria-label': `Make a rule for ${words}` });
    make.addEventListener('click', () => {
      const row = addRule({ when: { [field]: escaped(value) }, activity: value.toLowerCase().slice(0, 64),
        mode: 'CRAFT', tool: field === 'app' ? value.slice(0, 100) : undefined });
      row.querySelector('[name=activity]').focus();
    });
    return element('li', {}, [`${words}: ${minutes} min`, make]);
  });
}

function showReport(report) {
  $('import-summary').textContent = report.summary;
  const days = report.days || [];
  $('import-days-body').replaceChildren(...days.map(dayRow));
  $('import-days').hidden = days.length === 0;
  $('unmatched').replaceChildren(...unmatchedItems(days));
  // A CSV import has no captured time, so nothing a rule could match.
  ['unmatched-title', 'unmatched-help', 'unmatched'].forEach((id) => { $(id).hidden = days.length === 0; });
  $('import-result').hidden = !report.dryRun;
}

async function runImport(dryRun) {
  $('import-error').textContent = '';
  const file = $('import-file').files[0];
  if (!file) {
    $('import-error').textContent = 'Choose the export file first.';
    $('import-file').focus();
    return;
  }
  const source = $('import-source').value;
  const headers = { 'Content-Type': CAPTURED.includes(source) ? 'application/json' : 'text/csv' };
  if (!dryRun) {
    headers['Idempotency-Key'] = newKey();
  }
  $('import-summary').textContent = dryRun ? 'Reading the file…' : 'Importing…';
  const answer = await api(importPath(source, dryRun), { method: 'POST', headers, body: file });
  if (answer.status !== 200 && answer.status !== 201) {
    $('import-summary').textContent = '';
    $('import-result').hidden = true;
    const problem = typeof answer.body === 'object' ? answer.body : {};
    const first = (problem.errors || []).slice(0, 3).map((e) => `${e.field}: ${e.message}`).join('; ');
    $('import-error').textContent = `${problemText(answer)}${first ? ` (${first})` : ''}`;
    return;
  }
  showReport(answer.body);
  if (!dryRun) {
    logChanged();
  }
}

/** Opens the section for the signed-in worker: their rules, ready for a file. */
export async function startImport(handle, ownToken) {
  worker = handle;
  workerParam = ownToken ? '' : handle;
  await loadRules();
}

/** Forgets the signed-out worker's preview and rules. */
export function forgetImport() {
  worker = null;
  rulesEtag = null;
  $('rules').replaceChildren();
  $('import-form').reset();
  $('import-result').hidden = true;
  ['import-error', 'import-summary', 'rules-error', 'rules-saved'].forEach((id) => { $(id).textContent = ''; });
  ['import-days-body', 'unmatched'].forEach((id) => $(id).replaceChildren());
}

$('import-file').addEventListener('change', async () => {
  const file = $('import-file').files[0];
  if (file) {
    $('import-source').value = await guessSource(file);
    $('import-mode-field').hidden = CAPTURED.includes($('import-source').value);
  }
});
$('import-source').addEventListener('change', () => {
  $('import-mode-field').hidden = CAPTURED.includes($('import-source').value);
});
$('import-form').addEventListener('submit', (event) => {
  event.preventDefault();
  runImport(true);
});
$('import-run').addEventListener('click', () => runImport(false));
$('rules-form').addEventListener('submit', saveRules);
$('add-rule').addEventListener('click', () => addRule().querySelector('[name=pattern]').focus());
