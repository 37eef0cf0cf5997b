// The live demo: the fleet's state pushed by the site (fleet-feed.js), the controls sent to the JSON
// API (http.js), and a small storefront that sends every action to both versions of the app.
// A lesson shows the few controls its "Try this" names (its preset); "All controls" shows the rest.
// Every action answers next to the control that caused it, per version, and the log beside it says
// what happened, who did it and in which version. Mount it on any element with mountDemo(root);
// every section.demo[data-stream] on a page is mounted on load. Without this script the page says
// what still works and links to the control room.

import { getJson, send, actorTag } from './http.js';
import { onFleet } from './fleet-feed.js';
import { formatter, figure, isolate, labelled } from './demo-format.js';

const SVG = 'http://www.w3.org/2000/svg';
const TOPOLOGIES = ['monolith', 'microservices'];
const CHART_FEATURES = ['feed', 'post', 'reply', 'tip'];
const FEATURE_SERVICE = { feed: 'posts', users: 'users', post: 'posts', reply: 'threads', tip: 'payments' };
const LOG_KEEP = 40;
const STATE_COLOURS = {
  ready: ['#d1f2dc', '#146c43'],
  starting: ['#fff3cd', '#8a6100'],
  stopping: ['#fff3cd', '#8a6100'],
  stopped: ['#e9ecef', '#495057'],
  killed: ['#f8d7da', '#b02a37'],
  crashed: ['#f8d7da', '#b02a37'],
  failed: ['#f8d7da', '#b02a37'],
};
// a mark per state, so the diagram does not rely on colour alone
const STATE_MARKS = { ready: '✓', starting: '…', stopping: '…', stopped: '■', killed: '✕', crashed: '✕', failed: '✕' };
const BREAKER_COLOURS = { closed: '#146c43', open: '#b02a37', half_open: '#8a6100' };
const DOWN = ['stopped', 'killed', 'crashed', 'failed'];

// What each lesson's "Try this" names. instance: the first instance of a service, one button whose
// action follows its state (Kill, then Start); scale: add and remove; deploy: deploy v2 (or the spec's version), then roll back.
const PRESETS = {
  architecture: { store: true, quick: [], shared: [] },
  monolith: { charts: ['feed', 'tip'], quick: [{ instance: 'monolith/monolith', op: 'crash' }, { instance: 'microservices/payments', op: 'crash' }], shared: ['load:feed', 'load:stop'] },
  autonomous: { quick: [{ deploy: 'microservices/posts' }, { instance: 'microservices/payments', op: 'restart' }, { deploy: 'monolith/monolith' }], shared: [] },
  specialized: { store: true, quick: [{ instance: 'microservices/users', op: 'kill' }], shared: [] },
  scaling: { charts: ['feed'], quick: [{ scale: 'microservices/posts' }, { scale: 'monolith/monolith' }], shared: ['load:feed', 'load:stop'] },
  deployment: { charts: ['feed'], quick: [{ deploy: 'microservices/posts' }, { deploy: 'monolith/monolith' }], shared: ['load:feed', 'load:stop'] },
  technology: { quick: [{ deploy: 'microservices/posts' }, { instance: 'microservices/posts', op: 'slow' }], shared: [] },
  reuse: { store: true, quick: [{ instance: 'microservices/users', op: 'kill' }], shared: [] },
  resilience: { store: true, charts: ['feed', 'tip'], quick: [{ instance: 'microservices/payments', op: 'kill' }, { instance: 'microservices/users', op: 'kill' }, { instance: 'microservices/users', op: 'slow' }], shared: ['toggle:resilience', 'load:tip', 'load:stop'] },
  // the resilience lesson: failures and timeouts; a hung Payments shows what a timeout is for
  // with retries on every hop a hung service gets a retry storm; the deadline budget ends it. storm: whose received calls to show
  timeouts: { store: true, charts: ['tip'], quick: [{ instance: 'microservices/payments', op: 'kill' }, { instance: 'microservices/users', op: 'kill' }, { instance: 'microservices/payments', op: 'hang' }, { instance: 'microservices/users', op: 'hang' }, { instance: 'monolith/monolith', op: 'hang' }], shared: ['set:retries', 'toggle:deadline', 'toggle:resilience'], storm: { microservices: ['payments', 'users'], monolith: ['monolith'] } },
  // technology freedom: Threads moves to Python (v3) and back; the monolith refuses v3
  polyglot: { store: true, quick: [{ deploy: 'microservices/threads', version: 'v3' }, { deploy: 'monolith/monolith', version: 'v3' }], shared: ['load:feed', 'load:stop'] },
};

function Demo(root) {
  this.root = root;
  this.lang = root.dataset.lang || document.documentElement.lang || 'en';
  this.rtl = getComputedStyle(root).direction === 'rtl';
  this.labels = {};
  for (const span of root.querySelectorAll('.demo-labels [data-k]')) {
    this.labels[span.dataset.k] = span.textContent;
  }
  this.fmt = formatter(this.lang, (key, ...args) => this.label(key, ...args));
  this.operate = root.dataset.operate !== 'false';
  this.preset = PRESETS[root.dataset.preset] ?? { store: true, charts: CHART_FEATURES, quick: [], shared: [] };
  this.view = null;
  this.users = [];
  this.seen = new Set();
  this.watching = {}; // per feedback line: what the last action waits for in the live view
  this.tipResults = {};
}

Demo.prototype.label = function (key, ...args) {
  const text = this.labels[key] ?? key;
  return text.replace(/\{(\d)\}/g, (_, n) => args[Number(n)] ?? '');
};

Demo.prototype.start = function () {
  const root = this.root;
  root.classList.add('demo--live');
  root.classList.toggle('demo--store', Boolean(this.preset.store));
  root.classList.toggle('demo--charts', Boolean(this.preset.charts));
  root.classList.toggle('demo--readonly', !this.operate);
  root.dataset.show = root.dataset.show || 'microservices';
  for (const hidden of root.querySelectorAll('.demo-live-only')) {
    hidden.hidden = false;
  }
  root.querySelector('.demo-readonly-note').hidden = this.operate;
  root.addEventListener('submit', (event) => this.onSubmit(event));
  root.addEventListener('click', (event) => this.onClick(event));
  root.querySelector('.demo-compose').addEventListener('submit', (event) => this.onCompose(event));
  root.querySelector('.demo-author').addEventListener('change', () => this.refreshFeeds());
  this.renderShared();
  this.showVersion(root.dataset.show);
  onFleet((view) => this.render(view), root.dataset.stream);
  this.loadUsers();
};

