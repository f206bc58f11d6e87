// districts.js - approximate district (admin-2) lines for the web map,
// derived from the project's own gazetteer (data/places, GeoNames CC BY 4.0).
//
// No openly licensed Syria admin-2 polygon layer is reachable from the
// registries this project builds from, so the district lines are an
// honest approximation, labelled as such wherever they are shown:
//
//   1. Seeds: every Syrian populated place of data/places whose district is
//      known - a GeoNames row with an admin2 code, a local.tsv row that adds
//      a district to a GeoNames place (note geonameid=N), a local.tsv row
//      with its own GeoNames-derived coordinates - plus, for a district no
//      such place falls in, the GeoNames place named like the district
//      (Syria's districts are named after their seat).
//   2. A grid of GRID-degree cells is laid over each governorate polygon
//      (the simplified Natural Earth one the map draws); each cell goes to
//      the district of the nearest seed of the same governorate (a
//      Voronoi diagram of the settlements, cut at governorate borders).
//   3. The edges between cells of different districts of one governorate
//      are chained into lines and simplified (Douglas-Peucker).
//
// The lines therefore follow no surveyed boundary: they split each
// governorate between its known settlements.
'use strict';
const fs = require('fs');
const path = require('path');

const GRID = 0.01;       // degrees, about 1 km
const TOLERANCE = 0.012; // degrees, removes the grid's stair steps

function readTsv(file) {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

// Folded name for matching a district to its seat: lower case, letters
// only, common Arabic article and spelling variants joined.
function fold(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/\b(al|el|an|ar|as|ash|at|ath|az|ad)[- ]/g, '').replace(/[^a-z]/g, '')
    .replace(/(.)\1/g, '$1').replace(/[aeiouy]/g, '');
}

function noteValue(note, key) {
  for (const item of (note || '').split(';')) {
    const [k, v] = item.split('=');
    if (k && k.trim() === key) return (v || '').trim();
  }
  return null;
}

// Seeds {name, admin1, district, lon, lat} from DATA (data/places).
function seeds(data) {
  const gn = new Map();
  for (const r of readTsv(path.join(data, 'geonames-region.txt'))) {
    if (r[8] !== 'SY' || r[6] !== 'P') continue;
    gn.set(r[0], { id: r[0], name: r[1], ascii: r[2], alt: r[3], lat: +r[4], lon: +r[5],
      a1: 'SY.' + r[10], a2: r[11] ? 'SY.' + r[10] + '.' + r[11] : null });
  }
  const gov = new Map();  // SY.X -> ACLED governorate
  const dist = new Map(); // SY.X.Y -> {name, admin1}
  const local = readTsv(path.join(data, 'local.tsv')).filter((r) => r[3] === 'SY');
  for (const r of local) {
    const code = noteValue(r[8], 'admin');
    if (!code) continue;
    if (r[2] === 'governorate') gov.set(code, r[0]);
    if (r[2] === 'district') dist.set(code, { name: r[5] || r[0], admin1: r[4] });
  }
  const out = [];
  const known = new Set();
  const add = (name, admin1, district, lon, lat) => {
    if (!admin1 || !district || !isFinite(lon) || !isFinite(lat)) return;
    const k = `${admin1}|${district}|${lon}|${lat}`;
    if (known.has(k)) return;
    known.add(k);
    out.push({ name, admin1, district, lon, lat });
  };
  const told = new Set(); // GeoNames ids local.tsv gives a district
  for (const r of local) {
    const id = noteValue(r[8], 'geonameid');
    if (id && gn.has(id) && r[5]) {
      const g = gn.get(id);
      add(r[0], r[4], r[5], g.lon, g.lat);
      told.add(id);
    } else if (!id && r[6] && r[7] && r[5] && r[2] !== 'district' && r[2] !== 'governorate') {
      add(r[0], r[4], r[5], +r[7], +r[6]);
    }
  }
  for (const g of gn.values())
    if (!told.has(g.id) && g.a2 && dist.has(g.a2))
      add(g.name, dist.get(g.a2).admin1, dist.get(g.a2).name, g.lon, g.lat);
  // a district without a seed: its seat, the place named like it
  for (const d of dist.values()) {
    if (out.some((s) => s.admin1 === d.admin1 && s.district === d.name)) continue;
    const want = fold(d.name);
    const a1 = [...gov].find(([, n]) => n === d.admin1);
    const seat = [...gn.values()].find((g) => (!a1 || g.a1 === a1[0]) &&
      [g.name, g.ascii, ...g.alt.split(',')].some((n) => n && fold(n) === want));
    if (seat) add(seat.name, d.admin1, d.name, seat.lon, seat.lat);
  }
  return { seeds: out, districts: [...dist.values()] };
}

