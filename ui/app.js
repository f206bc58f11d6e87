// sitrep web page: plain JavaScript over the JSON API (docs/API.md).
//
// Six views share one date (the slider in the header): the event table,
// a timeline of events by type, the actor network at the date, a map of
// events, the control picture at the date, and the articles with the exact
// evidence of every fact highlighted.  Every drawing is SVG built here; the
// page loads nothing but this server's API and files.
'use strict';

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
const SVG_NS = 'http://www.w3.org/2000/svg';

function el(tag, attrs = {}, ...children) {
  const svgTags = el.svgTags;
  const e = svgTags.has(tag) ? document.createElementNS(SVG_NS, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k === 'class') e.setAttribute('class', v);
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}
el.svgTags = new Set(['svg', 'g', 'path', 'circle', 'rect', 'line', 'text', 'title', 'polyline', 'defs', 'marker', 'ellipse']);

// ---- API ----

async function api(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const url = '/api/' + path + (q.toString() ? '?' + q : '');
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await r.json(); } catch (e) { body = null; }
  if (!r.ok) throw new Error((body && body.error) || r.status + ' ' + r.statusText);
  return body;
}

function setStatus(node, text, isError) {
  node.textContent = text || '';
  node.classList.toggle('error', !!isError);
}

// first defined field of several possible names
function pick(o, ...names) {
  for (const n of names) if (o && o[n] !== undefined && o[n] !== null && o[n] !== '') return o[n];
  return undefined;
}

// ---- the shared date ----

const DAY = 86400000;
const FIRST_DAY = Date.UTC(2011, 2, 15); // the uprising's start
const LAST_DAY = Date.UTC(2025, 11, 31);
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const state = { date: '2019-06-01', view: 'events', offset: 0, limit: 50, filters: {}, docOffset: 0 };

function readHash() {
  const h = new URLSearchParams(location.hash.slice(1));
  if (h.get('view')) state.view = h.get('view');
  if (/^\d{4}-\d{2}-\d{2}$/.test(h.get('at') || '')) state.date = h.get('at');
  state.doc = h.get('doc') || null;
  state.fact = h.get('fact') || null;
}

function writeHash() {
  const h = new URLSearchParams({ view: state.view, at: state.date });
  if (state.view === 'articles' && state.doc) h.set('doc', state.doc);
  history.replaceState(null, '', '#' + h);
}

function initClock() {
  const slider = $('#date-slider'), input = $('#date-input');
  slider.min = 0;
  slider.max = Math.round((LAST_DAY - FIRST_DAY) / DAY);
  input.min = isoDay(FIRST_DAY);
  input.max = isoDay(LAST_DAY);
  const show = () => {
    slider.value = Math.round((Date.parse(state.date) - FIRST_DAY) / DAY);
    input.value = state.date;
  };
  let timer = null;
  const changed = () => {
    show();
    writeHash();
    clearTimeout(timer);
    timer = setTimeout(() => dateViews[state.view] && dateViews[state.view](), 120);
  };
  slider.addEventListener('input', () => {
    state.date = isoDay(FIRST_DAY + Number(slider.value) * DAY);
    changed();
  });
  input.addEventListener('change', () => {
    if (!input.value) return;
    state.date = input.value;
    changed();
  });
  show();
}

// ---- tabs ----

const views = {};     // name -> render on activation
const dateViews = {}; // name -> re-render when the date moves

function showView(name) {
  if (!views[name]) name = 'events';
  state.view = name;
  $$('#tabs button').forEach((b) => b.classList.toggle('active', b.dataset.view === name));
  $$('.view').forEach((v) => v.classList.toggle('active', v.id === 'view-' + name));
  writeHash();
  views[name]();
}

// ---- colours ----

const TYPE_COLOURS = {
  'Battles': '#d0342c',
  'Explosions/Remote violence': '#e08a1e',
  'Violence against civilians': '#8e3b8e',
  'Protests': '#2f6fb5',
  'Riots': '#1f9aa0',
  'Strategic developments': '#6b7a3a',
};
const typeColour = (t) => TYPE_COLOURS[t] || '#777';

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2',
  '#17becf', '#bcbd22', '#7f7f7f', '#393b79', '#ad494a', '#637939', '#843c39', '#5254a3'];
function colourOf(name) {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return PALETTE[(h >>> 0) % PALETTE.length];
}

function legend(node, entries) {
  node.replaceChildren(...entries.map(([label, colour]) =>
    el('span', {}, swatch(colour), label)));
}
// A legend entry for a kind of line: a short stroke in the line's class.
function lineKey(cls, label) {
  const svg = el('svg', { viewBox: '0 0 22 10' }, el('line', { x1: 1, y1: 5, x2: 21, y2: 5, class: cls }));
  return el('span', {}, svg, label);
}
function swatch(colour) {
  const s = el('span', { class: 'swatch' });
  s.style.background = colour;
  return s;
}

// ---- events ----

function eventRow(ev) {
  const tr = el('tr', {},
    el('td', { text: ev.event_date || '' }),
    el('td', { text: ev.event_type || '' }),
    el('td', { text: ev.sub_event_type || '' }),
    el('td', { text: ev.actor1 || '' }),
    el('td', { text: ev.actor2 || '' }),
    el('td', { text: ev.location || '' }),
    el('td', { text: ev.admin1 || '' }),
    el('td', { class: 'num', text: ev.fatalities ?? '' }),
    el('td', { text: ev.certainty || '' }));
  tr.dataset.id = eventId(ev);
  tr.addEventListener('click', () => {
    $$('#events-table tr.selected').forEach((r) => r.classList.remove('selected'));
    tr.classList.add('selected');
    showEventDetail(eventId(ev), $('#event-detail'));
  });
  return tr;
}

const eventId = (ev) => pick(ev, 'event_id', 'cluster_id', 'id');

