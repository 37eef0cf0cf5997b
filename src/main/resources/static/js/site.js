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
