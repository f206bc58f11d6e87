// browser.mjs - clicks through the sitrep web page in headless chromium.
//
// Usage: node browser.mjs BASE_URL OUT_DIR
// Expects `sitrep serve` at BASE_URL over a database built from the seeds
// plus tests/serve/articles.jsonl.  Saves a screenshot of every view under
// OUT_DIR and prints "browser: N passed, N failed".
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const [base, outDir] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
let pass = 0, fail = 0;
function check(name, ok, extra = '') {
  if (ok) pass++;
  else { fail++; console.log(`FAIL: ${name}${extra ? ': ' + extra : ''}`); }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
const errors = [];
const foreign = [];
const origin = new URL(base).origin;
page.on('pageerror', (e) => errors.push(e.message));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url()); });
const shot = (name) => page.screenshot({ path: `${outDir}/${name}.png`, fullPage: false });
const setDate = async (iso) => {
  // move the slider the way a hand would: set its value, fire 'input'
  await page.$eval('#date-slider', (s, d) => {
    const first = Date.UTC(2011, 2, 15);
    s.value = String(Math.round((Date.parse(d) - first) / 86400000));
    s.dispatchEvent(new Event('input', { bubbles: true }));
  }, iso);
  await page.waitForFunction((d) => document.querySelector('#date-input').value === d, iso);
};