// ------------------------------------------------------------------ talking to the site

Demo.prototype.post = function (url, fields) {
  return send(url, fields, this.lang);
};

Demo.prototype.get = function (url) {
  return getJson(url, this.lang);
};

Demo.prototype.store = function (topology, path) {
  return `/api/store/${topology}${path}?lang=${this.lang}`;
};

Demo.prototype.fleetApi = function (path) {
  return `/api/fleet${path}?lang=${this.lang}`;
};

Demo.prototype.refusal = function (answer) {
  return answer.body?.detail ?? answer.body?.message ?? this.label('said.failed');
};

// ------------------------------------------------------------------ feedback next to the control

Demo.prototype.said = function (where) {
  return this.root.querySelector(`.demo-said[data-for="${where}"]`);
};

// parts: [{ text, bad, tag }]; a tag names the version ("Monolith: ...")
Demo.prototype.say = function (where, parts) {
  const line = this.said(where);
  if (!line) {
    return;
  }
  const pieces = [];
  parts.forEach((part, n) => {
    if (n > 0) {
      pieces.push(' · ');
    }
    const span = document.createElement('span');
    span.className = part.bad ? 'demo-said-bad' : part.pending ? 'demo-said-pending' : 'demo-said-ok';
    const mark = document.createElement('span');
    mark.className = 'demo-mark';
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = part.bad ? '✕ ' : part.pending ? '… ' : '✓ ';
    span.append(mark);
    if (part.tag) {
      const tag = document.createElement('strong');
      tag.textContent = labelled(this.label(`tag.${part.tag}`));
      span.append(tag, ' ');
    }
    const text = document.createElement('bdi');
    text.dir = this.rtl ? 'rtl' : 'ltr';
    text.textContent = part.text;
    span.append(text);
    pieces.push(span);
  });
  line.replaceChildren(...pieces);
};

// A fleet action: say it is on its way, then what the site answered, then (for instance actions)
// the state the instance reaches, read from the live view.
Demo.prototype.act = async function (where, url, fields, watch, what) {
  this.say(where, [{ text: this.label('said.sending', what), pending: true }]);
  const answer = await this.post(url, fields);
  if (!answer.ok) {
    delete this.watching[where];
    this.say(where, [{ text: this.refusal(answer), bad: true }]);
    return answer;
  }
  if (watch) {
    this.watching[where] = watch;
    this.follow(where);
  } else {
    this.say(where, [{ text: this.label('said.done', what) }]);
  }
  return answer;
};

// Turns the live state into the words next to the control: "payments-1 is killed: tips fail ..."
Demo.prototype.follow = function (where) {
  const watch = this.watching[where];
  const view = this.view;
  if (!watch || !view) {
    return;
  }
  if (watch.instance) {
    const found = this.findInstance(watch.instance);
    if (!found) {
      return;
    }
    const { instance, service, topology } = found;
    const settled = !['starting', 'stopping'].includes(instance.state);
    const changed = instance.state !== watch.from || watch.op === 'chaos' || watch.op === 'restart' && watch.seenBusy;
    if (['starting', 'stopping'].includes(instance.state)) {
      watch.seenBusy = true;
    }
    if (!settled || !changed) {
      this.say(where, [{ text: this.label('said.state', instance.id, instance.stateLabel), pending: true, tag: topology.id }]);
      return;
    }
    const parts = [{ text: this.label('said.state', instance.id, instance.stateLabel), bad: DOWN.includes(instance.state), tag: topology.id }];
    if (watch.op === 'chaos') {
      parts[0] = { text: this.chaosWords(instance), tag: topology.id, bad: this.hasChaos(instance) };
    }
    if (service.running === 0) {
      parts.push({ text: this.label(`needs.${service.name}`, service.label), bad: true });
    } else if (instance.state === 'ready' && watch.from !== 'ready') {
      parts.push({ text: this.label('said.back', service.label) });
    }
    this.say(where, parts);
    delete this.watching[where];
    return;
  }
  if (watch.service) {
    const [topologyId, name] = watch.service.split('/');
    const service = this.findService(topologyId, name);
    if (!service) {
      return;
    }
    if (service.activity || service.instances.some((i) => ['starting', 'stopping'].includes(i.state))) {
      watch.seenBusy = true;
      const busy = service.activity ? this.label('busy', this.fmt.digits(service.activity)) : this.label('said.working');
      this.say(where, [{ text: `${service.label}: ${busy}`, pending: true, tag: topologyId }]);
      return;
    }
    if (!watch.seenBusy && service.running === watch.running && service.version === watch.version) {
      return;
    }
    this.say(where, [{ text: this.label('said.service', service.label, this.fmt.version(service.version),
      this.fmt.number(service.running)), tag: topologyId }]);
    delete this.watching[where];
  }
};

Demo.prototype.chaosWords = function (instance) {
  if (!this.hasChaos(instance)) {
    return this.label('said.healed', instance.id);
  }
  if (instance.chaos.hangShare > 0) {
    return this.label('said.hang', instance.id, this.fmt.percent(instance.chaos.hangShare));
  }
  return instance.chaos.errorShare > 0
    ? this.label('said.errors', instance.id, this.fmt.percent(instance.chaos.errorShare))
    : this.label('said.slow', instance.id, this.fmt.milliseconds(instance.chaos.latencyMs));
};

Demo.prototype.hasChaos = function (instance) {
  const c = instance.chaos ?? {};
  return ((c.latencyMs > 0 || c.jitterMs > 0) && c.latencyShare > 0) || c.errorShare > 0 || c.hangShare > 0;
};

Demo.prototype.findInstance = function (id) {
  for (const topology of this.view?.topologies ?? []) {
    for (const service of topology.services) {
      const instance = service.instances.find((i) => i.id === id);
      if (instance) {
        return { instance, service, topology };
      }
    }
  }
  return null;
};

Demo.prototype.findService = function (topologyId, name) {
  return this.view?.topologies.find((t) => t.id === topologyId)?.services.find((s) => s.name === name) ?? null;
};

// ------------------------------------------------------------------ what a click does

// Server-rendered forms (the settings) go to the JSON API instead of reloading.
Demo.prototype.onSubmit = function (event) {
  const form = event.target;
  if (!form.classList.contains('demo-form') || !form.dataset.api) {
    return;
  }
  event.preventDefault();
  // the pressed button's own value counts (the retries buttons carry theirs)
  const fields = Object.fromEntries(new FormData(form, event.submitter));
  delete fields.back;
  const toggle = form.querySelector('.demo-toggle');
  const what = toggle ? (toggle.dataset.next ?? toggle.textContent)
    : `${form.querySelector('[role="group"]')?.getAttribute('aria-label') ?? ''}: ${event.submitter?.textContent ?? ''}`;
  this.act('shared', this.fleetApi('/settings'), fields, null, what);
};

