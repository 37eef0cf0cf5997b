// What every walkthrough page shares: the live checks (met / not met, from the page's one stream),
// the action buttons (each asks the site what to send, then sends it to the fleet's control API),
// and the page's words for both.

import { getJson, send } from './http.js';
import { useSource } from './fleet-feed.js';

export function labels(root) {
  const out = {};
  for (const span of root.querySelectorAll('.walk-labels [data-k]')) {
    out[span.dataset.k] = span.textContent;
  }
  return out;
}

export function fill(text, ...args) {
  return text.replace(/\{(\d)\}/g, (_, n) => args[Number(n)] ?? '');
}

// Shows each check as met or not met; checks is {"3": true, ...} from a stream's fleet event.
export function showChecks(root, checks, words) {
  for (const box of root.querySelectorAll('.walk-check[data-check]')) {
    const met = checks[box.dataset.check];
    if (met === undefined) {
      continue;
    }
    const state = met ? 'met' : 'unmet';
    if (box.dataset.met !== state) {
      box.dataset.met = state;
      box.querySelector('.walk-check-state').textContent = words[state];
      box.querySelector('.walk-check-mark').textContent = met ? '✓' : '○';
    }
  }
}

// Opens the page's one stream: the fleet part feeds the demo widgets, the checks part the checks.
export function openStream(root, url, words, onData) {
  const source = new EventSource(url);
  useSource(source, 'fleet', (data) => data.fleet);
  source.addEventListener('fleet', (event) => {
    const data = JSON.parse(event.data);
    showChecks(root, data.checks ?? {}, words);
    if (onData) {
      onData(data);
    }
  });
  return source;
}

// Runs a plan: the list of control-API calls the site resolved for a button or the reset.
export async function runPlan(planUrl, lang, words) {
  const plan = await getJson(planUrl, lang);
  if (!plan.ok) {
    return fill(words.failed, plan.body?.detail ?? plan.status);
  }
  if (plan.body.requests.length === 0) {
    return words.nothing;
  }
  for (const request of plan.body.requests) {
    const answer = await send(request.path, request.fields, lang);
    if (!answer.ok) {
      return fill(words.failed, answer.body?.detail ?? answer.status);
    }
  }
  return words.done;
}

export function wireActions(root, lang, words) {
  root.addEventListener('click', async (event) => {
    const button = event.target.closest('button.walk-action');
    if (!button) {
      return;
    }
    const output = button.closest('.walk-actions').querySelector('.walk-action-result');
    button.disabled = true;
    output.textContent = words.working;
    try {
      output.textContent = `${button.textContent}: ${await runPlan(button.dataset.plan, lang, words)}`;
    } finally {
      button.disabled = false;
    }
  });
}

// Shows the demo widget of the step's preset and hides the others.
export function showDemo(root, preset) {
  for (const box of root.querySelectorAll('.walk-demo[data-demo]')) {
    box.hidden = box.dataset.demo !== preset;
  }
}
