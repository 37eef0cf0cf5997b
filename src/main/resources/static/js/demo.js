// The live demo on a lesson page: the fleet's state pushed by Server-Sent Events, the controls
// sent to the JSON API, and a small storefront that sends every action to both versions of the app.
// Without this script the page still shows the fleet as it was and its forms still work.

import { getJson, send } from './http.js';
import { onFleet } from './fleet-feed.js';

const SVG = 'http://www.w3.org/2000/svg';
const TOPOLOGIES = ['monolith', 'microservices'];
const CHART_FEATURES = ['feed', 'post', 'reply', 'tip'];
const STATE_COLOURS = {
  ready: ['#d1f2dc', '#146c43'],
  starting: ['#fff3cd', '#8a6100'],
  stopping: ['#fff3cd', '#8a6100'],
  stopped: ['#e9ecef', '#495057'],
  killed: ['#f8d7da', '#b02a37'],
  crashed: ['#f8d7da', '#b02a37'],
  failed: ['#f8d7da', '#b02a37'],
};
const BREAKER_COLOURS = { closed: '#146c43', open: '#b02a37', half_open: '#8a6100' };

function Demo(root) {
  this.root = root;
  this.lang = root.dataset.lang;
  // data-operate="false": a student in classroom mode watches; only the instructor gets controls
  this.operate = root.dataset.operate !== 'false';
  this.rtl = document.documentElement.dir === 'rtl';
  this.labels = {};
  for (const span of root.querySelectorAll('.demo-labels [data-k]')) {
    this.labels[span.dataset.k] = span.textContent;
  }
  this.numbers = new Intl.NumberFormat(this.lang);
  this.lastEvent = 0;
  this.view = null;
  this.users = [];
}

Demo.prototype.label = function (key, ...args) {
  const text = this.labels[key] ?? key;
  return text.replace(/\{(\d)\}/g, (_, n) => args[Number(n)] ?? '');
};

Demo.prototype.number = function (n) {
  return this.numbers.format(n);
};

// A share in percent, with the percent sign of the page's language («۵٪» after Persian digits).
Demo.prototype.percent = function (share) {
  return `${this.number(Math.round(share * 100))}${this.rtl ? '٪' : '%'}`;
};