Demo.prototype.onClick = function (event) {
  const version = event.target.closest('button[data-show]');
  if (version) {
    this.showVersion(version.dataset.show);
    return;
  }
  if (event.target.closest('.demo-all-toggle')) {
    this.showAll(!this.root.classList.contains('demo--all'));
    return;
  }
  const button = event.target.closest('button[data-op]');
  if (button) {
    event.preventDefault();
    this.run(button);
    return;
  }
  const load = event.target.closest('button[data-load]');
  if (load) {
    this.load(load.dataset.load, load.textContent);
  }
};

Demo.prototype.run = function (button) {
  const { op, instance, topology, service, value, where } = button.dataset;
  const what = button.getAttribute('aria-label') ?? button.textContent;
  const spot = where ?? topology ?? 'shared';
  const found = instance ? this.findInstance(instance) : null;
  const from = found?.instance.state;
  const chaosUrl = this.fleetApi(`/instances/${instance}/chaos`);
  const actions = {
    instance: () => this.act(spot, this.fleetApi(`/instances/${instance}/${value}`), null, { instance, from, op: value }, what),
    slow: () => this.act(spot, chaosUrl, { latencyMs: 1500, latencyShare: 1, jitterMs: 500 }, { instance, from, op: 'chaos' }, what),
    errors: () => this.act(spot, chaosUrl, { errorShare: 0.5 }, { instance, from, op: 'chaos' }, what),
    hang: () => this.act(spot, chaosUrl, { hangShare: 1 }, { instance, from, op: 'chaos' }, what),
    heal: () => this.act(spot, chaosUrl, { latencyMs: 0, latencyShare: 0, errorShare: 0, hangShare: 0, jitterMs: 0 },
      { instance, from, op: 'chaos' }, what),
    scale: () => this.serviceAct(spot, topology, service, 'scale', { replicas: value }, what),
    deploy: () => this.serviceAct(spot, topology, service, 'deploy', { version: value }, what),
    rollback: () => this.serviceAct(spot, topology, service, 'rollback', null, what),
    tip: () => this.tip(topology, button),
    react: () => this.react(topology, value),
  };
  actions[op]?.();
};

Demo.prototype.serviceAct = function (where, topology, name, action, fields, what) {
  const service = this.findService(topology, name);
  const watch = { service: `${topology}/${name}`, running: service?.running, version: service?.version };
  return this.act(where, this.fleetApi(`/services/${topology}/${name}/${action}`), fields, watch, what);
};

// Load goes to both versions at once; the answer says what each version did with it.
Demo.prototype.load = async function (kind, what) {
  if (kind === 'stop') {
    this.act('shared', this.fleetApi('/load/stop'), null, null, what);
    return;
  }
  this.say('shared', [{ text: this.label('said.sending', what), pending: true }]);
  const rps = kind === 'tip' ? 10 : 20;
  const answers = await Promise.all(TOPOLOGIES.map((topology) =>
    this.post(this.fleetApi('/load'), { topology, feature: kind, rps, seconds: 20 })));
  this.say('shared', answers.map((answer, n) => answer.ok
    ? { tag: TOPOLOGIES[n], text: this.label('said.loadStarted', this.fmt.perSecond(rps)) }
    : { tag: TOPOLOGIES[n], text: this.refusal(answer), bad: true }));
};

Demo.prototype.showVersion = function (topology) {
  this.root.dataset.show = topology;
  for (const b of this.root.querySelectorAll('.demo-switch button[data-show]')) {
    b.setAttribute('aria-pressed', String(b.dataset.show === topology));
  }
};

Demo.prototype.showAll = function (all) {
  this.root.classList.toggle('demo--all', all);
  const toggle = this.root.querySelector('.demo-all-toggle');
  toggle.setAttribute('aria-expanded', String(all));
  toggle.textContent = this.label(all ? 'controls.fewer' : 'controls.all');
  if (this.view) {
    this.render(this.view);
  }
  this.refreshFeeds();
};

// ------------------------------------------------------------------ the storefront

Demo.prototype.loadUsers = async function () {
  for (const topology of ['microservices', 'monolith']) {
    const answer = await this.get(this.store(topology, '/users'));
    if (answer.ok && answer.body?.data?.users) {
      this.users = answer.body.data.users;
      break;
    }
  }
  const select = this.root.querySelector('.demo-author');
  const chosen = select.value;
  select.replaceChildren(...this.users.map((u) => option(u.id, u.name)));
  if (chosen) {
    select.value = chosen;
  }
  this.refreshFeeds();
};

Demo.prototype.refreshFeeds = function () {
  if (!this.preset.store && !this.root.classList.contains('demo--all')) {
    return;
  }
  for (const topology of TOPOLOGIES) {
    this.refreshFeed(topology);
  }
};

Demo.prototype.refreshFeed = async function (topology) {
  const panel = this.part(topology, '.demo-feed');
  if (!panel) {
    return;
  }
  const answer = await this.get(this.store(topology, '/feed'));
  if (!answer.ok) {
    panel.replaceChildren(note(`✕ ${answer.body?.message ?? this.label('said.failed')}`, 'demo-said-bad'));
    return;
  }
  const me = this.root.querySelector('.demo-author').value;
  const list = document.createElement('ul');
  list.className = 'list-unstyled demo-posts';
  const posts = answer.body.data?.posts ?? [];
  for (const post of posts.slice(0, 2)) {
    const item = document.createElement('li');
    item.className = 'demo-post';
    const author = document.createElement('strong');
    author.textContent = post.authorName ?? this.label('store.nameUnavailable');
    if (!post.authorName) {
      author.className = 'text-body-secondary fst-italic';
    }
    const text = document.createElement('p');
    text.className = 'mb-1 demo-post-text';
    text.textContent = post.text;
    text.dir = 'auto';
    const tools = document.createElement('div');
    tools.className = 'demo-post-tools';
    const who = post.authorName ?? this.label('store.nameUnavailable');
    if (this.operateStore()) {
      const tip = button(this.label('store.tip'), { op: 'tip', topology, value: post.authorId, post: post.id }, String(post.authorId) === me);
      tip.classList.add('btn-outline-primary');
      tip.setAttribute('aria-label', this.label('store.tipWho', who));
      if (String(post.authorId) === me) {
        tip.title = this.label('store.tipSelf');
      }
      tools.append(tip);
      if (post.reactions !== undefined) {
        const like = button(this.label('store.react'), { op: 'react', topology, value: post.id });
        like.classList.add('btn-outline-primary');
        like.setAttribute('aria-label', this.label('store.reactWho', who));
        tools.append(like);
      }
    }
    if (post.reactions !== undefined) {
      tools.append(note(this.label('store.reactions', this.fmt.number(post.reactions)), 'demo-likes small text-body-secondary'));
    }
    const result = document.createElement('span');
    result.className = 'demo-tip-result small';
    const kept = this.tipResults[`${topology}/${post.id}`];
    if (kept) {
      this.markTip(result, kept);
    }
    tools.append(result);
    item.append(author, text, ...tools.children);
    list.append(item);
  }
  const meta = answer.body.instance ? note(this.label('store.answeredBy', answer.body.instance), 'small text-body-secondary demo-answered-by') : '';
  // the feed is drawn again; a Tip or Like button that had the focus keeps it
  const focused = panel.contains(document.activeElement) ? document.activeElement.dataset : null;
  panel.replaceChildren(posts.length ? list : note(this.label('store.empty')), meta);
  if (focused?.op) {
    const same = [...panel.querySelectorAll(`button[data-op="${focused.op}"]`)]
      .find((b) => b.dataset.value === focused.value && b.dataset.post === focused.post);
    same?.focus();
  }
};

