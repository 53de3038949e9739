// The trend: the deskilling report of the signed-in worker, or of a team for analysts and admins,
// as a sentence, the server's chart, tables of its figures, and downloads.
import { $, api, element, percent, longDate, problemText, showFieldErrors, clearFieldErrors } from './api.js';
import { saveOrKeep } from './outbox.js';

/** {worker} for a worker's own trend, {team: true} for the team view. */
let subject = null;
const objectUrls = [];
let latest = 0;
/** The query of the report on view, and its chart: the width it was drawn for and its object URL. */
let shown = null;
let drawnWidth = 0;
let drawnUrl = null;
/** The report requests in flight, one after another (see {@link reportApi}). */
let reportLane = Promise.resolve();

/**
 * Asks for a report (JSON, CSV or the chart) once the one before has answered: the server runs at
 * most two reports per token at once and refuses a third, and a redraw for a new width, a refresh
 * after a save and a person pressing Show can all come at the same moment.
 */
function reportApi(path, options) {
  const answer = reportLane.then(() => api(path, options));
  reportLane = answer.catch(() => null);
  return answer;
}

/**
 * The report in plain words: where the craft share went, then the server's own words on the
 * verdict (how sure it is, allowing for runs of similar weeks, and what the range could show),
 * which the chart's caption carries too.
 */
export function verdictSentence(report) {
  const { trend } = report;
  if (trend.verdict === 'TOO_FEW_PERIODS') {
    return trend.sentence;
  }
  const whose = report.subject.team ? `Team ${report.subject.team}'s craft share` : 'Your craft share';
  const shift = report.changePoints[0];
  const change = shift
    ? `${whose} ${shift.shareAfter < shift.shareBefore ? 'fell' : 'rose'} from ${percent(shift.shareBefore)} `
      + `to ${percent(shift.shareAfter)} around ${longDate(shift.start)}`
    : `${whose} shows no clear shift`;
  return `${change}. ${trend.sentence}`;
}