Demo.prototype.start = function () {
  this.root.addEventListener('submit', (event) => this.onSubmit(event));
  this.root.addEventListener('click', (event) => this.onClick(event));
  const store = this.root.querySelector('.demo-store');
  store.hidden = false;
  store.querySelector('.demo-compose').addEventListener('submit', (event) => this.onCompose(event));
  onFleet((view) => this.render(view), this.root.dataset.stream);
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

Demo.prototype.say = function (text) {
  let box = this.root.querySelector('.demo-error');
  if (!box) {
    box = document.createElement('p');
    box.className = 'alert alert-warning demo-error';
    box.setAttribute('role', 'alert');
    this.root.querySelector('.demo-settings').before(box);
  }
  box.textContent = text;
  box.hidden = !text;
};

Demo.prototype.act = async function (url, fields) {
  const answer = await this.post(url, fields);
  if (!answer.ok) {
    this.say(answer.body?.detail ?? answer.body?.message ?? String(answer.status));
  } else {
    this.say('');
  }
  return answer;
};

// Server-rendered forms (settings, instance actions) go to the JSON API instead of reloading.
Demo.prototype.onSubmit = function (event) {
  const form = event.target;
  if (!form.classList.contains('demo-form') || !form.dataset.api) {
    return;
  }
  event.preventDefault();
  const fields = Object.fromEntries(new FormData(form));
  delete fields.back;
  fields.lang = this.lang;
  this.act(form.dataset.api, fields);
};

Demo.prototype.onClick = function (event) {
  const button = event.target.closest('button[data-op]');
  if (button) {
    event.preventDefault();
    const { op, instance, topology, service, value } = button.dataset;
    const actions = {
      instance: () => this.act(this.fleetApi(`/instances/${instance}/${value}`)),
      slow: () => this.act(this.fleetApi(`/instances/${instance}/chaos`), { latencyMs: 1500, latencyShare: 1 }),
      errors: () => this.act(this.fleetApi(`/instances/${instance}/chaos`), { errorShare: 0.5 }),
      heal: () => this.act(this.fleetApi(`/instances/${instance}/chaos`), { latencyMs: 0, latencyShare: 0, errorShare: 0 }),
      scale: () => this.act(this.fleetApi(`/services/${topology}/${service}/scale`), { replicas: value }),
      deploy: () => this.act(this.fleetApi(`/services/${topology}/${service}/deploy`), { version: value }),
      rollback: () => this.act(this.fleetApi(`/services/${topology}/${service}/rollback`)),
      tip: () => this.tip(topology, button),
      react: () => this.react(topology, value),
    };
    actions[op]?.();
    return;
  }
  const load = event.target.closest('button[data-load]');
  if (load) {
    const kind = load.dataset.load;
    if (kind === 'stop') {
      this.act(this.fleetApi('/load/stop'));
      return;
    }
    const rps = kind === 'tip' ? 10 : 20;
    for (const topology of TOPOLOGIES) {
      this.act(this.fleetApi('/load'), { topology, feature: kind, rps, seconds: 20 });
    }
  }
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
  select.replaceChildren(...this.users.map((u) => option(u.id, u.name)));
  this.refreshFeeds();
};

Demo.prototype.refreshFeeds = function () {
  for (const topology of TOPOLOGIES) {
    this.refreshFeed(topology);
  }
};

Demo.prototype.refreshFeed = async function (topology) {
  const panel = this.panel(topology)?.querySelector('.demo-feed');
  if (!panel) {
    return;
  }
  const answer = await this.get(this.store(topology, '/feed'));
  const list = document.createElement('ul');
  list.className = 'list-unstyled demo-posts';
  if (!answer.ok) {
    panel.replaceChildren(note(answer.body?.message ?? String(answer.status), 'text-danger'));
    return;
  }
  const posts = answer.body.data?.posts ?? [];
  for (const post of posts.slice(0, 4)) {
    const item = document.createElement('li');
    item.className = 'demo-post';
    const author = document.createElement('strong');
    author.textContent = post.authorName ?? this.label('store.nameUnavailable');
    if (!post.authorName) {
      author.className = 'text-body-secondary fst-italic';
    }
    const text = document.createElement('p');
    text.className = 'mb-1';
    text.textContent = post.text;
    text.dir = 'auto';
    const tools = document.createElement('div');
    tools.className = 'd-flex gap-2 align-items-center flex-wrap small';
    tools.append(button(this.label('store.tip'), { op: 'tip', topology, value: post.authorId }));
    if (post.reactions !== undefined) {
      tools.append(button(this.label('store.react'), { op: 'react', topology, value: post.id }));
      tools.append(note(this.label('store.reactions', this.number(post.reactions)), 'text-body-secondary'));
    }
    const result = document.createElement('span');
    result.className = 'demo-tip-result';
    result.setAttribute('aria-live', 'polite');
    tools.append(result);
    item.append(author, text, tools);
    list.append(item);
  }
  const meta = note(answer.body.instance ?? '', 'small text-body-secondary demo-answered-by');
  panel.replaceChildren(posts.length ? list : note(this.label('store.empty')), meta);
};

Demo.prototype.onCompose = async function (event) {
  event.preventDefault();
  const form = event.target;
  const fields = Object.fromEntries(new FormData(form));
  const error = form.querySelector('.demo-compose-error');
  error.textContent = '';
  const results = await Promise.all(TOPOLOGIES.map((t) => this.post(this.store(t, '/posts'), fields)));
  const refused = results.find((r) => !r.ok);
  if (refused) {
    const fieldErrors = Object.values(refused.body?.fields ?? {});
    error.textContent = [refused.body?.message, ...fieldErrors].filter(Boolean).join(' ');
  } else {
    form.querySelector('.demo-text').value = '';
  }
  this.refreshFeeds();
};

// A tip is sent, then sent again with the same idempotency key, as a client retries after a lost answer.
Demo.prototype.tip = async function (topology, source) {
  const result = source.parentElement.querySelector('.demo-tip-result');
  const from = this.root.querySelector('.demo-author').value;
  const key = crypto.randomUUID();
  const fields = { fromUserId: from, toUserId: source.dataset.value, amountCents: 100, idempotencyKey: key };
  const first = await this.post(this.store(topology, '/tips'), fields);
  if (!first.ok) {
    result.textContent = first.body?.message ?? String(first.status);
    result.className = 'demo-tip-result text-danger';
    return;
  }
  const retry = await this.post(this.store(topology, '/tips'), fields);
  result.className = 'demo-tip-result text-success';
  result.textContent = retry.ok && retry.body?.data?.replayed
    ? `${this.label('store.tipDone')}. ${this.label('store.tipReplayed')}.`
    : this.label('store.tipDone');
};

Demo.prototype.react = async function (topology, postId) {
  await this.post(this.store(topology, `/posts/${postId}/reactions`));
  this.refreshFeed(topology);
};

// ------------------------------------------------------------------ the live view

Demo.prototype.panel = function (topology) {
  return this.root.querySelector(`.demo-topology[data-topology="${topology}"]`);
};

Demo.prototype.render = function (view) {
  const previous = this.view;
  this.view = view;
  this.renderSettings(view);
  for (const topology of view.topologies) {
    const panel = this.panel(topology.id);
    if (!panel) {
      continue;
    }
    panel.querySelector('.demo-rss').textContent = topology.rssLabel;
    this.renderDiagram(panel.querySelector('.demo-diagram'), topology);
    this.renderInstances(panel.querySelector('.demo-instances'), topology);
    this.renderServices(panel.querySelector('.demo-services'), topology);
    this.renderChart(panel.querySelector('.demo-chart'), topology);
  }
  const newest = view.events.length ? view.events[view.events.length - 1].id : 0;
  if (newest !== this.lastEvent) {
    if (!this.users.length) {
      // the fleet was still starting when the page loaded: ask again now that something changed
      this.loadUsers();
    }
    this.renderEvents(view.events);
    if (previous) {
      this.refreshFeeds();
    }
    this.lastEvent = newest;
  }
};

Demo.prototype.renderSettings = function (view) {
  const toggles = [
    ['.demo-toggle-resilience', 'resilience', view.settings.resilience],
    ['.demo-toggle-restart', 'autoRestart', view.settings.autoRestart],
  ];
  for (const [selector, field, on] of toggles) {
    const toggle = this.root.querySelector(selector);
    if (!toggle) {
      continue; // a student's read-only widget has no switches
    }
    toggle.setAttribute('aria-pressed', String(on));
    toggle.form.querySelector(`input[name="${field}"]`).value = String(!on);
  }
  this.root.querySelector('.demo-memory').textContent = this.label('memory',
    this.number(Math.round(view.totalRssBytes / 1048576)), this.number(Math.round(view.siteRssBytes / 1048576)));
};

// One line per instance: state, id and figures, then its actions. Rows are kept between updates so
// a button under the pointer or the keyboard focus is not replaced every second.
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
        const figures = document.createElement('bdi');
        figures.className = 'demo-instance-figures small text-body-secondary';
        figures.dir = this.rtl ? 'rtl' : 'ltr';
        head.append(badge, id, figures);
        const actions = document.createElement('div');
        actions.className = 'demo-instance-actions';
        row.append(head, actions);
      }
      const [badge, , figures] = row.firstChild.children;
      badge.className = `state-badge state-${instance.state}`;
      badge.textContent = instance.stateLabel;
      figures.textContent = instance.figures;
      const chaos = instance.chaos.latencyMs > 0 && instance.chaos.latencyShare > 0 || instance.chaos.errorShare > 0;
      const actionsKey = `${instance.state}/${chaos}`;
      if (row.dataset.actions !== actionsKey) {
        row.lastChild.replaceChildren(...this.instanceActions(instance, chaos));
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

Demo.prototype.instanceActions = function (instance, chaos) {
  const buttons = [];
  if (!this.operate) {
    return buttons;
  }
  const add = (label, data, danger) => {
    const b = button(label, data);
    b.classList.add(danger ? 'btn-outline-danger' : 'btn-outline-secondary');
    buttons.push(b);
  };
  if (instance.state === 'ready') {
    add(this.label('action.stop'), { op: 'instance', instance: instance.id, value: 'stop' });
    add(this.label('action.kill'), { op: 'instance', instance: instance.id, value: 'kill' }, true);
    add(this.label('action.crash'), { op: 'instance', instance: instance.id, value: 'crash' }, true);
    if (chaos) {
      add(this.label('action.heal'), { op: 'heal', instance: instance.id });
    } else {
      add(this.label('action.slow'), { op: 'slow', instance: instance.id });
      add(this.label('action.errors'), { op: 'errors', instance: instance.id }, true);
    }
  } else if (!['starting', 'stopping'].includes(instance.state)) {
    add(this.label('action.start'), { op: 'instance', instance: instance.id, value: 'start' });
  }
  return buttons;
};

Demo.prototype.renderServices = function (box, topology) {
  const key = JSON.stringify(topology.services.map((s) => [s.name, s.version, s.previousVersion, s.running, s.activity,
    s.breaker]));
  if (box.dataset.key === key) {
    return;
  }
  box.dataset.key = key;
  const rows = topology.services.map((service) => {
    const row = document.createElement('div');
    row.className = 'demo-service d-flex flex-wrap align-items-center gap-2 mb-2';
    const name = document.createElement('strong');
    name.textContent = service.label;
    const info = document.createElement('span');
    info.className = 'small text-body-secondary';
    const parts = [
      service.version,
      this.label('replicas', this.number(service.running)),
      this.label('breaker', service.breakerLabel),
    ];
    if (service.activity) {
      parts.push(this.label('busy', service.activity.replace(/\d/g, (d) => this.number(Number(d)))));
    }
    info.textContent = parts.join(' · ');
    const data = { topology: topology.id, service: service.name };
    const other = service.version === 'v1' ? 'v2' : 'v1';
    const controls = [
      button(this.label('scale.in'), { ...data, op: 'scale', value: service.running - 1 }, service.running <= 1),
      button(this.label('scale.out'), { ...data, op: 'scale', value: service.running + 1 }, service.running >= 5),
      button(this.label(`deploy.${other}`), { ...data, op: 'deploy', value: other }),
    ];
    if (service.previousVersion) {
      controls.push(button(this.label('rollback'), { ...data, op: 'rollback' }));
    }
    controls.forEach((b) => b.classList.add('btn-outline-primary'));
    row.append(name, info, ...(this.operate ? controls : []));
    return row;
  });
  box.replaceChildren(...rows);
};

// The diagram: the gateway on top, a box per service below it, a box per instance inside.
Demo.prototype.renderDiagram = function (box, topology) {
  const width = 480;
  const services = topology.services;
  const columnWidth = width / services.length;
  const tallest = Math.max(1, ...services.map((s) => s.instances.length));
  const height = 110 + tallest * 30;
  const svg = svgNode('svg', { viewBox: `0 0 ${width} ${height}`, class: 'demo-svg' });
  const gatewayWidth = 140;
  const gx = (width - gatewayWidth) / 2;
  svg.append(svgNode('rect', { x: gx, y: 6, width: gatewayWidth, height: 28, rx: 6, fill: '#e7f0fa', stroke: '#0b5cad' }));
  svg.append(svgText(this.label('gateway'), width / 2, 25, { 'font-weight': 'bold' }));
  services.forEach((service, n) => {
    const column = this.rtl ? services.length - 1 - n : n;
    const x = column * columnWidth + 6;
    const w = columnWidth - 12;
    const breaker = BREAKER_COLOURS[service.breaker] ?? '#495057';
    svg.append(svgNode('line', { x1: width / 2, y1: 34, x2: x + w / 2, y2: 56, stroke: breaker, 'stroke-width': 2,
      'stroke-dasharray': service.breaker === 'closed' ? '' : '5 4' }));
    svg.append(svgNode('rect', { x, y: 56, width: w, height: 44 + service.instances.length * 30, rx: 8,
      fill: '#f8f9fa', stroke: breaker, 'stroke-width': 2 }));
    svg.append(svgText(service.label, x + w / 2, 74, { 'font-weight': 'bold' }));
    svg.append(svgText(`${service.version} · ${service.breakerLabel}`, x + w / 2, 92, { 'font-size': 11 }));
    service.instances.forEach((instance, k) => {
      const [fill, stroke] = STATE_COLOURS[instance.state] ?? STATE_COLOURS.stopped;
      const y = 100 + k * 30;
      const node = svgNode('g', { class: `demo-node state-${instance.state}`, 'data-instance': instance.id });
      node.append(svgNode('rect', { x: x + 6, y, width: w - 12, height: 24, rx: 5, fill, stroke, 'stroke-width': 1.5 }));
      const rps = instance.state === 'ready' ? ` · ${this.number(Math.round(instance.rps))}/s` : '';
      node.append(svgText(`${instance.id}${rps}`, x + w / 2, y + 16, { 'font-size': 11, fill: '#212529' }));
      svg.append(node);
    });
  });
  box.replaceChildren(svg);
};

// Successes and failures per second, one small chart per feature; time runs left to right in both languages.
Demo.prototype.renderChart = function (box, topology) {
  const charts = CHART_FEATURES.map((feature) => {
    const data = topology.features[feature];
    const wrap = document.createElement('figure');
    wrap.className = 'demo-spark';
    const caption = document.createElement('figcaption');
    caption.className = 'small';
    caption.textContent = `${this.labelFeature(feature)} · ${this.number(Math.round(data.rps))}/s · ${this.percent(data.errorRate)}`;
    const bars = data.ok.length;
    const max = Math.max(1, ...data.ok.map((ok, n) => ok + data.failed[n]));
    const svg = svgNode('svg', { viewBox: `0 0 ${bars * 4} 40`, preserveAspectRatio: 'none', class: 'demo-spark-svg' });
    data.ok.forEach((ok, n) => {
      const failed = data.failed[n];
      const okHeight = (ok / max) * 38;
      const failedHeight = (failed / max) * 38;
      if (ok) {
        svg.append(svgNode('rect', { x: n * 4, y: 40 - okHeight, width: 3, height: okHeight, fill: '#198754' }));
      }
      if (failed) {
        svg.append(svgNode('rect', { x: n * 4, y: 40 - okHeight - failedHeight, width: 3, height: failedHeight,
          fill: '#dc3545' }));
      }
    });
    wrap.append(caption, svg);
    return wrap;
  });
  box.replaceChildren(...charts);
};

Demo.prototype.labelFeature = function (feature) {
  return this.root.querySelector(`.demo-feature-names [data-f="${feature}"]`)?.textContent ?? feature;
};

Demo.prototype.renderEvents = function (events) {
  const list = this.root.querySelector('.demo-events');
  const items = events.slice(-12).reverse().map((event) => {
    const item = document.createElement('li');
    if (event.problem) {
      item.className = 'text-danger';
    }
    const time = document.createElement('time');
    time.textContent = event.time;
    const text = document.createElement('span');
    text.textContent = ` ${event.text}`;
    item.append(time, text);
    return item;
  });
  list.replaceChildren(...items);
};

// ------------------------------------------------------------------ small DOM helpers

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

for (const root of document.querySelectorAll('section.demo[data-stream]')) {
  new Demo(root).start();
}