Demo.prototype.operateStore = function () {
  return true;
};

// A post goes to both versions; the answer says, per version, whether it was posted and by which
// instance, or why it was refused.
Demo.prototype.onCompose = async function (event) {
  event.preventDefault();
  const form = event.target;
  const fields = Object.fromEntries(new FormData(form));
  this.say('shared', [{ text: this.label('said.sending', this.label('store.post')), pending: true }]);
  const results = await Promise.all(TOPOLOGIES.map((t) => this.post(this.store(t, '/posts'), fields)));
  const invalid = results.find((r) => r.status === 400 && r.body?.fields);
  if (invalid) {
    const fieldErrors = Object.values(invalid.body.fields ?? {});
    this.say('shared', [{ text: [invalid.body.message, ...fieldErrors].filter(Boolean).join(' '), bad: true }]);
    return;
  }
  this.say('shared', results.map((r, n) => this.versionAnswer(TOPOLOGIES[n], 'post', r, 'said.posted')));
  if (results.some((r) => r.ok)) {
    form.querySelector('.demo-text').value = '';
  }
  this.refreshFeeds();
};

// "Microservices: posted, answered by posts-2" or "Monolith: refused: no Monolith instance is running"
Demo.prototype.versionAnswer = function (topology, feature, answer, okKey) {
  if (answer.ok) {
    return { tag: topology, text: this.label(okKey, answer.body?.instance ?? '') };
  }
  return { tag: topology, bad: true, text: this.label('said.refused', this.why(topology, feature, answer)) };
};

Demo.prototype.why = function (topology, feature, answer) {
  const name = topology === 'monolith' ? 'monolith' : FEATURE_SERVICE[feature];
  const service = this.findService(topology, name);
  if (service && service.running === 0) {
    return this.label('why.down', service.label);
  }
  if (service && service.breaker === 'open') {
    return this.label('why.breaker', service.label);
  }
  return this.refusal(answer);
};

// A tip is sent, then sent again with the same idempotency key, as a client retries after a lost answer.
Demo.prototype.tip = async function (topology, source) {
  const postId = source.dataset.post;
  const from = this.root.querySelector('.demo-author').value;
  const key = randomKey();
  const fields = { fromUserId: from, toUserId: source.dataset.value, amountCents: 100, idempotencyKey: key };
  const first = await this.post(this.store(topology, '/tips'), fields);
  let kept;
  if (!first.ok) {
    kept = { bad: true, text: `✕ ${this.label('said.refused', this.why(topology, 'tip', first))}` };
  } else {
    const retry = await this.post(this.store(topology, '/tips'), fields);
    kept = { text: retry.ok && retry.body?.data?.replayed
      ? `✓ ${this.label('store.tipDone')}. ${this.label('store.tipReplayed')}.`
      : `✓ ${this.label('store.tipDone')}` };
  }
  if (this.preset.storm && first.body?.attempts !== undefined) {
    // the timeouts lesson: how many attempts the gateway made, and how long the page waited
    kept.text += ` (${this.label('said.tipWaited', this.fmt.number(first.body.attempts), this.fmt.milliseconds(first.body.waitedMs))})`;
  }
  this.tipResults[`${topology}/${postId}`] = kept;
  const result = source.parentElement.querySelector('.demo-tip-result');
  if (result) {
    this.markTip(result, kept);
  }
  // the same answer, whole and announced, on the version's answer line
  this.say(topology, [{ tag: topology, bad: kept.bad, text: `${source.getAttribute('aria-label')}: ${kept.text.replace(/^[✓✕] /, '')}` }]);
};

// Beside the Tip button only a sign (✓ or ✕), so the row keeps its size; the words are on the
// version's answer line, and in the sign's tooltip.
Demo.prototype.markTip = function (result, kept) {
  result.className = `demo-tip-result small ${kept.bad ? 'demo-said-bad' : 'demo-said-ok'}`;
  result.textContent = kept.bad ? '✕' : '✓';
  result.title = kept.text;
};

Demo.prototype.react = async function (topology, postId) {
  await this.post(this.store(topology, `/posts/${postId}/reactions`));
  this.refreshFeed(topology);
};

// ------------------------------------------------------------------ the live view

// A version's parts sit in two rows (diagram and controls on top, feed and charts below): find one.
Demo.prototype.part = function (topology, selector) {
  return this.root.querySelector(`.demo-topology[data-topology="${topology}"] ${selector}`);
};

Demo.prototype.render = function (view) {
  const first = !this.view;
  this.view = view;
  this.renderSettings(view);
  for (const topology of view.topologies) {
    const part = (selector) => this.part(topology.id, selector);
    if (!part('.demo-diagram')) {
      continue;
    }
    part('.demo-rss').replaceChildren(figure(this.label('fig.memory'), this.fmt.megabytes(topology.rssBytes)));
    this.renderDiagram(part('.demo-diagram'), topology);
    this.renderQuick(part('.demo-quick'), topology);
    this.renderInstances(part('.demo-instances'), topology);
    this.renderServices(part('.demo-services'), topology);
    this.renderChart(part('.demo-chart'), topology);
    this.renderStorm(part('.demo-storm'), topology);
  }
  for (const where of Object.keys(this.watching)) {
    this.follow(where);
  }
  const fresh = view.events.filter((e) => !this.seen.has(e.id));
  if (fresh.length) {
    if (!this.users.length) {
      // the fleet was still starting when the page loaded: ask again now that something changed
      this.loadUsers();
    } else if (!first) {
      this.refreshFeeds();
    }
    this.renderEvents(fresh, first);
  }
};