function readFilters() {
  const f = {};
  for (const [k, v] of new FormData($('#filters'))) if (v) f[k] = v;
  return f;
}

async function loadEvents() {
  const status = $('#events-status');
  setStatus(status, 'Loading…');
  try {
    const res = await api('events', { ...state.filters, limit: state.limit, offset: state.offset });
    $('#events-table tbody').replaceChildren(...res.items.map(eventRow));
    const from = res.count ? res.offset + 1 : 0;
    $('#page-info').textContent = `${from}–${res.offset + res.count}`;
    $('#prev-page').disabled = res.offset === 0;
    $('#next-page').disabled = res.next === null;
    setStatus(status, res.count ? `${res.count} events shown` + (res.next !== null ? ', more on the next page' : '')
      : 'No events match.');
  } catch (e) {
    $('#events-table tbody').replaceChildren();
    setStatus(status, e.message, true);
  }
}

function evidenceList(ev) {
  const ev_ = ev.evidence || [];
  return ev_.map((s) => el('blockquote', { text: s.text || '' }));
}

async function showEventDetail(id, box) {
  box.replaceChildren(el('p', { class: 'hint', text: 'Loading…' }));
  try {
    const ev = await api('events/' + encodeURIComponent(id));
    const dl = el('dl');
    const row = (k, v) => { if (v !== undefined && v !== null && v !== '') dl.append(el('dt', { text: k }), el('dd', { text: String(v) })); };
    row('Date', ev.event_date + (ev.time_precision && ev.time_precision !== 'day' ? ` (${ev.time_precision})` : ''));
    row('Type', ev.event_type);
    row('Sub-event', ev.sub_event_type);
    row('Actor 1', [ev.actor1, ev.assoc_actor_1].filter(Boolean).join('; '));
    row('Actor 2', [ev.actor2, ev.assoc_actor_2].filter(Boolean).join('; '));
    row('Place', [ev.location, ev.admin2, ev.admin1, ev.country].filter(Boolean).join(', '));
    row('Fatalities', ev.fatalities);
    row('Certainty', ev.certainty);
    if (ev.historical) row('Background', 'recalled by the report');
    row('Notes', ev.notes);
    const docs = new Set();
    if (ev.doc_id) docs.add(ev.doc_id);
    for (const s of ev.sources || []) { const d = typeof s === 'string' ? s : pick(s, 'doc_id', 'id'); if (d) docs.add(d); }
    for (const r of ev.reports || []) if (r.doc_id) docs.add(r.doc_id);
    const links = [...docs].map((d) => el('li', {}, el('a', { href: '#', text: d, onclick: (e) => { e.preventDefault(); openDocument(d, id); } })));
    const evid = evidenceList(ev);
    for (const r of [...(ev.reports || []), ...(ev.sources || [])])
      for (const s of (typeof r === 'object' && r.evidence) || []) {
        const q = el('blockquote', { text: s.text || '' });
        if (r.doc_id) q.append(el('br'), el('a', { href: '#', text: '— ' + (r.title || r.doc_id), onclick: (e) => { e.preventDefault(); openDocument(r.doc_id, id); } }));
        evid.push(q);
      }
    box.replaceChildren(el('h3', { text: ev.sub_event_type || ev.event_type || 'Event' }), dl,
      el('h4', { text: 'Evidence' }), ...(evid.length ? evid : [el('p', { class: 'hint', text: 'none stored' })]),
      el('h4', { text: 'Reports' }), el('ul', {}, ...links));
  } catch (e) {
    box.replaceChildren(el('p', { class: 'status error', text: e.message }));
  }
}

function initEvents() {
  const form = $('#filters');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    state.filters = readFilters();
    state.offset = 0;
    loadEvents();
  });
  form.addEventListener('reset', () => setTimeout(() => { state.filters = {}; state.offset = 0; loadEvents(); }));
  $('#prev-page').addEventListener('click', () => { state.offset = Math.max(0, state.offset - state.limit); loadEvents(); });
  $('#next-page').addEventListener('click', () => { state.offset += state.limit; loadEvents(); });
  let loaded = false;
  views.events = () => { if (!loaded) { loaded = true; loadEvents(); } };
}

// ---- timeline: events per month, stacked by type ----

// Pages of 1000 by keyset cursor (each page costs the same however deep).
async function fetchAllEvents(params, cap = 5000) {
  const all = [];
  let after = null;
  while (all.length < cap) {
    const res = await api('events', { ...params, limit: 1000, ...(after ? { after } : {}) });
    all.push(...res.items);
    if (!res.cursor) break;
    after = res.cursor;
  }
  return all;
}

function timelineRows(items) {
  // the timeline endpoint lists events (or per-month counts); either way
  // we need (month, type, n)
  const rows = [];
  for (const it of items) {
    const date = pick(it, 'event_date', 'date', 'month');
    const type = pick(it, 'event_type', 'type');
    if (!date || !type) continue;
    rows.push({ month: String(date).slice(0, 7), type, n: Number(pick(it, 'count', 'events', 'n') ?? 1) });
  }
  return rows;
}

