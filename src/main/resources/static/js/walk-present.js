// The presenter's view: one step at a time in large type, the next one's preview, speaker notes,
// elapsed time and clock, the step's buttons and live check, the demo across the stage, a reset,
// and a class that follows. Keys: arrows in reading direction (in Persian Left goes forward),
// Space and Page Down, Page Up, Home, End, F full screen, O overview, ? help.

import { getJson, send } from './http.js';
import { fill, labels, openStream, runPlan, showDemo, wireActions } from './walk.js';

const root = document.querySelector('article.present');
const rtl = document.documentElement.dir === 'rtl';
const lang = root.dataset.lang;
const slug = root.dataset.slug;
const count = Number(root.dataset.steps);
const words = labels(root);
const steps = [...root.querySelectorAll('.present-current .walk-step')];
const started = Date.now();
const classKey = `lab.class.${slug}`;
let current = 1;
let stream = null;
let classCode = null;
// the class's driver token: this tab started the class, so this tab moves it
let classToken = null;
let moving = Promise.resolve();

function stepFromHash() {
  const match = /^#step=(\d+)$/.exec(location.hash);
  const n = match ? Number(match[1]) : 1;
  return n >= 1 && n <= count ? n : 1;
}

function show(n) {
  current = Math.min(count, Math.max(1, n));
  for (const section of steps) {
    section.hidden = Number(section.dataset.step) !== current;
  }
  for (const note of root.querySelectorAll('.present-note')) {
    note.hidden = Number(note.dataset.step) !== current;
  }
  const step = steps[current - 1];
  showDemo(root, step.dataset.demo);
  const next = steps[current];
  root.querySelector('.present-preview-title').textContent = next ? next.dataset.title : words.last;
  root.querySelector('.present-preview-text').textContent = next ? (next.querySelector('.walk-step-body p')?.textContent ?? '') : '';
  root.querySelector('.present-prev').disabled = current === 1;
  root.querySelector('.present-next').disabled = current === count;
  root.dataset.current = String(current);
  // #step=N names no element, so the browser never scrolls to it
  history.replaceState(null, '', `#step=${current}`);
}

async function go(n) {
  const target = Math.min(count, Math.max(1, n));
  if (target === current) {
    return;
  }
  show(target);
  if (classCode) {
    // Moves reach the server one after another, in the order they were made (quick key
    // presses would otherwise race on parallel connections); a move already overtaken is
    // not sent at all.
    moving = moving.then(() => (current === target ? moveClass(target) : undefined));
  }
}

async function moveClass(step) {
  try {
    const answer = await send(`/api/classes/${classCode}/step`, { step }, lang, 'POST', driver());
    status(answer.ok ? '' : fill(words.failed, answer.body?.detail ?? answer.status));
  } catch (e) {
    // the site is out of reach: say so, and let the next move try again
    status(fill(words.failed, e.message));
  }
}

function driver() {
  return classToken ? { 'X-Class-Token': classToken } : {};
}

function status(text) {
  root.querySelector('.present-class-status').textContent = text;
}

function tick() {
  const seconds = Math.floor((Date.now() - started) / 1000);
  const format = new Intl.NumberFormat(lang, { minimumIntegerDigits: 2 });
  const minutes = new Intl.NumberFormat(lang).format(Math.floor(seconds / 60));
  root.querySelector('.present-elapsed').textContent = `${minutes}:${format.format(seconds % 60)}`;
  root.querySelector('.present-clock').textContent = new Date().toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });
}

function dialog(selector) {
  const box = root.querySelector(selector);
  if (box.open) {
    box.close();
  } else {
    root.querySelectorAll('dialog[open]').forEach((d) => d.close());
    box.showModal();
  }
}

function follow(code, token, info) {
  classCode = code;
  classToken = token;
  sessionStorage.setItem(classKey, JSON.stringify({ code, token }));
  const box = root.querySelector('.present-class-info');
  box.hidden = false;
  root.querySelector('.present-class-start').hidden = true;
  root.querySelector('.present-class-code').textContent = code;
  const qr = root.querySelector('.present-class-qr');
  qr.src = info.qr;
  qr.alt = `${root.querySelector('#present-class-heading').textContent} ${code}`;
  root.querySelector('.present-class-url').textContent = `${location.origin}${info.join}`;
  stream = openStream(root, `${info.stream}?lang=${lang}`, words);
}

