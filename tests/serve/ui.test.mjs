// The dashboard in a real browser: Debian's chromium, headless, driven by playwright-core,
// against `dyad serve` on a store ingested from the seeds and a sample of ../shared/corpus.
// Clicks through the filters (kept in the URL), the timeline, network and map, opens an event
// and checks that the highlighted spans are the stored offsets, checks the empty and error
// states and that no request leaves the machine, and saves screenshots (laptop and phone) to
// BUILD_DIR/serve-screenshots/.
// Usage: node ui.test.mjs BUILD_DIR SOURCE_DIR   (exit 77 = skipped: no ../shared)
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createGunzip } from 'node:zlib';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import assert from 'node:assert/strict';

const [BUILD, SRC] = process.argv.slice(2).map((p) => resolve(p));
const SHARED = resolve(SRC, '..', 'shared');
if (!existsSync(join(SHARED, 'seeds'))) {
  console.log(`skipped: ${SHARED}/seeds is absent`);
  process.exit(77);
}
const require = createRequire(join(SRC, 'web', 'package.json'));
const { chromium } = require('playwright-core');
const WEB = join(SRC, 'web', 'dist');
assert.ok(existsSync(join(WEB, 'index.html')), `${WEB}/index.html is missing: run scripts/setup.sh (builds the dashboard)`);
const SHOTS = join(BUILD, 'serve-screenshots');
mkdirSync(SHOTS, { recursive: true });
const tmp = mkdtempSync(join(tmpdir(), 'dyad-ui-'));

// ---- a store from the seeds and a sample of the corpus ----
async function sample(file, n, out) {
  const lines = [];
  const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()) });
  for await (const line of rl) {
    if (line.trim()) lines.push(line);
    if (lines.length >= n) break;
  }
  rl.close();
  writeFileSync(out, lines.join('\n') + '\n');
  return out;
}
const inputs = readdirSync(join(SHARED, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => join(SHARED, 'seeds', f));
for (const [lang, n] of [['en', 150], ['fr', 60], ['es', 60]]) {
  const dir = join(SHARED, 'corpus', lang);
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.jsonl.gz')).sort().slice(0, 1))
    inputs.push(await sample(join(dir, f), n, join(tmp, `${lang}.jsonl`)));
}
const db = join(tmp, 'ui.db');
const ing = spawnSync(join(BUILD, 'dyad'), ['ingest', ...inputs, '--db', db, '-q', '-j', '2'], { encoding: 'utf8' });
assert.ok(ing.status === 0 || ing.status === 1, `ingest failed: ${ing.stderr}`);

// ---- the server ----
const server = spawn(join(BUILD, 'dyad'), ['serve', '--db', db, '--port', '0', '--web', WEB], { stdio: ['ignore', 'pipe', 'pipe'] });
let stderr = '';
server.stderr.on('data', (d) => (stderr += d));
const URL_ = await new Promise((res, rej) => {
  let out = '';
  const t = setTimeout(() => rej(new Error('dyad serve did not start: ' + stderr)), 15000);
  server.stdout.on('data', (d) => {
    out += d;
    const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
    if (m) { clearTimeout(t); res(m[0]); }
  });
  server.on('exit', (c) => rej(new Error(`dyad serve exited (${c}): ${stderr}`)));
});
const origin = URL_.replace(/\/$/, '');
const apiGet = async (path) => (await fetch(origin + path)).json();

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let passed = 0;
const failures = [];
async function step(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failures.push(name);
    console.log(`FAIL ${name}\n     ${String(e.stack || e).split('\n').slice(0, 4).join('\n     ')}`);
  }
}