Demo.prototype.renderSettings = function (view) {
  const toggles = [
    ['.demo-toggle-resilience', 'resilience', view.settings.resilience, 'resilience'],
    ['.demo-toggle-restart', 'autoRestart', view.settings.autoRestart, 'autoRestart'],
    ['.demo-toggle-deadline', 'deadline', Boolean(view.settings.deadline), 'deadline'],
  ];
  for (const choice of this.root.querySelectorAll('.demo-retry')) {
    choice.setAttribute('aria-pressed', String(Number(choice.value) === (view.settings.retries ?? 0)));
  }
  for (const [selector, field, on, key] of toggles) {
    const toggle = this.root.querySelector(selector);
    if (!toggle) {
      continue;
    }
    toggle.setAttribute('aria-pressed', String(on));
    toggle.textContent = this.label(`${key}.${on ? 'on' : 'off'}`);
    toggle.dataset.next = this.label(`${key}.${on ? 'off' : 'on'}`);
    toggle.form.querySelector(`input[name="${field}"]`).value = String(!on);
  }
  this.root.querySelector('.demo-memory').replaceChildren(
    figure(this.label('fig.fleetMemory'), this.fmt.megabytes(view.totalRssBytes)),
    ' · ', figure(this.label('fig.siteMemory'), this.fmt.megabytes(view.siteRssBytes)));
};

// The retry storm in figures (the timeouts lesson): the calls each service has received, of them the
// retries, and how many attempts the last tip took and how long the page waited for it.
Demo.prototype.renderStorm = function (line, topology) {
  const names = this.preset.storm?.[topology.id];
  if (!line || !names) {
    return;
  }
  // one piece per service, each kept whole, so the line wraps between services
  const counts = names.map((name) => topology.services.find((s) => s.name === name)).filter(Boolean)
    .map((service) => {
      const count = document.createElement('bdi');
      count.className = 'demo-fig';
      count.textContent = this.label('storm.count', service.label, this.fmt.number(service.attempts ?? 0),
        this.fmt.number(service.retried ?? 0));
      return count;
    });
  const name = document.createElement('span');
  name.className = 'demo-fig-name';
  name.textContent = this.label('storm.received');
  const separator = this.fmt.list(['', '']);
  line.dir = this.rtl ? 'rtl' : 'ltr';
  line.replaceChildren(name, ' ', ...counts.flatMap((c, n) => (n ? [separator, c] : [c])));
  line.hidden = false;
};

// The lesson's own controls for this version: one button per control, whose label follows the
// state ("Kill payments-1", then "Start payments-1"). Buttons are kept, only their words change.
Demo.prototype.renderQuick = function (box, topology) {
  if (!this.operate) {
    box.replaceChildren();
    return;
  }
  const specs = this.preset.quick.filter((q) => (q.instance ?? q.scale ?? q.deploy).startsWith(`${topology.id}/`));
  const buttons = [];
  specs.forEach((spec, n) => {
    const [, name] = (spec.instance ?? spec.scale ?? spec.deploy).split('/');
    const service = topology.services.find((s) => s.name === name);
    if (!service) {
      return;
    }
    if (spec.instance) {
      buttons.push(this.quickInstance(box, `${n}`, service, spec.op, topology.id));
    } else if (spec.scale) {
      buttons.push(this.quickButton(box, `${n}-out`, this.scaleData(topology.id, service, 1), this.label('quick.scaleOut', service.label), service.running >= 5 || Boolean(service.activity)));
      buttons.push(this.quickButton(box, `${n}-in`, this.scaleData(topology.id, service, -1), this.label('quick.scaleIn', service.label), service.running <= 1 || Boolean(service.activity)));
    } else {
      const data = { topology: topology.id, service: service.name };
      const back = Boolean(service.previousVersion);
      const target = spec.version ?? 'v2';
      const text = back ? this.label('quick.rollback', service.label, this.fmt.version(service.previousVersion))
        : this.label('quick.deploy', service.label, target);
      buttons.push(this.quickButton(box, `${n}`, back ? { ...data, op: 'rollback' } : { ...data, op: 'deploy', value: target }, text, Boolean(service.activity)));
    }
  });
  const current = [...box.children];
  if (current.length !== buttons.length || current.some((b, n) => b !== buttons[n])) {
    box.replaceChildren(...buttons);
  }
};

Demo.prototype.scaleData = function (topology, service, step) {
  return { topology, service: service.name, op: 'scale', value: service.running + step };
};

Demo.prototype.quickInstance = function (box, slot, service, op, topology) {
  const instance = service.instances[0];
  if (!instance) {
    return this.quickButton(box, slot, {}, service.label, true);
  }
  const id = instance.id;
  const busy = ['starting', 'stopping'].includes(instance.state);
  if (busy) {
    return this.quickButton(box, slot, { op: 'instance', instance: id, value: 'start', topology }, this.label('quick.busy', id, instance.stateLabel), true);
  }
  if (DOWN.includes(instance.state)) {
    if (op === 'slow' || op === 'hang') {
      // a fault needs a running instance: the button beside it that stopped it starts it again
      return this.quickButton(box, slot, { op, instance: id, topology }, this.label(`quick.${op}`, id), true, op === 'hang');
    }
    return this.quickButton(box, slot, { op: 'instance', instance: id, value: 'start', topology }, this.label('quick.start', id));
  }
  if (op === 'slow' || op === 'hang') {
    return this.hasChaos(instance)
      ? this.quickButton(box, slot, { op: 'heal', instance: id, topology }, this.label('quick.heal', id))
      : this.quickButton(box, slot, { op, instance: id, topology }, this.label(`quick.${op}`, id), false, op === 'hang');
  }
  return this.quickButton(box, slot, { op: 'instance', instance: id, value: op, topology }, this.label(`quick.${op}`, id), false, op !== 'restart');
};

