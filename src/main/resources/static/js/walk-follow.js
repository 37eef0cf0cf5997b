// A student following a class: one stream carries the presenter's step and the fleet's state.
// The page shows the class's step; a student may read other steps and comes back in one click.

import { fill, labels, openStream, showDemo } from './walk.js';

const root = document.querySelector('article.follow');
const words = labels(root);
const steps = [...root.querySelectorAll('.follow-steps .walk-step')];
const statusText = root.querySelector('.follow-status-text');
const catchUp = root.querySelector('.follow-catch-up');
const following = statusText.textContent;
let classStep = Number(root.dataset.step);
let reading = classStep;
let ended = false;

function number(n) {
  return new Intl.NumberFormat(root.dataset.lang).format(n);
}

function render() {
  for (const section of steps) {
    section.hidden = Number(section.dataset.step) !== reading;
  }
  showDemo(root, steps[reading - 1].dataset.demo);
  root.dataset.reading = String(reading);
  root.dataset.classStep = String(classStep);
  root.querySelector('.follow-prev').disabled = reading === 1;
  root.querySelector('.follow-next').disabled = reading === steps.length;
  if (ended) {
    statusText.textContent = words.ended;
    catchUp.hidden = true;
  } else if (reading !== classStep) {
    statusText.textContent = fill(words.wandered, number(reading), number(classStep));
    catchUp.hidden = false;
  } else {
    statusText.textContent = following;
    catchUp.hidden = true;
  }
}

const source = openStream(root, root.dataset.stream, words);
source.addEventListener('step', (event) => {
  const data = JSON.parse(event.data);
  const wasFollowing = reading === classStep;
  classStep = data.step;
  if (wasFollowing) {
    reading = classStep;
  }
  render();
});
source.addEventListener('end', () => {
  ended = true;
  source.close();
  render();
});
source.addEventListener('error', () => {
  if (!ended) {
    statusText.textContent = words.reconnecting;
  }
});
source.addEventListener('open', () => render());

catchUp.addEventListener('click', () => {
  reading = classStep;
  render();
  steps[reading - 1].scrollIntoView();
});
root.querySelector('.follow-prev').addEventListener('click', () => { reading = Math.max(1, reading - 1); render(); });
root.querySelector('.follow-next').addEventListener('click', () => { reading = Math.min(steps.length, reading + 1); render(); });
render();