try {
  // ---- events table ----
  await page.goto(base + '/#view=events', { waitUntil: 'load' });
  await page.waitForSelector('#events-table tbody tr', { timeout: 15000 });
  const rows = await page.$$eval('#events-table tbody tr', (r) => r.length);
  check('event table has rows', rows > 5, `${rows} rows`);
  await page.click('#events-table tbody tr:first-child');
  await page.waitForSelector('#event-detail blockquote', { timeout: 10000 });
  const ev = await page.$eval('#event-detail blockquote', (b) => b.textContent);
  check('event detail shows evidence text', ev.length > 10, ev);
  await shot('events');

  await page.selectOption('#filters select[name=type]', 'Battles');
  await page.click('#filters button[type=submit]');
  await page.waitForFunction(() => /events shown|No events/.test(document.querySelector('#events-status').textContent));
  const types = await page.$$eval('#events-table tbody tr td:nth-child(2)', (t) => [...new Set(t.map((x) => x.textContent))]);
  check('type filter keeps only Battles', types.length === 1 && types[0] === 'Battles', types.join(','));
  await page.fill('#filters input[name=from]', '2030-01-01');
  await page.click('#filters button[type=submit]');
  await page.waitForFunction(() => /No events/.test(document.querySelector('#events-status').textContent));
  check('date filter past the data gives no rows', (await page.$$('#events-table tbody tr')).length === 0);
  await page.click('#filters button[type=reset]');
  await page.waitForSelector('#events-table tbody tr');

  // ---- timeline ----
  await page.click('nav button[data-view=timeline]');
  await page.waitForSelector('#timeline rect.bar', { timeout: 10000 });
  const bars = await page.$$eval('#timeline rect.bar', (b) => b.length);
  check('timeline draws bars', bars > 3, `${bars}`);
  check('timeline legend names types', (await page.$$('#timeline-legend span')).length >= 2);
  await shot('timeline');

  // ---- network at two dates ----
  await page.click('nav button[data-view=network]');
  // allied and hostile are symmetric: either direction counts
  const edge = (a, b, t) => page.$$eval(`#network path.edge.${t}`, (ps, [x, y, sym]) =>
    ps.some((p) => (p.dataset.a === x && p.dataset.b === y) || (sym && p.dataset.a === y && p.dataset.b === x)),
  [a, b, t === 'allied' || t === 'hostile']);
  const waitNet = (d) => page.waitForFunction((x) => document.querySelector('#network-status').textContent.includes(x), d, { timeout: 15000 });
  // the default focus is HTS, Zenki, NFL and Fa Ithbatu: they regroup
  await setDate('2017-03-01');
  await waitNet('2017-03-01');
  check('2017: Zenki is a member of HTS', await edge('ZENKI', 'HTS', 'member_of'));
  check('2017: Zenki not in the NFL', !(await edge('ZENKI', 'NFL', 'member_of')));
  check('2017: no Fa Ithbatu yet', !(await page.$('#network g.node[data-id="FA_ITHBATU"]')));
  await shot('network-2017');
  await setDate('2020-07-01');
  await waitNet('2020-07-01');
  check('2020: Zenki is no longer in HTS', !(await edge('ZENKI', 'HTS', 'member_of')));
  check('2020: Zenki is in the NFL', await edge('ZENKI', 'NFL', 'member_of'));
  check('2020: HTS is hostile to Fa Ithbatu', await edge('HTS', 'FA_ITHBATU', 'hostile'));
  check('2020: Fa Ithbatu has members', (await page.$$eval('#network path.edge.member_of', (ps) =>
    ps.filter((p) => p.dataset.b === 'FA_ITHBATU').length)) >= 2);
  await shot('network-2020');
  // the whole picture, no focus
  await page.fill('#network-form input[name=center]', '');
  await page.$eval('#network-form input[name=center]', (i) => i.dispatchEvent(new Event('change', { bubbles: true })));
  await page.waitForFunction(() => /^\d{3,} actors/.test(document.querySelector('#network-status').textContent), null, { timeout: 15000 });
  check('unfocused network shows every tie', (await page.$$eval('#network path.edge', (p) => p.length)) > 50);
  await shot('network-2020-all');

  // ---- map ----
  await page.click('nav button[data-view=map]');
  await page.waitForSelector('#map circle.pt', { timeout: 15000 });
  const govs = await page.$$eval('#map path.gov', (p) => p.length);
  check('map draws the 14 governorates (+UNDOF zone)', govs >= 14, `${govs}`);
  const dlines = await page.$$eval('#map path.district', (p) => p.map((x) => (x.getAttribute('d').match(/M/g) || []).length));
  check('map draws the approximate district lines', dlines.length === 1 && dlines[0] > 20, `${dlines}`);
  const dkey = await page.$eval('#map-legend', (l) => l.textContent);
  check('map legend labels the district lines as approximate', /approximate district areas derived from GeoNames settlement points/.test(dkey), dkey.slice(0, 80));
  const pts = await page.$$eval('#map circle.pt', (p) => p.length);
  check('map places events', pts > 5, `${pts}`);
  await page.click('#map circle.pt');
  await page.waitForSelector('#map-detail dl', { timeout: 10000 });
  await shot('map');

  // ---- control ----
  await setDate('2019-06-01');
  await page.click('nav button[data-view=control]');
  await page.waitForFunction(() => /places held|error/.test(document.querySelector('#control-status').textContent) ||
    document.querySelector('#control-status').classList.contains('error'), null, { timeout: 15000 });
  check('control view loads', !(await page.$eval('#control-status', (s) => s.classList.contains('error'))),
    await page.$eval('#control-status', (s) => s.textContent));
  await shot('control');

  // ---- article with evidence ----
  await page.click('nav button[data-view=articles]');
  await page.waitForSelector('#doc-list li');
  await page.click('#doc-list li[data-id="serve-001"]');
  await page.waitForSelector('#doc-view mark.active', { timeout: 10000 });
  // every highlighted fact must show exactly the bytes its spans name
  const exactFor = async (docId) => {
    const doc = await (await fetch(`${base}/api/documents/${encodeURIComponent(docId)}`)).json();
    const bytes = Buffer.from(doc.text, 'utf8');
    const groups = new Map();
    for (const x of doc.evidence || []) {
      const k = x.kind + ':' + (x.cluster_id || x.id);
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push(x);
    }
    let exact = 0, checked = 0;
    for (const [id, spans] of groups) {
      const item = await page.$(`#doc-facts .fact[data-id="${id}"]`);
      checked++;
      if (!item) { console.log(`  ${docId} ${id}: not listed`); continue; }
      await item.click();
      const shown = await page.$$eval('#doc-view mark.active', (m) => m.map((x) => x.textContent).join(''));
      const want = spans.sort((p, q) => p.start - q.start)
        .filter((x, i, all) => !i || x.start >= all[i - 1].end)
        .map((x) => bytes.subarray(x.start, x.end).toString('utf8')).join('');
      if (shown === want && spans.every((x) => !x.text || bytes.subarray(x.start, x.end).toString('utf8') === x.text)) exact++;
      else console.log(`  ${docId} ${id}: shown «${shown.slice(0, 70)}» want «${want.slice(0, 70)}»`);
    }
    return [exact, checked];
  };
  const [exact, checked] = await exactFor('serve-001');
  check('article: highlighted words are exactly the evidence spans', checked > 0 && exact === checked, `${exact}/${checked}`);
  const hasCurly = await page.$eval('#doc-view', (v) => v.textContent.includes('Hay’at'));
  check('article keeps the original typography (UTF-8 text)', hasCurly);
  await page.click('#doc-facts .fact');
  await shot('article');

  // articles whose evidence follows multi-byte text (Arabic script,
  // curly quotes, dashes): offsets must still land on the same words
  for (const id of ['serve-002', '001_0dd6101e5fb4bde3']) {
    await page.click(`#doc-list li[data-id="${id}"]`);
    await page.waitForSelector('#doc-view mark.active', { timeout: 10000 });
    const [e2, c2] = await exactFor(id);
    check(`${id}: highlighted words are exactly the evidence spans`, c2 > 0 && e2 === c2, `${e2}/${c2}`);
  }
  const comments = await page.$$eval('#doc-view .comments .comment', (c) => c.length);
  check('reader comments are shown apart, below the report', comments >= 1, `${comments}`);
  const marked = await page.$$eval('#doc-view .comments mark', (m) => m.length);
  check('no evidence is highlighted in reader comments', marked === 0);
  await shot('article-arabic');

  check('no script errors', errors.length === 0, errors.join(' | '));
  check('no request leaves the server', foreign.length === 0, foreign.join(' '));
} catch (e) {
  check('browser run', false, e.stack || String(e));
  await shot('failure').catch(() => {});
} finally {
  await browser.close();
}
console.log(`browser: ${pass} passed, ${fail} failed`);
process.exit(fail ? 1 : 0);