async function startClass() {
  const answer = await send('/api/classes', { walkthrough: slug }, lang);
  if (!answer.ok) {
    status(fill(words.failed, answer.body?.detail ?? answer.status));
    return;
  }
  follow(answer.body.code, answer.body.token, answer.body);
  status(words.started);
  if (current !== 1) {
    await send(`/api/classes/${classCode}/step`, { step: current }, lang, 'POST', driver());
  }
}

async function endClass() {
  const answer = await send(`/api/classes/${classCode}`, {}, lang, 'DELETE', driver());
  if (!answer.ok && answer.status !== 404) {
    status(fill(words.failed, answer.body?.detail ?? answer.status));
    return;
  }
  sessionStorage.removeItem(classKey);
  classCode = null;
  classToken = null;
  root.querySelector('.present-class-info').hidden = true;
  root.querySelector('.present-class-start').hidden = false;
  status(words.endedByYou);
  stream = openStream(root, root.dataset.stream, words);
}

async function resume() {
  let saved = null;
  try {
    saved = JSON.parse(sessionStorage.getItem(classKey));
  } catch (e) {
    saved = null;
  }
  if (saved?.code) {
    const answer = await getJson(`/api/classes/${saved.code}`, lang);
    if (answer.ok) {
      follow(saved.code, saved.token, answer.body);
      if (answer.body.step !== current) {
        await send(`/api/classes/${saved.code}/step`, { step: current }, lang, 'POST', driver());
      }
      return;
    }
    sessionStorage.removeItem(classKey);
  }
  stream = openStream(root, root.dataset.stream, words);
}

document.addEventListener('keydown', (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey) {
    return;
  }
  const target = event.target;
  if (target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable]')) {
    return;
  }
  const onButton = target instanceof HTMLElement && target.closest('button, a');
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  const back = rtl ? 'ArrowRight' : 'ArrowLeft';
  let handled = true;
  switch (event.key) {
    case forward: case 'PageDown': go(current + 1); break;
    case back: case 'PageUp': go(current - 1); break;
    case ' ':
      if (onButton) { handled = false; } else { go(current + (event.shiftKey ? -1 : 1)); }
      break;
    case 'Home': go(1); break;
    case 'End': go(count); break;
    case 'f': case 'F':
      if (document.fullscreenElement) { document.exitFullscreen(); } else { document.documentElement.requestFullscreen?.(); }
      break;
    case 'o': case 'O': dialog('.present-overview'); break;
    case '?': dialog('.present-help'); break;
    default: handled = false;
  }
  if (handled) {
    event.preventDefault();
  }
});

root.querySelector('.present-next').addEventListener('click', () => go(current + 1));
root.querySelector('.present-prev').addEventListener('click', () => go(current - 1));
root.querySelector('.present-overview-open').addEventListener('click', () => dialog('.present-overview'));
root.querySelector('.present-help-open').addEventListener('click', () => dialog('.present-help'));
root.querySelector('.present-class-start').addEventListener('click', startClass);
root.querySelector('.present-class-end').addEventListener('click', endClass);
for (const button of root.querySelectorAll('.present-dialog-close')) {
  button.addEventListener('click', () => button.closest('dialog').close());
}
for (const button of root.querySelectorAll('.present-goto')) {
  button.addEventListener('click', () => {
    button.closest('dialog').close();
    go(Number(button.dataset.goto));
  });
}
root.querySelector('.present-reset').addEventListener('click', async () => {
  const output = root.querySelector('.present-reset-result');
  output.textContent = words.working;
  const result = await runPlan(`/api/walkthroughs/${slug}/reset`, lang, words);
  output.textContent = result === words.done || result === words.nothing ? words.resetDone : result;
});

wireActions(root, lang, words);
show(stepFromHash());
tick();
setInterval(tick, 1000);
resume();