function drawTimeline(svg, rows) {
  const W = 1200, H = 420, L = 50, R = 15, T = 15, B = 45;
  svg.replaceChildren();
  if (!rows.length) {
    svg.append(el('text', { x: W / 2, y: H / 2, class: 'axis-label', 'text-anchor': 'middle', text: 'No events.' }));
    return;
  }
  const months = rows.map((r) => r.month).filter((m) => /^\d{4}-\d{2}$/.test(m)).sort();
  const first = months[0], last = months[months.length - 1];
  const mi = (m) => (Number(m.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(m.slice(5, 7)) - Number(first.slice(5, 7));
  const nm = mi(last) + 1;
  const types = Object.keys(TYPE_COLOURS).filter((t) => rows.some((r) => r.type === t));
  for (const r of rows) if (!types.includes(r.type)) types.push(r.type);
  const stacks = Array.from({ length: nm }, () => ({}));
  for (const r of rows) if (/^\d{4}-\d{2}$/.test(r.month)) {
    const s = stacks[mi(r.month)];
    s[r.type] = (s[r.type] || 0) + r.n;
  }
  const max = Math.max(1, ...stacks.map((s) => Object.values(s).reduce((a, b) => a + b, 0)));
  const bw = (W - L - R) / nm;
  const y = (v) => H - B - (v / max) * (H - T - B);
  // grid and axes
  const ticks = 4;
  for (let i = 0; i <= ticks; i++) {
    const v = Math.round(max * i / ticks);
    svg.append(el('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'gridline' }),
      el('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis-label', text: v }));
  }
  svg.append(el('line', { x1: L, x2: W - R, y1: H - B, y2: H - B, class: 'axis' }));
  const y0 = Number(first.slice(0, 4));
  const step = nm > 120 ? 2 : 1;
  for (let yr = y0; yr <= Number(last.slice(0, 4)); yr += step) {
    const x = L + mi(`${yr}-01`) * bw;
    if (x < L - 1) continue;
    svg.append(el('line', { x1: x, x2: x, y1: H - B, y2: H - B + 5, class: 'axis' }),
      el('text', { x: x + 2, y: H - B + 18, class: 'axis-label', text: yr }));
  }
  // the shared date as a rule
  const at = state.date.slice(0, 7);
  if (at >= first && at <= last) {
    const x = L + (mi(at) + 0.5) * bw;
    svg.append(el('line', { x1: x, x2: x, y1: T, y2: H - B, stroke: '#24313f', 'stroke-dasharray': '3 3' }));
  }
  stacks.forEach((s, i) => {
    let acc = 0;
    for (const t of types) {
      const v = s[t];
      if (!v) continue;
      const m = new Date(Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)) - 1 + i, 1)).toISOString().slice(0, 7);
      svg.append(el('rect', {
        x: L + i * bw + 0.5, width: Math.max(1, bw - 1), y: y(acc + v), height: y(acc) - y(acc + v),
        fill: typeColour(t), class: 'bar',
      }, el('title', { text: `${m}: ${v} ${t}` })));
      acc += v;
    }
  });
  legend($('#timeline-legend'), types.map((t) => [t, typeColour(t)]));
}

function initTimeline() {
  const form = $('#timeline-form');
  const run = async () => {
    const actor = new FormData(form).get('actor');
    const status = $('#timeline-status');
    setStatus(status, 'Loading…');
    try {
      // one actor: its timeline; nobody in particular: every event
      const rows = timelineRows(actor ? (await api('timeline', { actor })).items : await fetchAllEvents({}));
      drawTimeline($('#timeline'), rows);
      const n = rows.reduce((a, r) => a + r.n, 0);
      setStatus(status, `${n} events` + (actor ? ` involving ${actor}` : ''));
    } catch (e) {
      setStatus(status, e.message, true);
    }
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); run(); });
  let loaded = false;
  views.timeline = () => { if (!loaded) { loaded = true; run(); } };
}

// ---- network ----

const EDGE_TYPES = [
  ['member_of', 'member of'], ['allied', 'allied'], ['hostile', 'hostile'],
  ['backed_by', 'backed by'], ['formerly', 'formerly'], ['leads', 'leads'],
];
// the stroke colours of style.css's .edge classes, for the arrowheads
const EDGE_COLOURS = {
  member_of: '#2f6fb5', allied: '#2e9b4f', hostile: '#d0342c', backed_by: '#e08a1e', leads: '#8c8c8c', formerly: '#8e5bb5',
};
const EDGE_DEFAULT_ON = new Set(['member_of', 'allied', 'hostile', 'backed_by', 'formerly']);
const KIND_COLOURS = {
  armed_group: '#5b7083', coalition: '#2f6fb5', state_force: '#7a5c2e', government: '#a0522d',
  person: '#b0b7bf', political: '#4f8a8b', civilians: '#3a9d5d', police: '#7a5c2e',
};
const layout = new Map(); // actor id -> {x, y}: kept across dates so the picture moves, not jumps

function hash01(s, salt) {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100000) / 100000;
}

// A small force layout: springs along edges (short for membership, long
// for hostility), repulsion between all pairs, gravity to the centre.
// O(iterations * nodes^2); the view caps nodes at a few hundred.
function forceLayout(nodes, edges, W, H) {
  const idx = new Map(nodes.map((n, i) => [n.id, i]));
  const P = nodes.map((n) => {
    const old = layout.get(n.id);
    return old ? { x: old.x, y: old.y } : { x: W * (0.15 + 0.7 * hash01(n.id, 1)), y: H * (0.15 + 0.7 * hash01(n.id, 2)) };
  });
  const fresh = nodes.filter((n) => !layout.has(n.id)).length;
  const iters = fresh > nodes.length / 3 ? 400 : 160;
  const springs = edges.map((e) => ({
    a: idx.get(e.source), b: idx.get(e.target),
    len: { member_of: 45, formerly: 50, leads: 50, allied: 90, backed_by: 120, hostile: 230 }[e.type] || 120,
    k: { member_of: 0.08, formerly: 0.06, allied: 0.04, hostile: 0.015, backed_by: 0.02, leads: 0.05 }[e.type] || 0.03,
  })).filter((s) => s.a !== undefined && s.b !== undefined && s.a !== s.b);
  const n = nodes.length;
  const rep = 2600 * Math.min(1, 60 / Math.max(1, n)) + 600;
  for (let it = 0; it < iters; it++) {
    const cool = 1 - it / iters;
    const F = P.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        let dx = P[i].x - P[j].x, dy = P[i].y - P[j].y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 1) { dx = hash01(nodes[i].id, j) - 0.5; dy = hash01(nodes[j].id, i) - 0.5; d2 = 1; }
        if (d2 > 90000) continue;
        const f = rep / d2;
        F[i].x += dx * f / Math.sqrt(d2); F[i].y += dy * f / Math.sqrt(d2);
        F[j].x -= dx * f / Math.sqrt(d2); F[j].y -= dy * f / Math.sqrt(d2);
      }
    for (const s of springs) {
      const dx = P[s.b].x - P[s.a].x, dy = P[s.b].y - P[s.a].y;
      const d = Math.sqrt(dx * dx + dy * dy) || 1;
      const f = s.k * (d - s.len);
      F[s.a].x += dx / d * f; F[s.a].y += dy / d * f;
      F[s.b].x -= dx / d * f; F[s.b].y -= dy / d * f;
    }
    for (let i = 0; i < n; i++) {
      F[i].x += (W / 2 - P[i].x) * 0.004;
      F[i].y += (H / 2 - P[i].y) * 0.006;
      const m = Math.hypot(F[i].x, F[i].y), cap = 12 * cool + 0.5;
      const s = m > cap ? cap / m : 1;
      P[i].x = Math.min(W - 30, Math.max(30, P[i].x + F[i].x * s));
      P[i].y = Math.min(H - 20, Math.max(20, P[i].y + F[i].y * s));
    }
  }
  nodes.forEach((nd, i) => layout.set(nd.id, P[i]));
  return P;
}