function mean(values) {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** How the work's grain moved: the first half of the periods with work against the second. */
export function fragmentationSentence(series) {
  const worked = series.filter((period) => !period.suppressed && period.meanStepMinutes !== null);
  if (worked.length < 2) {
    return 'Fragmentation needs at least two periods with work.';
  }
  const half = Math.floor(worked.length / 2);
  const halves = [worked.slice(0, half), worked.slice(worked.length - half)];
  const [before, after] = halves.map((periods) => ({
    step: mean(periods.map((p) => p.meanStepMinutes)),
    repetition: mean(periods.map((p) => p.repetitionShare)),
    repertoire: mean(periods.map((p) => p.repertoire)),
  }));
  return `Fragmentation, first half of the periods with work against the second: a step took `
    + `${before.step.toFixed(0)} then ${after.step.toFixed(0)} minutes on average; repeated activities `
    + `${percent(before.repetition)} then ${percent(after.repetition)} of the time; repertoire `
    + `${before.repertoire.toFixed(2)} then ${after.repertoire.toFixed(2)} (1 = time spread evenly over many activities).`;
}

function cells(row, values) {
  values.forEach((value) => row.append(element('td', { text: value })));
  return row;
}

function fixed(value, digits) {
  return value === null ? '–' : value.toFixed(digits);
}

function periodRows(report) {
  const name = report.bucket === 'month' ? 'Month of' : 'Week of';
  return report.series.map((period) => {
    const row = element('tr', {}, [element('th', { scope: 'row', text: `${name} ${period.start}` })]);
    const blank = period.pending ? `Not yet published: published on ${period.publishesOn}`
      : period.suppressed ? 'Hidden for privacy: too few people logged work in it'
        : period.craftShare === null && 'No work logged';
    if (blank) {
      row.className = period.pending ? 'pending' : period.suppressed ? 'suppressed' : '';
      row.append(element('td', { colspan: '5', text: blank }));
      return row;
    }
    return cells(row, [String(period.totalMinutes), percent(period.craftShare), fixed(period.meanStepMinutes, 1),
      percent(period.repetitionShare), fixed(period.repertoire, 2)]);
  });
}

function points(share) {
  return `${share > 0 ? '+' : ''}${Math.round(100 * share)} points`;
}

function eventRows(report) {
  return report.events.map((event) => {
    const interval = event.ciLow === null ? 'too few periods for an interval'
      : `${percent(event.ciLow)} to ${percent(event.ciHigh)}, ${Number((100 * event.confidenceLevel).toFixed(1))}% interval`;
    const change = event.difference === null ? '–' : `${points(event.difference)} (${interval})`;
    const detectable = event.detectableDifference === null ? '–'
      : `about ${Math.round(100 * event.detectableDifference)} points`;
    return cells(element('tr', {}, [element('th', { scope: 'row', text: event.date })]),
      [event.label, percent(event.shareBefore), percent(event.shareAfter), change, detectable]);
  });
}

function toolRows(report) {
  return report.tools.map((tool) => cells(element('tr', {}, [element('th', { scope: 'row', text: tool.tool })]),
    [String(tool.minutes), String(tool.craftMinutes), String(tool.executionMinutes), tool.firstUsed || '–']));
}

/**
 * What the team view leaves out and why: periods not yet published (a team's figures are fixed a
 * while after a week ends, and never change after) apart from periods hidden because too few people
 * logged in them.
 */
function privacyNote(report) {
  const pending = report.series.filter((period) => period.pending);
  const hidden = report.series.filter((period) => period.suppressed && !period.pending).length;
  const notes = [];
  if (hidden > 0) {
    notes.push(`${hidden} of ${report.series.length} periods are hidden for privacy: too few people logged work `
      + 'in them to show figures without exposing someone. The chart shows them as grey bands.');
  }
  if (pending.length > 0) {
    const next = pending.map((period) => period.publishesOn).sort()[0];
    notes.push(`${pending.length} of ${report.series.length} periods are not yet published; the next is published `
      + `on ${next}. Team figures are fixed once published: entries made after that are not in them.`);
  }
  return notes.join(' ');
}

function downloadable(anchorId, blob) {
  const url = URL.createObjectURL(blob);
  objectUrls.push(url);
  $(anchorId).href = url;
  return url;
}

function reportQuery() {
  const whose = subject.team ? `team=${encodeURIComponent($('trend-team').value.trim())}`
    : `worker=${encodeURIComponent(subject.worker)}`;
  return `/reports/deskilling?${whose}&from=${$('trend-from').value}&to=${$('trend-to').value}`
    + `&bucket=${$('trend-bucket').value}`;
}

function showReport(report) {
  $('trend-verdict').textContent = verdictSentence(report);
  $('trend-privacy').textContent = privacyNote(report);
  $('trend-fragmentation').textContent = fragmentationSentence(report.series);
  $('periods-body').replaceChildren(...periodRows(report));
  $('events-body').replaceChildren(...eventRows(report));
  $('events-none').hidden = report.events.length > 0;
  $('events-table').hidden = report.events.length === 0;
  $('tools-body').replaceChildren(...toolRows(report));
  $('tools-none').hidden = report.tools.length > 0;
  $('tools-table').hidden = report.tools.length === 0;
  $('trend-results').hidden = false;
}

async function showTrend(event) {
  if (event) {
    event.preventDefault();
  }
  $('trend-error').textContent = '';
  if (subject.team && !$('trend-team').value.trim()) {
    $('trend-error').textContent = 'Name a team first: team figures are all an analyst sees.';
    $('trend-team').focus();
    return;
  }
  // Only the latest request may fill the view: an earlier one answering late is dropped.
  latest += 1;
  const mine = latest;
  const query = reportQuery();
  const report = await reportApi(query);
  if (mine !== latest) {
    return;
  }
  objectUrls.splice(0).forEach((url) => URL.revokeObjectURL(url));
  // The last report's chart goes with its figures: never shown beside the new ones while the new chart loads.
  forgetChart();
  if (report.status !== 200) {
    $('trend-results').hidden = true;
    $('trend-verdict').textContent = '';
    $('trend-error').textContent = problemText(report);
    return;
  }
  showReport(report.body);
  const csv = await reportApi(`${query}&format=csv`, { headers: { Accept: 'text/csv' } });
  if (mine !== latest) {
    return;
  }
  downloadable('download-csv', new Blob([csv.body], { type: 'text/csv' }));
  shown = query;
  await drawChart(mine);
}

/** The width the chart has on this screen: drawn for it, its text is as large on a phone as on a desktop. */
function chartWidth() {
  // The image's 1-pixel border on each side is outside the drawing.
  return Math.max(280, Math.min(2400, Math.floor($('trend-figure').clientWidth) - 2));
}

/** Draws the shown report's chart for the width it has now. */
async function drawChart(mine) {
  const width = chartWidth();
  const query = shown;
  const svg = await reportApi(`${query}&format=svg&width=${width}`, { headers: { Accept: 'image/svg+xml' } });
  // A chart of a report no longer on view (another asked for meanwhile) is dropped.
  if (mine !== latest || query !== shown || svg.status !== 200) {
    return;
  }
  if (drawnUrl) {
    URL.revokeObjectURL(drawnUrl);
  }
  drawnWidth = width;
  drawnUrl = URL.createObjectURL(new Blob([svg.body], { type: 'image/svg+xml' }));
  $('trend-chart').src = drawnUrl;
  // What it was drawn from and for, for whoever checks the drawing against the screen.
  $('trend-chart').dataset.query = query;
  $('trend-chart').dataset.width = String(width);
  $('download-svg').href = drawnUrl;
  $('trend-chart').alt = `Chart of craft share per ${$('trend-bucket').value}: ${$('trend-verdict').textContent}`;
}

function eventErrorTarget(field) {
  return ['date', 'label', 'tool'].includes(field)
    ? { message: $(`error-event-${field}`), control: $(`event-${field}`) } : null;
}

async function addEvent(event) {
  event.preventDefault();
  clearFieldErrors($('event-form'));
  $('event-saved').textContent = '';
  const body = { worker: subject.worker, date: $('event-date').value, label: $('event-label').value.trim() };
  if ($('event-tool').value.trim()) {
    body.tool = $('event-tool').value.trim();
  }
  const answer = await saveOrKeep('/events', body, `the event "${body.label}" of ${body.date}`);
  if (answer.kept) {
    $('event-saved').textContent = `No network: "${body.label}" is kept in this browser and sent when it is back.`;
    $('event-label').value = '';
    $('event-tool').value = '';
    return;
  }
  if (answer.status !== 201) {
    showFieldErrors(typeof answer.body === 'object' ? answer.body : { detail: problemText(answer) },
      eventErrorTarget, $('error-event-label'));
    return;
  }
  $('event-saved').textContent = `Added "${answer.body.label}" on ${answer.body.date}.`;
  $('event-label').value = '';
  $('event-tool').value = '';
  await showTrend();
}

/**
 * Sets the view up for who signed in: a worker sees their own trend and may add events; analysts
 * and admins name a team and see its aggregate, never one person's figures.
 */
export function startTrend(me, from, to) {
  subject = me.role === 'WORKER' ? { worker: me.handle } : { team: true };
  $('trend-title').textContent = subject.team ? 'Team trend' : 'Your trend';
  $('team-field').hidden = !subject.team;
  $('trend-team').required = Boolean(subject.team);
  $('event-section').hidden = Boolean(subject.team);
  if (!$('trend-to').value) {
    $('trend-to').value = to;
    $('trend-from').value = from;
  }
  if (!subject.team) {
    // A worker's own last year shows at once; a team waits to be named.
    showTrend();
  }
}

function forgetChart() {
  if (drawnUrl) {
    URL.revokeObjectURL(drawnUrl);
  }
  shown = null;
  drawnUrl = null;
  $('trend-chart').removeAttribute('src');
  $('trend-chart').alt = '';
}

/** Forgets the shown report and any answer still on its way: the next person sees nothing of it. */
export function forgetTrend() {
  latest += 1;
  objectUrls.splice(0).forEach((url) => URL.revokeObjectURL(url));
  forgetChart();
  $('trend-results').hidden = true;
  ['trend-verdict', 'trend-error', 'event-saved'].forEach((id) => { $(id).textContent = ''; });
  ['periods-body', 'events-body', 'tools-body'].forEach((id) => $(id).replaceChildren());
  ['trend-team', 'trend-from', 'trend-to', 'event-date', 'event-label', 'event-tool'].forEach((id) => {
    $(id).value = '';
  });
}

$('trend-form').addEventListener('submit', showTrend);
// The log changed (a task saved, edited or deleted, an import, the timer): a worker's own trend is drawn again.
document.addEventListener('craftline:changed', () => {
  if (subject && !subject.team) {
    showTrend();
  }
});
$('event-form').addEventListener('submit', addEvent);
// A phone turned on its side, a window made narrower: the chart is drawn again when its width changed much.
let resizing = null;
window.addEventListener('resize', () => {
  clearTimeout(resizing);
  resizing = setTimeout(() => {
    if (shown && Math.abs(chartWidth() - drawnWidth) > 40) {
      drawChart(latest);
    }
  }, 300);
});