// One button per slot, created once: under the pointer it changes its words, never its place.
Demo.prototype.quickButton = function (box, slot, data, text, disabled, danger) {
  let b = box.querySelector(`button[data-slot="${slot}"]`);
  if (!b) {
    b = button('', {});
    b.dataset.slot = slot;
  }
  for (const key of ['op', 'instance', 'topology', 'service', 'value']) {
    delete b.dataset[key];
  }
  Object.assign(b.dataset, data);
  b.classList.toggle('btn-outline-danger', Boolean(danger));
  b.classList.toggle('btn-outline-primary', !danger);
  b.textContent = text;
  b.disabled = Boolean(disabled);
  const hint = this.labels[`hint.${data.op === 'instance' ? data.value : data.op}`];
  b.title = hint ?? '';
  return b;
};

// Every instance: its state, its actions (under "All controls"), and its figures folded away.
// Rows are kept between updates so a button under the pointer or the focus is not replaced.
Demo.prototype.renderInstances = function (list, topology) {
  const rows = [];
  for (const service of topology.services) {
    for (const instance of service.instances) {
      let row = list.querySelector(`li[data-instance="${instance.id}"]`);
      if (!row) {
        row = document.createElement('li');
        row.className = 'demo-instance';
        row.dataset.instance = instance.id;
        const head = document.createElement('div');
        head.className = 'demo-instance-head';
        const badge = document.createElement('span');
        const id = document.createElement('bdi');
        id.className = 'demo-instance-id';
        id.textContent = instance.id;
        head.append(id, badge);
        const actions = document.createElement('div');
        actions.className = 'demo-instance-actions';
        actions.setAttribute('role', 'group');
        actions.setAttribute('aria-label', this.label('group.instance', instance.id));
        const details = document.createElement('details');
        details.className = 'demo-instance-details';
        const summary = document.createElement('summary');
        summary.textContent = this.label('figures.of', instance.id);
        const figures = document.createElement('p');
        figures.className = 'demo-figures small mb-1';
        figures.dir = this.rtl ? 'rtl' : 'ltr';
        details.append(summary, figures);
        row.append(head, actions, details);
      }
      const badge = row.querySelector('.demo-instance-head > span');
      badge.className = `state-badge state-${instance.state}`;
      badge.textContent = `${STATE_MARKS[instance.state] ?? ''} ${instance.stateLabel}`;
      row.querySelector('.demo-figures').replaceChildren(...this.instanceFigures(instance));
      const chaos = this.hasChaos(instance);
      const actionsKey = `${instance.state}/${chaos}/${this.operate}`;
      if (row.dataset.actions !== actionsKey) {
        row.querySelector('.demo-instance-actions').replaceChildren(...this.instanceActions(instance, chaos, topology.id));
        row.dataset.actions = actionsKey;
      }
      row.dataset.state = instance.state;
      rows.push(row);
    }
  }
  const current = [...list.children];
  if (current.length !== rows.length || current.some((r, n) => r !== rows[n])) {
    list.replaceChildren(...rows);
  }
};

Demo.prototype.instanceFigures = function (instance) {
  const f = this.fmt;
  const parts = [figure(this.label('fig.version'), f.version(instance.version))];
  if (instance.state === 'ready' || instance.pid) {
    parts.push(
      figure(this.label('fig.pid'), String(instance.pid)),
      figure(this.label('fig.port'), String(instance.port)),
      figure(this.label('fig.memory'), f.megabytes(instance.rssBytes)),
      figure(this.label('fig.cpu'), f.percent(instance.cpuPercent / 100)),
      figure(this.label('fig.rps'), f.perSecond(instance.rps)),
      figure(this.label('fig.errors'), f.percent(instance.errorRate)),
      figure(this.label('fig.p95'), f.milliseconds(instance.p95Ms)));
  }
  if (instance.error) {
    parts.push(figure(this.label('fig.error'), instance.error));
  }
  const out = [];
  parts.forEach((p, n) => {
    if (n > 0) {
      out.push(' · ');
    }
    out.push(p);
  });
  return out;
};

Demo.prototype.instanceActions = function (instance, chaos, topology) {
  if (!this.operate) {
    return [];
  }
  const buttons = [];
  const add = (key, data, danger) => {
    const b = button(this.label(`action.${key}`), { ...data, instance: instance.id, where: topology });
    b.classList.add(danger ? 'btn-outline-danger' : 'btn-outline-secondary');
    b.setAttribute('aria-label', this.label(`quick.${key}`, instance.id));
    b.title = this.labels[`hint.${key}`] ?? '';
    buttons.push(b);
  };
  if (instance.state === 'ready') {
    add('stop', { op: 'instance', value: 'stop' });
    add('kill', { op: 'instance', value: 'kill' }, true);
    add('crash', { op: 'instance', value: 'crash' }, true);
    if (chaos) {
      add('heal', { op: 'heal' });
    } else {
      add('slow', { op: 'slow' });
      add('errors', { op: 'errors' }, true);
      add('hang', { op: 'hang' }, true);
    }
  } else if (!['starting', 'stopping'].includes(instance.state)) {
    add('start', { op: 'instance', value: 'start' });
  }
  return buttons;
};

Demo.prototype.renderServices = function (box, topology) {
  const key = JSON.stringify([this.operate, topology.services.map((s) => [s.name, s.version, s.previousVersion, s.running,
    s.activity, s.breaker])]);
  if (box.dataset.key === key) {
    return;
  }
  box.dataset.key = key;
  const rows = topology.services.map((service) => {
    const row = document.createElement('div');
    row.className = 'demo-service';
    row.setAttribute('role', 'group');
    row.setAttribute('aria-label', service.label);
    const name = document.createElement('strong');
    name.textContent = service.label;
    const info = document.createElement('span');
    info.className = 'small demo-service-info';
    info.dir = this.rtl ? 'rtl' : 'ltr';
    const parts = [
      figure(this.label('fig.version'), this.fmt.version(service.version)),
      figure(this.label('fig.running'), this.fmt.number(service.running)),
      figure(this.label('fig.breaker'), service.breakerLabel),
    ];
    if (service.activity) {
      parts.push(figure(this.label('fig.busy'), this.fmt.digits(service.activity)));
    }
    parts.forEach((p, n) => info.append(...(n ? [' · ', p] : [p])));
    row.append(name, info);
    if (this.operate) {
      const data = { topology: topology.id, service: service.name, where: topology.id };
      // the versions the service can run; on the polyglot lesson the monolith also offers v3, to be refused
      const versions = [...(service.versions ?? ['v1', 'v2'])];
      if (this.root.dataset.preset === 'polyglot' && topology.id === 'monolith' && !versions.includes('v3')) {
        versions.push('v3');
      }
      const controls = [
        button(this.label('scale.in'), { ...data, op: 'scale', value: service.running - 1 }, service.running <= 1),
        button(this.label('scale.out'), { ...data, op: 'scale', value: service.running + 1 }, service.running >= 5),
      ];
      controls[0].setAttribute('aria-label', this.label('quick.scaleIn', service.label));
      controls[1].setAttribute('aria-label', this.label('quick.scaleOut', service.label));
      for (const v of versions.filter((v) => v !== service.version)) {
        const deploy = button(this.label(`deploy.${v}`), { ...data, op: 'deploy', value: v });
        deploy.setAttribute('aria-label', this.label('quick.deploy', service.label, v));
        controls.push(deploy);
      }
      if (service.previousVersion) {
        const back = button(this.label('rollback'), { ...data, op: 'rollback' });
        back.setAttribute('aria-label', this.label('quick.rollback', service.label, this.fmt.version(service.previousVersion)));
        controls.push(back);
      }
      controls.forEach((b) => b.classList.add('btn-outline-primary'));
      const tools = document.createElement('div');
      tools.className = 'demo-service-actions';
      tools.append(...controls);
      row.append(tools);
    }
    return row;
  });
  box.replaceChildren(...rows);
};