function arrowDefs() {
  const defs = el('defs');
  for (const [t] of EDGE_TYPES) {
    defs.append(el('marker', { id: 'arrow-' + t, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
      el('path', { d: 'M0,0 L10,5 L0,10 z', fill: EDGE_COLOURS[t] })));
  }
  return defs;
}

let networkData = null;

function drawNetwork() {
  const svg = $('#network');
  const W = 1200, H = 760;
  const form = $('#network-form');
  const fd = new FormData(form);
  const on = new Set(EDGE_TYPES.map(([t]) => t).filter((t) => fd.get('edge-' + t)));
  const persons = !!fd.get('persons');
  const depth = Number(fd.get('depth') || 2);
  const d = networkData;
  svg.replaceChildren(arrowDefs());
  if (!d) return;
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  const label = (id) => (byId.get(id) && byId.get(id).name) || id;
  const isPerson = (id) => (byId.get(id) || {}).kind === 'person';
  let edges = d.edges.filter((e) => on.has(e.type) && (persons || (!isPerson(e.source) && !isPerson(e.target))));
  let keep = new Set(edges.flatMap((e) => [e.source, e.target]));
  // focus: one or more actors (comma-separated ids or names) and their
  // neighbours within DEPTH steps
  const asked = (fd.get('center') || '').split(/[,;]/).map((x) => x.trim()).filter(Boolean);
  const wanted = asked.map((x) => x.toLowerCase());
  const find = (w) => [...keep].find((id) => id.toLowerCase() === w || label(id).toLowerCase() === w) ||
    [...keep].sort().find((id) => label(id).toLowerCase().includes(w));
  const focus = new Set(wanted.map(find).filter(Boolean));
  const missing = asked.filter((w) => !find(w.toLowerCase()));
  if (focus.size) {
    let ring = new Set(focus);
    const seen = new Set(focus);
    for (let k = 0; k < depth; k++) {
      const next = new Set();
      for (const e of edges) {
        if (ring.has(e.source) && !seen.has(e.target)) next.add(e.target);
        if (ring.has(e.target) && !seen.has(e.source)) next.add(e.source);
      }
      next.forEach((x) => seen.add(x));
      ring = next;
    }
    keep = seen;
    edges = edges.filter((e) => keep.has(e.source) && keep.has(e.target));
  }
  const nodes = [...keep].sort().map((id) => byId.get(id) || { id });
  const status = $('#network-status');
  setStatus(status, `${nodes.length} actors, ${edges.length} ties on ${d.at || 'any date'}` +
    (missing.length ? ` (not in the network at this date: ${missing.join(', ')})` : ''));
  if (!nodes.length) {
    svg.append(el('text', { x: W / 2, y: H / 2, class: 'axis-label', 'text-anchor': 'middle', text: 'No relations at this date.' }));
    return;
  }
  const P = fitView(forceLayout(nodes, edges, W, H), W, H);
  const at = new Map(nodes.map((n, i) => [n.id, P[i]]));
  // coalitions as soft circles around their members
  const members = new Map();
  for (const e of edges) if (e.type === 'member_of') {
    if (!members.has(e.target)) members.set(e.target, []);
    members.get(e.target).push(e.source);
  }
  const groups = el('g');
  for (const [g, ms] of members) {
    const pts = [g, ...ms].map((id) => at.get(id));
    const cx = pts.reduce((a, p) => a + p.x, 0) / pts.length, cy = pts.reduce((a, p) => a + p.y, 0) / pts.length;
    const r = Math.max(...pts.map((p) => Math.hypot(p.x - cx, p.y - cy))) + 26;
    groups.append(el('circle', { cx, cy, r, class: 'group' }, el('title', { text: label(g) + ' and its members' })));
  }
  const edgeLayer = el('g');
  for (const e of edges) {
    const a = at.get(e.source), b = at.get(e.target);
    if (!a || !b) continue;
    const dx = b.x - a.x, dy = b.y - a.y, dd = Math.hypot(dx, dy) || 1;
    const rb = nodeRadius(byId.get(e.target)) + 2;
    const directed = e.type !== 'allied' && e.type !== 'hostile';
    const x2 = directed ? b.x - dx / dd * rb : b.x, y2 = directed ? b.y - dy / dd * rb : b.y;
    // a slight curve keeps opposite ties between one pair apart
    const mx = (a.x + x2) / 2 - dy / dd * 12, my = (a.y + y2) / 2 + dx / dd * 12;
    const path = el('path', {
      d: `M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}`,
      class: 'edge ' + e.type, 'marker-end': directed ? `url(#arrow-${e.type})` : null,
    }, el('title', { text: `${label(e.source)} ${e.type.replace('_', ' ')} ${label(e.target)}` +
      (e.valid_from || e.valid_to ? ` (${e.valid_from || '…'} – ${e.valid_to || '…'})` : '') }));
    path.dataset.a = e.source; path.dataset.b = e.target;
    edgeLayer.append(path);
  }
  // in a crowded picture only the hubs, coalitions and focused actors
  // carry a label; every node keeps its tooltip
  const degree = new Map();
  for (const e of edges) for (const x of [e.source, e.target]) degree.set(x, (degree.get(x) || 0) + 1);
  const labelled = (n) => nodes.length <= 60 || focus.has(n.id) || members.has(n.id) || (degree.get(n.id) || 0) >= 4;
  const nodeLayer = el('g');
  nodes.forEach((n, i) => {
    const p = P[i];
    const r = nodeRadius(n);
    const g = el('g', { class: 'node' + (focus.has(n.id) ? ' focus' : ''), transform: `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})` },
      el('circle', { r, fill: KIND_COLOURS[n.kind] || '#5b7083' }),
      labelled(n) ? el('text', { x: r + 3, y: 4, text: shortName(label(n.id)) }) : null,
      el('title', { text: `${label(n.id)}${n.kind ? ' (' + n.kind.replace('_', ' ') + ')' : ''}${n.events ? ', ' + n.events + ' events' : ''}` }));
    g.dataset.id = n.id;
    g.addEventListener('click', () => { form.elements.center.value = label(n.id); drawNetwork(); });
    nodeLayer.append(g);
  });
  svg.append(groups, edgeLayer, nodeLayer);
}

// Scales the layout to fill the drawing (the layout itself stays as is,
// so the next date starts from the same places); room on the right for
// labels.
function fitView(P, W, H) {
  const xs = P.map((p) => p.x), ys = P.map((p) => p.y);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const ml = 40, mr = 170, mt = 40, mb = 40;
  const k = Math.min((W - ml - mr) / Math.max(1, x1 - x0), (H - mt - mb) / Math.max(1, y1 - y0), 3);
  const ox = ml + ((W - ml - mr) - (x1 - x0) * k) / 2, oy = mt + ((H - mt - mb) - (y1 - y0) * k) / 2;
  return P.map((p) => ({ x: ox + (p.x - x0) * k, y: oy + (p.y - y0) * k }));
}

function nodeRadius(n) {
  const ev = Number((n && n.events) || 0);
  const base = n && n.kind === 'coalition' ? 9 : 6;
  return base + Math.min(14, Math.sqrt(ev));
}

function shortName(s) { return s.length > 28 ? s.slice(0, 26) + '…' : s; }

function initNetwork() {
  const toggles = $('#edge-toggles');
  for (const [t, name] of EDGE_TYPES) {
    const box = el('input', { type: 'checkbox', name: 'edge-' + t, checked: EDGE_DEFAULT_ON.has(t) ? 'checked' : null });
    toggles.append(el('label', {}, box, name));
  }
  const legendBox = $('#network-legend');
  legendBox.replaceChildren(...EDGE_TYPES.map(([t, name]) => el('span', {},
    el('svg', { viewBox: '0 0 40 10' }, el('line', { x1: 2, y1: 5, x2: 38, y2: 5, class: 'edge ' + t })), name)),
  ...Object.entries(KIND_COLOURS).filter(([k]) => k !== 'police').map(([k, c]) => el('span', {}, swatch(c), k.replace('_', ' '))));
  const form = $('#network-form');
  form.addEventListener('change', drawNetwork);
  form.addEventListener('submit', (e) => { e.preventDefault(); drawNetwork(); });
  let seq = 0;
  const load = async () => {
    const status = $('#network-status');
    setStatus(status, 'Loading…');
    const mine = ++seq; // a slider drag sends many; only the last answer counts
    try {
      const data = await api('network', { at: state.date });
      if (mine !== seq) return;
      networkData = data;
      drawNetwork();
    } catch (e) {
      setStatus(status, e.message, true);
    }
  };
  views.network = load;
  dateViews.network = load;
}

// ---- map ----

let geo = null;
async function loadGeo() {
  if (!geo) {
    const r = await fetch('/map/syria.json');
    if (!r.ok) throw new Error('map data missing');
    geo = await r.json();
  }
  return geo;
}

// Equirectangular, x scaled by cos(mid-latitude): at Syria's size the
// distortion is under a pixel, and every computation stays trivial.
function projection(frame, W, H) {
  const [x0, y0, x1, y1] = frame;
  const k = Math.cos(((y0 + y1) / 2) * Math.PI / 180);
  const s = Math.min(W / ((x1 - x0) * k), H / (y1 - y0));
  const ox = (W - (x1 - x0) * k * s) / 2, oy = (H - (y1 - y0) * s) / 2;
  return (lon, lat) => [ox + (lon - x0) * k * s, oy + (y1 - lat) * s];
}

function ringPath(rings, proj) {
  return rings.map((r) => 'M' + r.map(([x, y]) => proj(x, y).map((v) => v.toFixed(1)).join(',')).join('L') + 'Z').join('');
}

function drawBaseMap(svg, g, districts = false) {
  const W = 900, H = 700;
  const proj = projection(g.frame, W, H);
  svg.replaceChildren(el('rect', { x: 0, y: 0, width: W, height: H, class: 'sea' }));
  for (const c of g.neighbours) svg.append(el('path', { d: ringPath(c.rings, proj), class: 'neighbour' }));
  for (const gov of g.governorates)
    svg.append(el('path', { d: ringPath(gov.rings, proj), class: 'gov' + (gov.undof ? ' undof' : '') }, el('title', { text: gov.name })));
  // admin-2: approximate district areas (tools/map/districts.js), thin lines
  if (districts && g.districts && g.districts.lines.length) {
    const d = g.districts.lines.map((l) => 'M' + l.map(([x, y]) => proj(x, y).map((v) => v.toFixed(1)).join(',')).join('L')).join('');
    svg.append(el('path', { d, class: 'district' }, el('title', { text: 'approximate district areas derived from GeoNames settlement points' })));
    for (const a of g.districts.areas) {
      const [x, y] = proj(a.label[0], a.label[1]);
      svg.append(el('text', { x, y: y + 12, class: 'district-label', text: a.name }));
    }
  }
  for (const gov of g.governorates) {
    if (gov.undof) continue;
    const [cx, cy] = centroid(gov.rings[0]);
    const [x, y] = proj(cx, cy);
    svg.append(el('text', { x, y, class: 'gov-label', text: gov.name }));
  }
  const labels = { Turkey: [38.2, 37.5], Iraq: [42.2, 33.2], Jordan: [37.2, 31.9], Lebanon: [35.75, 33.75] };
  for (const [n, [lon, lat]] of Object.entries(labels)) {
    const [x, y] = proj(lon, lat);
    svg.append(el('text', { x, y, class: 'country-label', text: n.toUpperCase() }));
  }
  return proj;
}

function centroid(ring) {
  let a = 0, cx = 0, cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i], [x1, y1] = ring[i + 1];
    const f = x0 * y1 - x1 * y0;
    a += f; cx += (x0 + x1) * f; cy += (y0 + y1) * f;
  }
  return a ? [cx / (3 * a), cy / (3 * a)] : ring[0];
}