// Cells (row, col) of GRID inside RINGS (even-odd), by scan line.
function cellsInside(rings, fn) {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const r of rings) for (const [x, y] of r) {
    x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
  }
  for (let i = Math.floor(y0 / GRID); i <= Math.ceil(y1 / GRID); i++) {
    const y = (i + 0.5) * GRID;
    const xs = [];
    for (const r of rings)
      for (let k = 0; k + 1 < r.length; k++) {
        const [ax, ay] = r[k], [bx, by] = r[k + 1];
        if ((ay > y) !== (by > y)) xs.push(ax + (y - ay) * (bx - ax) / (by - ay));
      }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2)
      for (let j = Math.ceil(xs[k] / GRID - 0.5); (j + 0.5) * GRID < xs[k + 1]; j++) fn(i, j);
  }
}

// The district lines of GOVERNORATES ({name, rings}) as polylines, with
// the seeds and districts used.  DP is make_map.js's simplifier.
function districtLines(governorates, data, dp) {
  const { seeds: all, districts } = seeds(data);
  const cell = new Map(); // "i,j" -> "admin1|district"
  const used = new Set();
  for (const g of governorates) {
    const s = all.filter((x) => x.admin1 === g.name);
    if (!s.length) continue;
    cellsInside(g.rings, (i, j) => {
      const x = (j + 0.5) * GRID, y = (i + 0.5) * GRID, k = Math.cos(y * Math.PI / 180);
      let best = null, bd = Infinity;
      for (const p of s) {
        const d = ((p.lon - x) * k) ** 2 + (p.lat - y) ** 2;
        if (d < bd) { bd = d; best = p; }
      }
      cell.set(i + ',' + j, g.name + '|' + best.district);
      used.add(g.name + '|' + best.district);
    });
  }
  // unit edges between two cells of one governorate and different districts,
  // as pairs of grid corners (corner (i, j) is at lon j*GRID, lat i*GRID)
  const adj = new Map();
  const link = (a, b) => {
    (adj.get(a) || adj.set(a, []).get(a)).push(b);
    (adj.get(b) || adj.set(b, []).get(b)).push(a);
  };
  const gov = (v) => v.slice(0, v.indexOf('|'));
  for (const [key, v] of cell) {
    const [i, j] = key.split(',').map(Number);
    const right = cell.get(i + ',' + (j + 1)), up = cell.get((i + 1) + ',' + j);
    if (right && right !== v && gov(right) === gov(v)) link(`${i},${j + 1}`, `${i + 1},${j + 1}`);
    if (up && up !== v && gov(up) === gov(v)) link(`${i + 1},${j}`, `${i + 1},${j + 1}`);
  }
  // chain the edges: from every corner that is not a plain pass-through,
  // then whatever loops remain
  const seen = new Set();
  const ek = (a, b) => (a < b ? a + ';' + b : b + ';' + a);
  const lines = [];
  const walk = (start, next) => {
    const line = [start];
    let prev = start, cur = next;
    seen.add(ek(prev, cur));
    for (;;) {
      line.push(cur);
      const n = adj.get(cur);
      if (n.length !== 2) break;
      const nx = n[0] === prev ? n[1] : n[0];
      if (seen.has(ek(cur, nx))) break;
      seen.add(ek(cur, nx));
      prev = cur; cur = nx;
    }
    return line;
  };
  const order = [...adj.keys()].sort();
  for (const pass of [0, 1])
    for (const a of order) {
      if (pass === 0 && adj.get(a).length === 2) continue;
      for (const b of adj.get(a)) if (!seen.has(ek(a, b))) lines.push(walk(a, b));
    }
  const toLonLat = (c) => { const [i, j] = c.split(',').map(Number); return [j * GRID, i * GRID]; };
  const r3 = (v) => Math.round(v * 1000) / 1000;
  const out = lines.map((l) => dp(l.map(toLonLat), TOLERANCE).map(([x, y]) => [r3(x), r3(y)]))
    .filter((l) => l.length >= 2);
  // a label point per district: the mean of its cells
  const sum = new Map();
  for (const [key, v] of cell) {
    const [i, j] = key.split(',').map(Number);
    const s = sum.get(v) || sum.set(v, [0, 0, 0]).get(v);
    s[0] += (j + 0.5) * GRID; s[1] += (i + 0.5) * GRID; s[2]++;
  }
  const areas = [...sum].sort().map(([v, [x, y, n]]) => {
    const [admin1, name] = v.split('|');
    return { name, admin1, label: [r3(x / n), r3(y / n)],
      seeds: all.filter((s) => s.admin1 === admin1 && s.district === name).length };
  });
  const missing = districts.filter((d) => !used.has(d.admin1 + '|' + d.name)).map((d) => d.name);
  return { lines: out, areas, missing, nseeds: all.length };
}

module.exports = { districtLines };
