// A walkthrough step read alone: its check live, its buttons working, the demo beside it.
// Arrow keys move between steps through site.js (the pager is a .lesson-pager).

import { labels, openStream, wireActions } from './walk.js';

const root = document.querySelector('.walk-page');
if (root) {
  const words = labels(root);
  wireActions(root, root.dataset.lang, words);
  openStream(root, root.dataset.stream, words);
}