function initMap() {
  const load = async () => {
    const status = $('#map-status');
    setStatus(status, 'Loading…');
    try {
      const [g, events] = await Promise.all([loadGeo(), fetchAllEvents(state.filters, 3000)]);
      const svg = $('#map');
      const proj = drawBaseMap(svg, g, true);
      let placed = 0;
      const seen = new Map();
      for (const ev of events) {
        const lat = Number(ev.latitude), lon = Number(ev.longitude);
        if (!isFinite(lat) || !isFinite(lon) || (lat === 0 && lon === 0)) continue;
        const [x, y] = proj(lon, lat);
        const key = x.toFixed(0) + ',' + y.toFixed(0);
        const k = seen.get(key) || 0;
        seen.set(key, k + 1);
        // events at one place fan out on a small spiral instead of hiding
        const ang = k * 2.4, rad = k ? 3 + 1.6 * Math.sqrt(k) : 0;
        const c = el('circle', {
          cx: x + Math.cos(ang) * rad, cy: y + Math.sin(ang) * rad,
          r: 3.5 + Math.min(6, Math.sqrt(Number(ev.fatalities) || 0)),
          fill: typeColour(ev.event_type), class: 'pt',
        }, el('title', { text: `${ev.event_date} ${ev.sub_event_type || ev.event_type} at ${ev.location || '?'}` }));
        c.addEventListener('click', () => {
          $$('#map .pt.selected').forEach((p) => p.classList.remove('selected'));
          c.classList.add('selected');
          showEventDetail(eventId(ev), $('#map-detail'));
        });
        svg.append(c);
        placed++;
      }
      legend($('#map-legend'), Object.entries(TYPE_COLOURS).map(([t, c]) => [t, c]));
      $('#map-legend').append(lineKey('gov-key', 'governorate border (Natural Earth)'),
        lineKey('district-key', 'approximate district areas derived from GeoNames settlement points'));
      const f = Object.entries(state.filters).map(([k, v]) => `${k}=${v}`).join(', ');
      setStatus(status, `${placed} of ${events.length} events placed` + (f ? ` (filter: ${f})` : ' (all events)'));
    } catch (e) {
      setStatus(status, e.message, true);
    }
  };
  views.map = load;
}