// The diagram: the gateway on top, a box per service (two by two for the microservices), a box per
// instance inside. Its size is fixed, so nothing below it moves when an instance is added or removed;
// its text is at least 12 px where the diagram is 340 px wide (a laptop's two columns).
Demo.prototype.renderDiagram = function (box, topology) {
  const width = 350;
  const height = 192;
  const services = topology.services;
  const columns = services.length > 1 ? 2 : 1;
  const rows = Math.ceil(services.length / columns);
  const gap = 8;
  const top = 36;
  const boxWidth = (width - (columns - 1) * gap) / columns;
  const boxHeight = (height - top - (rows - 1) * gap) / rows;
  const svg = svgNode('svg', { viewBox: `0 0 ${width} ${height}`, class: 'demo-svg', 'aria-hidden': 'true', focusable: 'false',
    direction: this.rtl ? 'rtl' : 'ltr' });
  const gatewayWidth = 150;
  const middle = width / 2;
  svg.append(svgNode('rect', { x: middle - gatewayWidth / 2, y: 2, width: gatewayWidth, height: 26, rx: 6, fill: '#e7f0fa', stroke: '#0b5cad' }));
  svg.append(svgText(this.label('gateway'), middle, 20, { 'font-weight': 'bold' }));
  const spoken = [];
  services.forEach((service, n) => {
    const column = this.rtl ? columns - 1 - (n % columns) : n % columns;
    const x = column * (boxWidth + gap);
    const y = top + Math.floor(n / columns) * (boxHeight + gap);
    const breaker = BREAKER_COLOURS[service.breaker] ?? '#495057';
    // the call from the gateway runs down the gap between the boxes, then into its box
    const edge = column === 0 ? x + boxWidth - 1 : x + 1;
    const route = columns === 1 ? `M ${middle} 28 V ${y}` : `M ${middle} 28 V ${y + 22} H ${edge}`;
    svg.append(svgNode('path', { d: route, fill: 'none', stroke: breaker, 'stroke-width': 2,
      'stroke-dasharray': service.breaker === 'closed' ? '' : '5 4' }));
    svg.append(svgNode('rect', { x: x + 1, y, width: boxWidth - 2, height: boxHeight - 1, rx: 7, fill: '#f8f9fa', stroke: breaker, 'stroke-width': 2 }));
    svg.append(svgText(service.label, x + boxWidth / 2, y + 14, { 'font-weight': 'bold' }));
    const rps = this.fmt.perSecond(sum(service.instances.map((i) => i.rps)));
    svg.append(svgText(`${isolate(this.fmt.version(service.version))} · ${rps} · ${service.breakerLabel}`, x + boxWidth / 2, y + 28, {}));
    let area = boxHeight - 36;
    if (columns === 1) {
      // one process, four modules: the monolith's box shows what it holds
      area -= 30;
      this.drawModules(svg, x, y + boxHeight - 30, boxWidth);
    }
    // up to two instances one under the other with their figures; more side by side, names only
    const count = service.instances.length;
    const across = count > 2 && columns > 1 ? 2 : 1;
    const h = Math.min(22, area / Math.max(1, Math.ceil(count / across)));
    const cell = (boxWidth - 12) / across;
    const states = [];
    service.instances.forEach((instance, k) => {
      const [fill, stroke] = STATE_COLOURS[instance.state] ?? STATE_COLOURS.stopped;
      const cx = x + 6 + (this.rtl ? across - 1 - (k % across) : k % across) * cell;
      const iy = y + 33 + Math.floor(k / across) * h;
      const node = svgNode('g', { class: `demo-node state-${instance.state}`, 'data-instance': instance.id });
      node.append(svgNode('rect', { x: cx + (across > 1 ? 1 : 0), y: iy, width: cell - (across > 1 ? 2 : 0), height: h - 3, rx: 4, fill, stroke,
        'stroke-width': 1.5, 'stroke-dasharray': DOWN.includes(instance.state) ? '3 2' : '' }));
      const words = instance.state === 'ready' ? this.fmt.perSecond(instance.rps) : instance.stateLabel;
      const name = `${STATE_MARKS[instance.state] ?? ''} ${isolate(instance.id)}`;
      // a stopped instance says so by its mark, dashed border and colour; its words are in the caption
      const text = across > 1 || instance.state !== 'ready' ? name : `${name} · ${words}`;
      node.append(svgText(text, cx + cell / 2, iy + (h - 3) / 2 + 4.5, { fill: '#212529', 'font-size': Math.min(13, h - 6) }));
      svg.append(node);
      states.push(this.label('said.state', instance.id, instance.stateLabel));
    });
    const about = this.fmt.list([this.fmt.version(service.version), `${this.label('fig.breaker')} ${service.breakerLabel}`]);
    spoken.push(`${service.label} (${about}): ${this.fmt.list(states)}`);
  });
  box.querySelector('.demo-diagram-art').replaceChildren(svg);
  box.querySelector('figcaption').textContent = `${this.label('diagram.caption', topology.label)} ${this.fmt.clauses(spoken)}`;
};

Demo.prototype.drawModules = function (svg, x, y, width) {
  const names = this.view.topologies.find((t) => t.id === 'microservices')?.services.map((s) => s.label) ?? [];
  const step = (width - 12) / Math.max(1, names.length);
  names.forEach((name, n) => {
    const column = this.rtl ? names.length - 1 - n : n;
    const mx = x + 6 + column * step;
    svg.append(svgNode('rect', { x: mx + 2, y, width: step - 4, height: 22, rx: 4, fill: '#fff', stroke: '#6c757d', 'stroke-dasharray': '3 2' }));
    svg.append(svgText(name, mx + step / 2, y + 15.5, { fill: '#343a40' }));
  });
};

