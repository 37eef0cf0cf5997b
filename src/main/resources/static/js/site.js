// Keyboard reading: arrow keys move between lessons. In Persian the page reads right to left,
// so the Left arrow goes forward and the Right arrow goes back.
const rtl = document.documentElement.dir === 'rtl';

document.addEventListener('keydown', (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
    return;
  }
  const target = event.target;
  if (target instanceof HTMLElement && target.closest('input, textarea, select, button, [contenteditable]')) {
    return;
  }
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  const back = rtl ? 'ArrowRight' : 'ArrowLeft';
  const rel = event.key === forward ? 'next' : event.key === back ? 'prev' : null;
  const link = rel && document.querySelector(`.lesson-pager a[rel="${rel}"]`);
  if (link) {
    link.click();
  }
});

// After "Check my answers" the page opens at #quiz: put the focus on the result, so it is read first.
// (again once the page has loaded: the browser's own jump to #quiz may move the focus after scripts run)
const result = document.getElementById('quiz-result');
if (result) {
  const focusResult = () => {
    if (document.activeElement !== result) {
      result.focus({ preventScroll: location.hash === '#quiz' });
    }
  };
  focusResult();
  window.addEventListener('load', () => setTimeout(focusResult, 0), { once: true });
}

// Wide tables scroll inside their own box, and a box that scrolls can be reached by keyboard.
for (const table of document.querySelectorAll('.lesson-body table')) {
  if (table.scrollWidth > table.clientWidth + 1) {
    table.tabIndex = 0;
  }
}

// The glossary page: a way back to the lesson the reader came from.
const back = document.querySelector('.glossary-back');
if (back && document.referrer) {
  const from = new URL(document.referrer);
  if (from.origin === location.origin && /^\/(en|fa)\/lessons\/[a-z0-9-]+$/.test(from.pathname)) {
    back.querySelector('a').href = from.pathname;
    back.hidden = false;
  }
}

// A glossary link in a lesson shows its definition in place; "Open in the glossary" leads to the page.
const labels = document.querySelector('.glossary-labels')?.dataset;
let glossary = null;

async function definition(href) {
  const url = new URL(href, location.href);
  glossary ??= fetch(url.pathname, { headers: { Accept: 'text/html' } })
    .then((r) => (r.ok ? r.text() : ''))
    .then((html) => new DOMParser().parseFromString(html, 'text/html'))
    .catch(() => null);
  const page = await glossary;
  const entry = page?.getElementById(url.hash.slice(1));
  return entry ? { term: entry.querySelector('dt > span')?.textContent, text: entry.querySelector('dd')?.textContent } : null;
}

document.addEventListener('click', async (event) => {
  const link = event.target.closest('a.glossary-link');
  if (!link || !labels || event.ctrlKey || event.metaKey || event.shiftKey) {
    return;
  }
  const open = link.nextElementSibling?.classList.contains('glossary-pop') ? link.nextElementSibling : null;
  event.preventDefault();
  if (open) {
    open.remove();
    link.setAttribute('aria-expanded', 'false');
    return;
  }
  const found = await definition(link.href);
  if (!found) {
    location.href = link.href;
    return;
  }
  const pop = document.createElement('span');
  pop.className = 'glossary-pop';
  pop.setAttribute('role', 'note');
  pop.tabIndex = -1;
  const term = document.createElement('strong');
  term.textContent = found.term;
  const more = document.createElement('a');
  more.href = link.href;
  more.textContent = labels.more;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'btn btn-sm btn-outline-secondary glossary-close';
  close.textContent = labels.close;
  close.addEventListener('click', () => {
    pop.remove();
    link.setAttribute('aria-expanded', 'false');
    link.focus();
  });
  pop.append(term, ' ', found.text, ' ', more, ' ', close);
  pop.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      close.click();
    }
  });
  link.after(pop);
  link.setAttribute('aria-expanded', 'true');
  pop.focus();
});