// ---- control ----

function initControl() {
  const form = $('#control-form');
  let seq = 0;
  const load = async () => {
    const status = $('#control-status');
    setStatus(status, 'Loading…');
    const mine = ++seq;
    const fd = new FormData(form);
    try {
      const g = await loadGeo();
      // the store answers per place or per governorate: "all" asks each
      const place = fd.get('place'), admin1 = fd.get('admin1');
      const asks = place ? [{ place, at: state.date }] : admin1 ? [{ admin1, at: state.date }]
        : g.governorates.filter((x) => !x.undof).map((x) => ({ admin1: x.name, at: state.date }));
      const items = (await Promise.all(asks.map((q) => api('control', q)))).flatMap((r) => r.items);
      if (mine !== seq) return;
      const svg = $('#control-map');
      const proj = drawBaseMap(svg, g);
      const holders = new Map();
      const rows = [];
      for (const it of items) {
        const holder = pick(it, 'subject', 'controller', 'actor') || '?';
        const pl = typeof it.place === 'object' && it.place ? it.place : it;
        const name = pick(pl, 'location', 'name') || (typeof it.place === 'string' ? it.place : '?');
        holders.set(holder, colourOf(holder));
        const tr = el('tr', {},
          el('td', { text: name }), el('td', { text: pl.admin1 || '' }),
          el('td', {}, swatch(colourOf(holder)), ' ' + holder),
          el('td', { text: it.valid_from || '' }), el('td', { text: it.valid_to || '' }));
        const evd = (it.evidence || []).find((x) => x.doc_id);
        if (evd) tr.addEventListener('click', () => openDocument(evd.doc_id));
        rows.push(tr);
        const lat = Number(pl.latitude), lon = Number(pl.longitude);
        if (isFinite(lat) && isFinite(lon) && lat && lon) {
          const [x, y] = proj(lon, lat);
          svg.append(el('rect', { x: x - 6, y: y - 6, width: 12, height: 12, fill: colourOf(holder), class: 'ctl' },
            el('title', { text: `${name}: ${holder}${it.valid_from ? ' since ' + it.valid_from : ''}` })),
          el('text', { x: x + 8, y: y + 4, class: 'gov-label', 'text-anchor': 'start', text: name }));
        }
      }
      const res = { count: items.length };
      $('#control-table tbody').replaceChildren(...rows);
      legend($('#control-legend'), [...holders].map(([h, c]) => [h, c]));
      setStatus(status, `${res.count} places held on ${asks[0].at}`);
    } catch (e) {
      setStatus(status, e.message, true);
    }
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); load(); });
  views.control = load;
  dateViews.control = load;
}