try {
  const health = await apiGet('/api/health');
  assert.ok(health.events > 0, 'the sample store holds no event');
  console.log(`store: ${health.events} events, ${health.articles} articles`);

  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  const outside = [];
  const consoleErrors = [];
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) outside.push(r.url()); });
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  const ready = async (p = page) => {
    for (const id of ['timeline', 'network', 'map', 'table'])
      await p.waitForSelector(`#${id}[data-ready]:not([aria-busy])`, { timeout: 15000 });
  };
  const totalShown = async (p = page) => (await p.textContent('[data-testid=total]')).replace(/[()]/g, '');

  await step('the dashboard loads: timeline, network, map, table', async () => {
    await page.goto(URL_);
    await ready();
    assert.ok(await page.locator('#timeline rect.bar').count() > 0, 'no timeline bars');
    assert.ok(await page.locator('#network .node').count() > 0, 'no network nodes');
    assert.ok(await page.locator('#map path.country').count() > 100, 'no map');
    // a circle for every place the API gives coordinates for (the seeds name places: "au Venezuela")
    const located = (await apiGet('/api/places')).places.filter((p) => p.lat !== null).length;
    assert.ok(located > 0, 'no place with coordinates in the seed store');
    assert.equal(await page.locator('#map circle.place').count(), located);
    assert.ok(await page.locator('#table tr[data-event-id]').count() > 0, 'no table rows');
    const all = await apiGet('/api/events?per_page=1');
    assert.equal(await totalShown(), `${all.total}${all.total_exact ? '' : '+'}`);
    await page.screenshot({ path: join(SHOTS, '01-dashboard-laptop.png'), fullPage: true });
  });

  const places = await apiGet('/api/places');
  const topCountry = [...places.countries].sort((a, b) => b.events - a.events)[0].country;

  await step(`filter by country ${topCountry}: the URL keeps it, the views agree with the API`, async () => {
    await page.fill('[data-testid=f-country]', topCountry.toLowerCase());
    await page.click('[data-testid=apply]');
    await page.waitForURL(new RegExp(`country=${topCountry}`));
    await ready();
    const want = await apiGet(`/api/events?country=${topCountry}&per_page=1`);
    assert.equal(await totalShown(), `${want.total}${want.total_exact ? '' : '+'}`);
  });

  await step('quad class and CAMEO root filters', async () => {
    const ev = await apiGet(`/api/events?country=${topCountry}&per_page=1`);
    const q = String(ev.events[0].quad), root = ev.events[0].root;
    await page.selectOption('[data-testid=f-quad]', q);
    await page.selectOption('[data-testid=f-root]', root);
    await page.click('[data-testid=apply]');
    await page.waitForURL(/quad=/);
    await ready();
    const want = await apiGet(`/api/events?country=${topCountry}&quad=${q}&root=${root}&per_page=1`);
    assert.ok(want.total >= 1);
    assert.equal(await totalShown(), `${want.total}${want.total_exact ? '' : '+'}`);
    assert.match(page.url(), new RegExp(`root=${root}`));
  });

  await step('date range, language and free text', async () => {
    await page.click('[data-testid=reset]');
    await ready();
    const ev = (await apiGet('/api/events?per_page=1')).events[0];
    const word = (ev.evidence.match(/\p{L}{5,}/u) || [ev.evidence.split(' ')[0]])[0];
    await page.fill('[data-testid=f-from]', ev.date);
    await page.fill('[data-testid=f-to]', ev.date);
    await page.selectOption('[data-testid=f-lang]', ev.lang);
    await page.fill('[data-testid=f-text]', word);
    await page.click('[data-testid=apply]');
    await page.waitForURL(/text=/);
    await ready();
    const q = new URLSearchParams({ from: ev.date, to: ev.date, lang: ev.lang, text: word, per_page: '1' });
    const want = await apiGet(`/api/events?${q}`);
    assert.ok(want.total >= 1, 'the event itself matches');
    assert.equal(await totalShown(), `${want.total}`);
    assert.ok(await page.locator(`#table tr[data-event-id="${ev.id}"]`).count() === 1, 'the event is listed');
  });

  await step('a filtered view can be bookmarked: a new page at the URL shows the same', async () => {
    const url = page.url();
    const p2 = await ctx.newPage();
    await p2.goto(url);
    await ready(p2);
    assert.equal(await p2.inputValue('[data-testid=f-text]'), await page.inputValue('[data-testid=f-text]'));
    assert.equal(await p2.inputValue('[data-testid=f-from]'), await page.inputValue('[data-testid=f-from]'));
    assert.equal(await totalShown(p2), await totalShown(page));
    await p2.close();
  });

  await step('clicking a network node filters by it', async () => {
    await page.goto(URL_);
    await ready();
    // the busiest node: drawn last, so on top of any neighbour it overlaps
    const node = page.locator('#network .node').last();
    const id = await node.getAttribute('data-id');
    await node.hover();
    assert.equal(await page.isVisible('#tip'), true, 'hover shows a tooltip');
    await node.click();
    await page.waitForURL(new RegExp(`country=${id}`));
    await ready();
    assert.equal(await page.inputValue('[data-testid=f-country]'), id);
  });

  await step('clicking a country on the map filters by it', async () => {
    await page.click('[data-testid=reset]');
    await ready();
    const c = page.locator(`#map path.country[data-iso3="${topCountry}"]`).first();
    if (await c.count() === 0) return;  // a country the 110m atlas lacks
    await c.click({ force: true });
    await page.waitForURL(new RegExp(`country=${topCountry}`));
    await ready();
  });

  await step('clicking a timeline bar narrows the dates to its period', async () => {
    await page.goto(URL_);
    await ready();
    // the period with the fewest events: its bar may be a sliver, its column is clickable
    const periods = await page.locator('#timeline rect.period').evaluateAll((els) => els.map((e) => e.dataset.period));
    assert.ok(periods.length > 0, 'no timeline periods');
    const smallest = await apiGet('/api/series?by=month').then((s) => {
      const tot = new Map();
      for (const r of s.series) tot.set(r.period, (tot.get(r.period) || 0) + r.events);
      return [...tot.entries()].filter(([p]) => periods.includes(p)).sort((a, b) => a[1] - b[1])[0][0];
    });
    await page.locator(`#timeline rect.period[data-period="${smallest}"]`).click();
    await page.waitForURL(new RegExp(`from=${smallest}-01`));
    await ready();
  });

  await step('opening an event: each mention\'s highlighted spans are the stored offsets', async () => {
    // The event with the most mentions, so that several sentences are checked.
    const top = (await apiGet('/api/events?sort=-mentions&per_page=1')).events[0];
    await page.goto(`${URL_}?text=${encodeURIComponent((top.evidence.match(/\p{L}{4,}/u) || ['x'])[0])}`);
    await ready();
    const row = page.locator(`#table tr[data-event-id="${top.id}"]`);
    if (await row.count()) await row.click();
    else await page.goto(`${URL_}?event=${top.id}`);
    await page.waitForSelector('#detail[data-ready]');
    assert.match(page.url(), new RegExp(`event=${top.id}`));
    const detail = await apiGet(`/api/events/${top.id}`);
    const shown = await page.$$eval('[data-testid=mention]', (ms) => ms.map((m) => ({
      id: m.getAttribute('data-mention-id'),
      text: m.querySelector('.sentence').textContent,
      marks: [...m.querySelectorAll('mark')].map((k) => ({ role: k.dataset.role, start: +k.dataset.start, end: +k.dataset.end, text: k.textContent })),
      info: m.textContent,
    })));
    assert.equal(shown.length, detail.mentions.length);
    let marks = 0;
    for (const [i, m] of detail.mentions.entries()) {
      const s = shown[i];
      assert.equal(s.text, m.sentence, 'the whole sentence is shown');
      const bytes = Buffer.from(m.sentence, 'utf8');
      for (const k of s.marks) {
        const span = m[k.role];
        assert.equal(k.start, span.sentence_start, `${k.role} start`);
        assert.equal(k.end, span.sentence_end, `${k.role} end`);
        // The stored article offsets, made relative to the sentence, select the marked words.
        assert.equal(span.start - m.sentence_start, k.start);
        assert.equal(k.text, bytes.subarray(k.start, k.end).toString('utf8'), `${k.role} text`);
        marks++;
      }
      for (const role of ['source', 'target', 'verb'])
        if (m[role].sentence_start >= 0 && m[role].sentence_end <= bytes.length)
          assert.ok(s.marks.some((k) => k.role === role) || s.marks.length > 0, `${role} marked`);
      assert.ok(s.info.includes(m.code), 'the code');
      if (m.code_name) assert.ok(s.info.includes(m.code_name), 'the CAMEO name');
      assert.ok(s.info.includes(`${m.polarity} / ${m.modality}`), 'polarity / modality');
      assert.ok(s.info.includes(`${m.rule.file}:${m.rule.line}`), 'the rule');
    }
    assert.ok(marks > 0, 'at least one span is highlighted');
    if (detail.mentions[0].url)
      assert.equal(await page.getAttribute('[data-testid=mention] a[href]', 'href'), detail.mentions[0].url);
    await page.screenshot({ path: join(SHOTS, '02-event-detail.png') });
    await page.keyboard.press('Escape');
    assert.equal(await page.isHidden('#detail'), true);
    assert.doesNotMatch(page.url(), /event=/);
  });

  await step('every mention of a sample of events highlights the stored spans', async () => {
    const evs = (await apiGet('/api/events?per_page=15&sort=id')).events;
    let checked = 0;
    for (const e of evs) {
      await page.goto(`${URL_}?event=${e.id}`);
      await page.waitForSelector('#detail[data-ready]');
      const d = await apiGet(`/api/events/${e.id}`);
      const marks = await page.$$eval('[data-testid=mention] mark', (ks) => ks.map((k) => ({ role: k.dataset.role, start: +k.dataset.start, end: +k.dataset.end, text: k.textContent, mid: k.closest('[data-mention-id]').dataset.mentionId })));
      for (const k of marks) {
        const m = d.mentions.find((x) => String(x.id) === k.mid);
        assert.equal(k.text, Buffer.from(m.sentence, 'utf8').subarray(m[k.role].sentence_start, m[k.role].sentence_end).toString('utf8'));
        checked++;
      }
    }
    assert.ok(checked >= evs.length, `only ${checked} spans checked`);
  });

  await step('an actor no words name is shown as implied, not as empty quotes', async () => {
    // statements on domestic matters ("[CODE home]") are common in the French sample
    const evs = (await apiGet('/api/events?per_page=200&sort=id')).events;
    let found = null;
    for (const e of evs) {
      const d = await apiGet(`/api/events/${e.id}`);
      const i = d.mentions.findIndex((m) => m.target.implied);
      if (i >= 0) { found = { id: e.id, i }; break; }
    }
    assert.ok(found, 'no event among the first 200 has an implied target');
    await page.goto(`${URL_}?event=${found.id}`);
    await page.waitForSelector('#detail[data-ready]');
    const info = await page.$$eval('[data-testid=mention]', (ms) => ms.map((m) => m.textContent));
    assert.match(info[found.i], /implied: no words name it/);
    assert.doesNotMatch(info[found.i], /target[^“]*“”/);
  });

  await step('empty and error states', async () => {
    await page.goto(`${URL_}?text=zzqqxxyywwvv`);
    await ready();
    assert.equal(await page.locator('#table .state.empty').count(), 1);
    assert.equal(await page.locator('#timeline .state.empty').count(), 1);
    await page.goto(`${URL_}?from=2023-02-30`);
    await page.waitForSelector('#table .state.error');
    assert.match(await page.textContent('#table .state.error'), /from/);
    await page.screenshot({ path: join(SHOTS, '03-error-state.png') });
    await page.goto(`${URL_}?event=99999999`);
    await page.waitForSelector('#detail .state.error');
  });

  await step('readable on a phone: no horizontal scrolling, the table and detail fit', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const p = await phone.newPage();
    await p.goto(URL_);
    await ready(p);
    const over = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(over <= 1, `the page is ${over}px wider than the phone`);
    await p.screenshot({ path: join(SHOTS, '04-dashboard-phone.png'), fullPage: true });
    await p.locator('#table tr[data-event-id]').first().click();
    await p.waitForSelector('#detail[data-ready]');
    await p.screenshot({ path: join(SHOTS, '05-event-phone.png') });
    await phone.close();
  });

  await step('no request left the machine, no script error', async () => {
    assert.deepEqual(outside, []);
    assert.deepEqual(consoleErrors.filter((e) => !/status of 4\d\d/.test(e)), []);
  });
} finally {
  await browser.close();
  server.kill('SIGINT');
  await new Promise((r) => server.on('exit', r));
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`serve_ui: ${passed} passed, ${failures.length} failed; screenshots in ${SHOTS}`);
process.exit(failures.length ? 1 : 0);