// Successes and failures per second, one small chart per feature; time runs left to right in both
// languages. Failures are darker and hatched, so they differ from successes without colour.
Demo.prototype.renderChart = function (box, topology) {
  const all = this.root.classList.contains('demo--all');
  const features = all ? CHART_FEATURES : (this.preset.charts ?? []);
  const charts = features.map((feature) => {
    const data = topology.features[feature];
    const wrap = document.createElement('figure');
    wrap.className = 'demo-spark';
    const caption = document.createElement('figcaption');
    caption.className = 'small';
    caption.dir = this.rtl ? 'rtl' : 'ltr';
    caption.append(...[
      figure(this.labelFeature(feature), this.fmt.perSecond(data.rps)),
      figure(this.label('fig.failed'), this.fmt.percent(data.errorRate)),
      figure('p95', this.fmt.milliseconds(data.p95Ms)),
    ].flatMap((p, n) => (n ? [' · ', p] : [p])));
    const bars = data.ok.length;
    const max = Math.max(1, ...data.ok.map((ok, n) => ok + data.failed[n]));
    const svg = svgNode('svg', { viewBox: `0 0 ${bars * 4} 40`, preserveAspectRatio: 'none', class: 'demo-spark-svg', 'aria-hidden': 'true', focusable: 'false' });
    const defs = svgNode('defs', {});
    const id = `hatch-${topology.id}-${feature}-${this.root.id}`;
    const pattern = svgNode('pattern', { id, width: 3, height: 3, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
    pattern.append(svgNode('rect', { width: 3, height: 3, fill: '#842029' }), svgNode('line', { x1: 0, y1: 0, x2: 0, y2: 3, stroke: '#fff', 'stroke-width': 1 }));
    defs.append(pattern);
    svg.append(defs);
    data.ok.forEach((ok, n) => {
      const failed = data.failed[n];
      const okHeight = (ok / max) * 38;
      const failedHeight = (failed / max) * 38;
      if (ok) {
        svg.append(svgNode('rect', { x: n * 4, y: 40 - okHeight, width: 3, height: okHeight, fill: '#198754' }));
      }
      if (failed) {
        svg.append(svgNode('rect', { x: n * 4, y: 40 - okHeight - failedHeight, width: 3, height: failedHeight, fill: `url(#${id})` }));
      }
    });
    wrap.append(caption, svg);
    return wrap;
  });
  box.querySelector('.demo-chart-grid').replaceChildren(...charts);
};

Demo.prototype.labelFeature = function (feature) {
  return this.root.querySelector(`.demo-feature-names [data-f="${feature}"]`)?.textContent ?? feature;
};

// The log, newest first. Only new lines are added (nothing is redrawn), and only new lines are
// announced, through one short status line.
Demo.prototype.renderEvents = function (fresh, first) {
  const list = this.root.querySelector('.demo-events');
  const mine = actorTag();
  const items = [];
  for (const event of fresh) {
    this.seen.add(event.id);
    const item = document.createElement('li');
    item.className = event.problem ? 'demo-event demo-event-bad' : 'demo-event';
    item.dataset.event = event.id;
    const mark = document.createElement('span');
    mark.className = 'demo-mark';
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = event.problem ? '✕' : '•';
    const time = document.createElement('time');
    time.textContent = event.time;
    const tag = document.createElement('span');
    tag.className = `demo-tag demo-tag-${event.topology ?? 'both'}`;
    tag.textContent = this.label(`tag.${event.topology ?? 'both'}`);
    const text = document.createElement('bdi');
    text.dir = this.rtl ? 'rtl' : 'ltr';
    const who = event.actor ? this.label(event.actor === mine ? 'who.you' : 'who.other') : '';
    text.textContent = who ? labelled(who, event.text) : event.text;
    if (event.actor && event.actor === mine) {
      item.classList.add('demo-event-mine');
    }
    item.append(mark, ' ', time, ' ', tag, ' ', text);
    item.dataset.topology = event.topology ?? 'both';
    items.push(item);
  }
  list.prepend(...items.reverse());
  while (list.children.length > LOG_KEEP) {
    list.lastElementChild.remove();
  }
  if (!first) {
    const live = this.root.querySelector('.demo-log-live');
    live.textContent = items.slice(0, 3).map((i) => i.textContent.replace(/^[✕•]\s*/, '')).join('. ');
  }
};

// ------------------------------------------------------------------ the shared controls

// The controls both versions share (the lesson's toggles and load, the storefront): the preset's
// ones are shown, the rest wait under "All controls".
Demo.prototype.renderShared = function () {
  const shared = new Set(this.preset.shared);
  for (const item of this.root.querySelectorAll('[data-shared]')) {
    item.classList.toggle('demo-extra', !shared.has(item.dataset.shared));
    if (!this.operate) {
      item.hidden = true;
    }
  }
  const toggle = this.root.querySelector('.demo-all-toggle');
  toggle.hidden = !this.operate && this.preset.store;
  toggle.textContent = this.label('controls.all');
};

// ------------------------------------------------------------------ small DOM helpers

function sum(values) {
  return values.reduce((a, b) => a + (b || 0), 0);
}

function randomKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function button(label, data, disabled) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'btn btn-sm';
  b.textContent = label;
  Object.assign(b.dataset, data);
  b.disabled = Boolean(disabled);
  return b;
}

function option(value, label) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

function note(text, className) {
  const p = document.createElement('p');
  p.className = `mb-1 ${className ?? ''}`;
  p.textContent = text;
  return p;
}

function svgNode(name, attributes) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== '' && value !== undefined) {
      node.setAttribute(key, value);
    }
  }
  return node;
}

function svgText(text, x, y, attributes) {
  const node = svgNode('text', { x, y, 'text-anchor': 'middle', 'font-size': 13, fill: '#212529', ...attributes });
  node.textContent = text;
  return node;
}

/** Mounts the live demo on a root element (a section.demo from the demo fragment); once per root. */
export function mountDemo(root) {
  if (root.dataset.mounted) {
    return null;
  }
  root.dataset.mounted = 'true';
  const demo = new Demo(root);
  demo.start();
  return demo;
}

for (const root of document.querySelectorAll('section.demo[data-stream]')) {
  mountDemo(root);
}