// ---- articles ----

// Byte offsets (UTF-8, as every sitrep span is) to JavaScript string
// indexes (UTF-16 code units).  One pass over the text; an offset inside a
// character snaps forward to the character's end.
function byteToIndex(text) {
  const map = [];
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let n = 1, units = 1;
    if (c >= 0x80 && c < 0x800) n = 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) { n = 4; units = 2; }
    else if (c >= 0x800) n = 3;
    for (let k = 0; k < n; k++) map[b + k] = k === 0 ? i : i + units;
    b += n;
    i += units - 1;
  }
  map[b] = text.length;
  return (off) => (off >= b ? text.length : off <= 0 ? 0 : map[off]);
}

// A span in any of the forms the API writes: [start, end], {start, end},
// or an object with a "span" member.
function spanOf(x) {
  if (!x) return null;
  if (Array.isArray(x) && x.length === 2 && typeof x[0] === 'number') return [x[0], x[1]];
  if (typeof x.start === 'number') return [x.start, x.end];
  if (x.span) return spanOf(x.span);
  return null;
}
const spansOf = (ev) => (Array.isArray(ev) ? ev.map(spanOf) : [spanOf(ev)]).filter(Boolean);

// Facts of a document: its events, relations and statements, each with
// evidence spans into the document text.
function documentFacts(doc) {
  if (Array.isArray(doc.evidence)) {
    // the store's form: one entry per evidence span, tagged with its fact
    const byFact = new Map();
    for (const x of doc.evidence) {
      const sp = spanOf(x);
      if (!sp) continue;
      const key = x.kind + ':' + (x.cluster_id || x.id);
      if (!byFact.has(key))
        byFact.set(key, { id: key, kind: x.kind, eventId: x.kind === 'event' ? (x.cluster_id || x.id) : null,
          label: String(x.label || '').replace(/_/g, ' '), detail: '', spans: [] });
      byFact.get(key).spans.push(sp);
    }
    const ev = new Map((doc.events || []).map((e) => [eventId(e), e]));
    for (const f of byFact.values()) {
      const e = f.eventId && ev.get(f.eventId);
      if (e) f.detail = [e.event_date, [e.actor1, e.actor2].filter(Boolean).join(' vs '), e.location].filter(Boolean).join(' · ');
    }
    return [...byFact.values()];
  }
  const facts = [];
  for (const ev of doc.events || []) {
    facts.push({ id: 'e:' + eventId(ev), kind: 'event', eventId: eventId(ev), label: `${ev.event_date || ''} ${ev.sub_event_type || ev.event_type || ''}`,
      detail: [ev.actor1, ev.actor2].filter(Boolean).join(' vs ') + (ev.location ? ' at ' + ev.location : ''), spans: spansOf(ev.evidence) });
  }
  for (const r of doc.relations || []) {
    const spans = r.ev_start !== undefined ? [[r.ev_start, r.ev_end]] : spansOf(r.evidence);
    facts.push({ id: 'r:' + facts.length, kind: 'relation · ' + String(r.type || '').replace('_', ' '),
      label: `${r.subject || ''} ${String(r.type || '').replace('_', ' ')} ${r.object || r.location || r.place || ''}`,
      detail: [r.valid_from && 'from ' + r.valid_from, r.valid_to && 'to ' + r.valid_to, r.certainty].filter(Boolean).join(' '), spans });
  }
  for (const st of doc.statements || []) {
    facts.push({ id: 's:' + facts.length, kind: 'statement · ' + String(st.type || '').toLowerCase(),
      label: `${st.speaker || '?'} → ${st.target || '?'}`, detail: '', spans: spansOf(st.evidence || st) });
  }
  return facts.filter((f) => f.spans.length);
}

// Renders TEXT[from, to) into PARENT with a <mark> per stretch covered by
// facts' spans (already converted to string indexes).
function renderHighlighted(parent, text, from, to, spans) {
  const cuts = new Set([from, to]);
  for (const s of spans) {
    if (s.end <= from || s.start >= to) continue;
    cuts.add(Math.max(from, s.start)); cuts.add(Math.min(to, s.end));
  }
  const pts = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i], b = pts[i + 1];
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    const piece = text.slice(a, b);
    if (!covering.length) parent.append(piece);
    else {
      const m = el('mark', { text: piece });
      m.dataset.facts = covering.map((s) => s.fact).join(' ');
      m.addEventListener('click', () => selectFact(covering[0].fact));
      parent.append(m);
    }
  }
}

function selectFact(id) {
  $$('#doc-view mark').forEach((m) => m.classList.toggle('active', m.dataset.facts.split(' ').includes(id)));
  $$('#doc-facts .fact').forEach((f) => f.classList.toggle('active', f.dataset.id === id));
  const first = $$('#doc-view mark.active')[0];
  if (first) first.scrollIntoView({ block: 'center' });
  const item = $(`#doc-facts .fact.active`);
  if (item) item.scrollIntoView({ block: 'nearest' });
}

// The blocks to show: title, report paragraphs and reader comments, from
// the span lists the document carries (its "clean" part); the whole text
// as one block otherwise.
function documentBlocks(doc, text) {
  const clean = doc.clean || {};
  const blocks = [];
  const title = spanOf(pick(doc, 'title_span') || clean.title_span);
  if (title) blocks.push({ kind: 'title', start: title[0], end: title[1] });
  const body = pick(doc, 'body_spans') || (Array.isArray(doc.body) ? doc.body : null) || clean.body_spans || [];
  for (const x of body) {
    const sp = spanOf(x);
    if (sp) blocks.push({ kind: 'body', start: sp[0], end: sp[1] });
  }
  const comments = pick(doc, 'comments') || clean.comments || [];
  for (const c of Array.isArray(comments) ? comments : []) {
    const sp = spanOf(c);
    if (sp) blocks.push({ kind: 'comment', start: sp[0], end: sp[1], author: c.author });
  }
  if (!blocks.some((b) => b.kind === 'body')) {
    const t = blocks.find((b) => b.kind === 'title');
    blocks.push({ kind: 'body', start: t ? t.end : 0, end: new TextEncoder().encode(text).length });
  }
  return blocks;
}

async function openDocument(id, factEvent) {
  state.doc = id;
  if (state.view !== 'articles') showView('articles');
  writeHash();
  $$('#doc-list li').forEach((li) => li.classList.toggle('selected', li.dataset.id === id));
  const view = $('#doc-view'), side = $('#doc-facts');
  view.replaceChildren(el('p', { class: 'hint', text: 'Loading…' }));
  side.replaceChildren();
  try {
    const doc = await api('documents/' + encodeURIComponent(id));
    const text = doc.text || '';
    const toIdx = byteToIndex(text);
    const facts = documentFacts(doc);
    const spans = facts.flatMap((f) => f.spans.map(([s, e]) => ({ start: toIdx(s), end: toIdx(e), fact: f.id })));
    const blocks = documentBlocks(doc, text);
    const body = el('div', { class: 'body' });
    const comments = el('div', { class: 'comments' }, el('h3', { text: 'Reader comments (not used as evidence)' }));
    let title = null;
    for (const b of blocks) {
      const a = toIdx(b.start), z = toIdx(b.end);
      if (b.kind === 'title') { title = el('h2'); renderHighlighted(title, text, a, z, spans); }
      else if (b.kind === 'comment') {
        const c = el('div', { class: 'comment' });
        if (b.author) c.append(el('strong', { text: b.author + ': ' }));
        c.append(text.slice(a, z));
        comments.append(c);
      } else {
        const p = el('p');
        renderHighlighted(p, text, a, z, spans);
        body.append(p);
      }
    }
    const meta = [doc.source, doc.published, doc.url].filter(Boolean).join(' · ');
    view.replaceChildren(...[title, meta ? el('p', { class: 'hint', text: meta }) : null, body,
      comments.childNodes.length > 1 ? comments : null].filter(Boolean));
    side.replaceChildren(el('h3', { text: `${facts.length} facts` }), ...facts.map((f) => {
      const d = el('div', { class: 'fact' }, el('div', { class: 'kind', text: f.kind }), el('div', { text: f.label }),
        f.detail ? el('small', { text: f.detail }) : null);
      d.dataset.id = f.id;
      d.addEventListener('click', () => selectFact(f.id));
      return d;
    }));
    const want = factEvent ? facts.find((f) => f.eventId === factEvent) : facts[0];
    if (want) selectFact(want.id);
  } catch (e) {
    view.replaceChildren(el('p', { class: 'status error', text: e.message }));
  }
}

function initArticles() {
  const load = async () => {
    try {
      const res = await api('documents', { limit: 50, offset: state.docOffset });
      $('#doc-list').replaceChildren(...res.items.map((d) => {
        const id = pick(d, 'doc_id', 'id');
        const li = el('li', {}, el('span', { text: d.title || id }), el('small', { text: [d.published, d.source, d.events !== undefined ? `${d.events} event${d.events === 1 ? "" : "s"}` : null].filter(Boolean).join(' · ') }));
        li.dataset.id = id;
        li.addEventListener('click', () => openDocument(id));
        return li;
      }));
      $('#doc-page').textContent = res.count ? `${res.offset + 1}–${res.offset + res.count}` : '';
      $('#doc-prev').disabled = res.offset === 0;
      $('#doc-next').disabled = res.next === null;
      if (state.doc) openDocument(state.doc);
      else if (res.items.length) openDocument(pick(res.items[0], 'doc_id', 'id'));
    } catch (e) {
      $('#doc-view').replaceChildren(el('p', { class: 'status error', text: e.message }));
    }
  };
  $('#doc-prev').addEventListener('click', () => { state.docOffset = Math.max(0, state.docOffset - 50); load(); });
  $('#doc-next').addEventListener('click', () => { state.docOffset += 50; load(); });
  let loaded = false;
  views.articles = () => { if (!loaded) { loaded = true; load(); } };
}

// ---- start ----

async function fillPickers() {
  try {
    const g = await loadGeo();
    const names = g.governorates.filter((x) => !x.undof).map((x) => x.name).sort();
    for (const sel of [$('#admin1-select'), $('#control-admin1')])
      sel.append(...names.map((n) => el('option', { text: n })));
  } catch (e) { /* the map view reports it */ }
  try {
    const res = await api('actors', { limit: 1000 });
    $('#actor-names').replaceChildren(...res.items.map((a) => el('option', { value: a.name || a.id })));
  } catch (e) { /* the actor box still takes free text */ }
}

document.addEventListener('DOMContentLoaded', () => {
  readHash();
  initClock();
  initEvents();
  initTimeline();
  initNetwork();
  initMap();
  initControl();
  initArticles();
  $$('#tabs button').forEach((b) => b.addEventListener('click', () => showView(b.dataset.view)));
  fillPickers();
  showView(state.view);
});
