// dyad dashboard: filters kept in the URL and shared by every view (timeline, network, map,
// table, event detail). Talks only to this server's /api (see README "HTTP API and dashboard").
// All data reaches the page through textContent / d3 .text(), never as HTML.
import { select } from 'd3-selection';
import { scaleBand, scaleLinear, scaleSqrt, scaleSequentialSqrt, scaleDiverging } from 'd3-scale';
import { interpolateBlues, interpolateRdBu } from 'd3-scale-chromatic';
import { stack } from 'd3-shape';
import { axisBottom, axisLeft } from 'd3-axis';
import { max } from 'd3-array';
import { forceSimulation, forceLink, forceManyBody, forceCenter, forceCollide, forceX, forceY } from 'd3-force';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import isoCodes from 'i18n-iso-countries/codes.json';

const FILTERS = ['from', 'to', 'country', 'actor', 'root', 'quad', 'lang', 'text', 'status'];
const QUAD_NAMES = { 1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict' };
const QUAD_COLORS = { 1: '#4e79a7', 2: '#59a14f', 3: '#f28e2b', 4: '#e15759' };
const PER_PAGE = 25;
const alpha3ToNumeric = new Map(isoCodes.map(([, a3, num]) => [a3, num]));
const numericToAlpha3 = new Map(isoCodes.map(([, a3, num]) => [num, a3]));
const cameoNames = new Map();

const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, text) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
};

// ---- state in the URL ----------------------------------------------------------------------
function readState() {
  const q = new URLSearchParams(location.search);
  const s = {};
  for (const k of [...FILTERS, 'page', 'event', 'by', 'level']) if (q.get(k)) s[k] = q.get(k);
  return s;
}
let state = readState();
function writeState(next, { push = true } = {}) {
  state = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined && v !== ''));
  const q = new URLSearchParams(state).toString();
  const url = location.pathname + (q ? '?' + q : '');
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}
function filterParams(extra = {}) {
  const p = {};
  for (const k of FILTERS) if (state[k]) p[k] = state[k];
  return { ...p, ...extra };
}
function setFilters(changes) {
  writeState({ ...state, ...changes, page: undefined, event: undefined });
  refresh();
}

// ---- API -------------------------------------------------------------------------------------
const inflight = new Map();
async function api(view, path, params = {}) {
  inflight.get(view)?.abort();
  const ctl = new AbortController();
  inflight.set(view, ctl);
  const q = new URLSearchParams(params).toString();
  const res = await fetch('/api/' + path + (q ? '?' + q : ''), { signal: ctl.signal });
  let body;
  try {
    body = await res.json();
  } catch {
    throw new Error(`the server answered ${res.status} without JSON`);
  }
  if (!res.ok) {
    const e = body && body.error;
    throw new Error(e ? `${e.message}${e.parameter ? ` (parameter ${e.parameter})` : ''}` : `error ${res.status}`);
  }
  return body;
}
function showState(box, kind, message) {
  box.replaceChildren(el('div', { class: `state ${kind}`, 'data-state': kind }, message));
}
async function load(view, box, path, params, render) {
  showState(box, 'loading', 'Loading…');
  box.setAttribute('aria-busy', 'true');
  try {
    const data = await api(view, path, params);
    box.replaceChildren();
    render(data);
    box.setAttribute('data-ready', '1');
  } catch (e) {
    if (e.name === 'AbortError') return;
    showState(box, 'error', 'Could not load: ' + e.message);
    box.setAttribute('data-ready', 'error');
  } finally {
    box.removeAttribute('aria-busy');
  }
}

// ---- tooltip ---------------------------------------------------------------------------------
const tip = $('tip');
function showTip(ev, lines) {
  tip.replaceChildren(...lines.map((l, i) => (i ? el('div', {}, l) : el('strong', {}, l))));
  tip.hidden = false;
  const x = Math.min(ev.clientX + 12, window.innerWidth - tip.offsetWidth - 8);
  tip.style.left = x + 'px';
  tip.style.top = ev.clientY + 12 + 'px';
}
const hideTip = () => (tip.hidden = true);

// ---- timeline --------------------------------------------------------------------------------
function monthEnd(ym) {
  const [y, m] = ym.split('-').map(Number);
  return `${ym}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}
function renderTimeline(data) {
  const box = $('timeline');
  const rows = new Map();
  for (const r of data.series) {
    const row = rows.get(r.period) || { period: r.period, 1: 0, 2: 0, 3: 0, 4: 0, total: 0 };
    row[r.quad] = r.events;
    row.total += r.events;
    rows.set(r.period, row);
  }
  const list = [...rows.values()];
  if (!list.length || !list.some((r) => r.total)) return showState(box, 'empty', 'No dated events match these filters.');
  const W = 640, H = 240, m = { t: 10, r: 10, b: 40, l: 52 };
  const x = scaleBand().domain(list.map((d) => d.period)).range([m.l, W - m.r]).padding(0.1);
  const y = scaleLinear().domain([0, max(list, (d) => d.total)]).nice().range([H - m.b, m.t]);
  const svg = select(box).append('svg').attr('viewBox', `0 0 ${W} ${H}`).attr('role', 'img')
    .attr('aria-label', 'events per period by quad class');
  const series = stack().keys([1, 2, 3, 4])(list);
  svg.append('g').selectAll('g').data(series).join('g').attr('fill', (s) => QUAD_COLORS[s.key])
    .attr('data-quad', (s) => s.key)
    .selectAll('rect').data((s) => s.map((d) => Object.assign(d, { key: s.key }))).join('rect')
    .attr('class', 'bar')
    .attr('x', (d) => x(d.data.period)).attr('width', x.bandwidth())
    .attr('y', (d) => y(d[1])).attr('height', (d) => Math.max(0, y(d[0]) - y(d[1])));
  // Each period is one transparent column over the whole plot height: a month with a handful of
  // events next to one with thousands is a sliver of a bar, still easy to point at and click.
  svg.append('g').selectAll('rect').data(list).join('rect')
    .attr('class', 'period').attr('data-period', (d) => d.period)
    .attr('x', (d) => x(d.period)).attr('width', x.bandwidth())
    .attr('y', m.t).attr('height', H - m.b - m.t)
    .attr('fill', 'transparent').style('cursor', 'pointer')
    .on('mousemove', (ev, d) => showTip(ev, [d.period, `${d.total} events`,
      ...[1, 2, 3, 4].filter((q) => d[q]).map((q) => `${QUAD_NAMES[q]}: ${d[q]}`)]))
    .on('mouseleave', hideTip)
    .on('click', (ev, d) => {
      hideTip();
      const p = d.period;
      if (data.by === 'month') setFilters({ from: p + '-01', to: monthEnd(p) });
      else if (data.by === 'day') setFilters({ from: p, to: p });
    });
  const step = Math.ceil(list.length / 10);
  svg.append('g').attr('transform', `translate(0,${H - m.b})`)
    .call(axisBottom(x).tickValues(list.map((d) => d.period).filter((_, i) => i % step === 0)))
    .selectAll('text').attr('transform', 'rotate(-30)').style('text-anchor', 'end');
  svg.append('g').attr('transform', `translate(${m.l},0)`).call(axisLeft(y).ticks(5));
  const legend = el('div', { class: 'legend' });
  for (const q of [1, 2, 3, 4]) {
    const item = el('span', {}, QUAD_NAMES[q]);
    item.prepend(el('i', { class: 'q' + q }));
    legend.append(item);
  }
  box.append(legend);
}

// ---- network ---------------------------------------------------------------------------------
function renderNetwork(data) {
  const box = $('network');
  const edges = data.edges.filter((e) => e.source !== e.target);
  if (!edges.length) return showState(box, 'empty', 'No interactions between two different actors match these filters.');
  const used = new Set(edges.flatMap((e) => [e.source, e.target]));
  const nodes = data.nodes.filter((n) => used.has(n.id)).map((n) => ({ ...n }));
  const links = edges.map((e) => ({ ...e }));
  const W = 640, H = 420;
  const r = scaleSqrt().domain([0, max(nodes, (n) => n.events)]).range([3, 18]);
  const w = scaleSqrt().domain([0, max(links, (l) => l.events)]).range([0.6, 6]);
  const color = scaleDiverging(interpolateRdBu).domain([-10, 0, 10]);
  const sim = forceSimulation(nodes)
    .force('link', forceLink(links).id((d) => d.id).distance(60))
    .force('charge', forceManyBody().strength(-120))
    .force('center', forceCenter(W / 2, H / 2))
    .force('collide', forceCollide().radius((d) => r(d.events) + 8))
    .force('x', forceX(W / 2).strength(0.12))
    .force('y', forceY(H / 2).strength(0.16))
    .stop();
  for (let i = 0; i < 300; ++i) sim.tick();
  // Fit the drawing to what the layout used (disconnected pairs drift away otherwise).
  const pad = 28;
  const x0 = Math.min(...nodes.map((n) => n.x)) - pad, x1 = Math.max(...nodes.map((n) => n.x)) + pad;
  const y0 = Math.min(...nodes.map((n) => n.y)) - pad, y1 = Math.max(...nodes.map((n) => n.y)) + pad;
  const vw = Math.max(x1 - x0, 200), vh = Math.max(y1 - y0, 150);
  const svg = select(box).append('svg').attr('viewBox', `${x0} ${y0} ${vw} ${vh}`).attr('role', 'img')
    .style('max-height', '420px')
    .attr('aria-label', 'interaction network');
  svg.append('defs').append('marker').attr('id', 'arrow').attr('viewBox', '0 -4 8 8').attr('refX', 8)
    .attr('markerUnits', 'userSpaceOnUse').attr('markerWidth', 9).attr('markerHeight', 9).attr('orient', 'auto')
    .append('path').attr('d', 'M0,-4L8,0L0,4').attr('fill', '#888');
  svg.append('g').selectAll('line').data(links).join('line').attr('class', 'link')
    .attr('x1', (d) => d.source.x).attr('y1', (d) => d.source.y)
    .attr('x2', (d) => d.target.x - ((d.target.x - d.source.x) * r(d.target.events)) / (Math.hypot(d.target.x - d.source.x, d.target.y - d.source.y) || 1))
    .attr('y2', (d) => d.target.y - ((d.target.y - d.source.y) * r(d.target.events)) / (Math.hypot(d.target.x - d.source.x, d.target.y - d.source.y) || 1))
    .attr('stroke', (d) => color(d.goldstein_mean)).attr('stroke-width', (d) => w(d.events))
    .attr('marker-end', 'url(#arrow)')
    .on('mousemove', (ev, d) => showTip(ev, [`${d.source.id} → ${d.target.id}`, `${d.events} events, mean Goldstein ${d.goldstein_mean.toFixed(1)}`,
      ...d.quads.map((q) => `${QUAD_NAMES[q.quad]}: ${q.events} (mean ${q.goldstein_mean.toFixed(1)})`)]))
    .on('mouseleave', hideTip);
  // the busiest actors are drawn last, on top, so no smaller node or label hides them
  const drawn = [...nodes].sort((a, b) => a.events - b.events);
  const g = svg.append('g').selectAll('g').data(drawn).join('g').attr('class', 'node')
    .attr('data-id', (d) => d.id).attr('tabindex', 0)
    .attr('transform', (d) => `translate(${d.x},${d.y})`)
    .on('mousemove', (ev, d) => showTip(ev, [d.id, `${d.events} events (${d.as_actor1} as source, ${d.as_actor2} as target)`, 'click to filter']))
    .on('mouseleave', hideTip)
    .on('click', (ev, d) => {
      hideTip();
      if (data.level === 'country') setFilters({ country: d.id, actor: undefined });
      else setFilters({ actor: d.id });
    });
  g.append('circle').attr('r', (d) => r(d.events)).attr('fill', '#7b8bb0');
  // labels never take the pointer from a node under them
  g.append('text').attr('dy', (d) => -r(d.events) - 2).attr('text-anchor', 'middle').attr('pointer-events', 'none')
    .text((d) => d.id);
  box.append(el('div', { class: 'legend' }, `Arrows: source → target; width: events; colour: mean Goldstein (red conflict, blue cooperation). ${data.edges_total > data.edges.length ? `Top ${data.edges.length} of ${data.edges_total} pairs.` : ''} Click a node to filter.`));
}

// ---- map -------------------------------------------------------------------------------------
const countries = feature(world, world.objects.countries);
function renderMap(data) {
  const box = $('map');
  const W = 640, H = 330;
  const proj = geoNaturalEarth1().fitSize([W, H], countries);
  const path = geoPath(proj);
  const located = data.places.filter((p) => p.lat !== null && p.lon !== null);
  const counts = new Map(data.countries.map((c) => [c.country, c.events]));
  if (!counts.size && !located.length) {
    return showState(box, 'empty', 'No country or place is named by the events that match these filters.');
  }
  const svg = select(box).append('svg').attr('viewBox', `0 0 ${W} ${H}`).attr('role', 'img');
  // The countries involved (either side), shaded by events, click to filter; over them, when
  // the store has coordinates, a circle per event place sized by its events.
  $('map-title').textContent = located.length ? 'Countries involved and event places' : 'Countries involved (no place coordinates in this store)';
  svg.attr('aria-label', located.length ? 'choropleth of countries involved, with event places' : 'choropleth of countries involved');
  const color = scaleSequentialSqrt(interpolateBlues).domain([0, max(data.countries, (c) => c.events) || 1]);
  svg.append('g').selectAll('path').data(countries.features).join('path')
    .attr('class', 'country').attr('d', path)
    .attr('data-iso3', (f) => numericToAlpha3.get(f.id) || '')
    .attr('fill', (f) => {
      const n = counts.get(numericToAlpha3.get(f.id));
      return n ? color(n) : '#eceef3';
    })
    .on('mousemove', (ev, f) => {
      const a3 = numericToAlpha3.get(f.id);
      showTip(ev, [`${f.properties.name}${a3 ? ` (${a3})` : ''}`, `${counts.get(a3) || 0} events`, 'click to filter']);
    })
    .on('mouseleave', hideTip)
    .on('click', (ev, f) => {
      hideTip();
      const a3 = numericToAlpha3.get(f.id);
      if (a3) setFilters({ country: a3 });
    });
  if (located.length) {
    const rr = scaleSqrt().domain([0, max(located, (p) => p.events)]).range([2, 14]);
    svg.append('g').selectAll('circle').data(located).join('circle')
      .attr('class', 'place').attr('data-place', (p) => p.name)
      .attr('cx', (p) => proj([p.lon, p.lat])[0]).attr('cy', (p) => proj([p.lon, p.lat])[1]).attr('r', (p) => rr(p.events))
      .attr('fill', 'rgba(225,87,89,.6)').attr('stroke', '#fff').style('pointer-events', 'visibleFill')
      .on('mousemove', (ev, p) => showTip(ev, [p.name, `${p.events} events`])).on('mouseleave', hideTip);
  }
  const unmapped = data.countries.filter((c) => !alpha3ToNumeric.has(c.country));
  if (unmapped.length)
    box.append(el('div', { class: 'legend' }, 'Not on the map: ' + unmapped.map((c) => `${c.country} (${c.events})`).join(', ')));
}

// ---- table -----------------------------------------------------------------------------------
function actorLabel(a) {
  return a.code ? `${a.code}${a.name ? ' · ' + a.name : ''}` : '—';
}
function renderTable(data) {
  const box = $('table');
  const total = data.total_exact ? `${data.total}` : `${data.total}+`;
  $('total').textContent = `(${total})`;
  if (!data.events.length) {
    $('pager').replaceChildren();
    return showState(box, 'empty', data.page > 1 ? 'No events on this page.' : 'No events match these filters.');
  }
  const t = el('table');
  const head = el('tr');
  for (const [h, cls] of [['date'], ['source'], ['event'], ['target'], ['quad', 'hide-sm'], ['Goldstein', 'hide-sm'], ['mentions', 'hide-sm'], ['evidence', 'hide-sm']])
    head.append(el('th', cls ? { class: cls } : {}, h));
  const thead = el('thead');
  thead.append(head);
  t.append(thead);
  const body = el('tbody');
  for (const e of data.events) {
    const tr = el('tr', { 'data-event-id': String(e.id), tabindex: '0' });
    tr.append(el('td', {}, e.date || '—'), el('td', {}, actorLabel(e.actor1)),
      el('td', {}, `${e.code}${e.code_name ? ' ' + e.code_name : ''}${e.status !== 'fact' ? ` [${e.status}]` : ''}`),
      el('td', {}, actorLabel(e.actor2)));
    const qd = el('td', { class: 'hide-sm' });
    qd.append(el('span', { class: `tag q${e.quad}`, title: QUAD_NAMES[e.quad] || '' }, String(e.quad)));
    tr.append(qd, el('td', { class: 'hide-sm' }, String(e.goldstein)), el('td', { class: 'hide-sm' }, String(e.num_mentions)),
      el('td', { class: 'ev hide-sm' }, e.evidence.length > 160 ? e.evidence.slice(0, 157) + '…' : e.evidence));
    const open = () => { writeState({ ...state, event: String(e.id) }); showDetail(e.id); };
    tr.addEventListener('click', open);
    tr.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') open(); });
    body.append(tr);
  }
  t.append(body);
  box.append(t);
  const page = data.page, pages = Math.ceil(data.total / data.per_page);
  const pager = $('pager');
  pager.replaceChildren();
  const prev = el('button', { type: 'button', 'data-testid': 'prev' }, '‹ newer');
  prev.disabled = page <= 1;
  prev.onclick = () => { writeState({ ...state, page: String(page - 1) }); loadTable(); };
  const next = el('button', { type: 'button', 'data-testid': 'next' }, 'older ›');
  next.disabled = page >= pages && data.total_exact;
  next.onclick = () => { writeState({ ...state, page: String(page + 1) }); loadTable(); };
  pager.append(prev, el('span', {}, `page ${page} of ${pages}${data.total_exact ? '' : '+'}`), next);
}

// ---- event detail ----------------------------------------------------------------------------
const enc = new TextEncoder(), dec = new TextDecoder();
// The sentence with each span marked; offsets are UTF-8 byte offsets into the sentence.
function highlighted(sentence, spans) {
  const bytes = enc.encode(sentence);
  const ok = spans.filter((s) => s.start >= 0 && s.end > s.start && s.end <= bytes.length).sort((a, b) => a.start - b.start);
  const p = el('p', { class: 'sentence', 'data-testid': 'sentence' });
  let pos = 0;
  for (const s of ok) {
    if (s.start < pos) continue;  // overlapping spans: the first one wins
    p.append(document.createTextNode(dec.decode(bytes.subarray(pos, s.start))));
    p.append(el('mark', { class: 'hl-' + s.role, 'data-role': s.role, 'data-start': String(s.start), 'data-end': String(s.end), title: s.role },
      dec.decode(bytes.subarray(s.start, s.end))));
    pos = s.end;
  }
  p.append(document.createTextNode(dec.decode(bytes.subarray(pos))));
  return p;
}
// An actor as the evidence shows it: its code and words; an actor no words name (the target of
// a statement on domestic matters, "la ministre dénonce une dérive" → FRA) and a country taken
// from the article rather than the words are said so.
function actorLine(a) {
  const code = a.code || '—';
  if (a.implied) return `${code} (implied: no words name it)`;
  return `${code} “${a.text}”` + (a.country_inferred ? ' (country from the article)' : '');
}

function kv(pairs) {
  const dl = el('dl', { class: 'kv' });
  for (const [k, v] of pairs) {
    if (v === undefined || v === null || v === '') continue;
    dl.append(el('dt', {}, k));
    const dd = el('dd');
    if (v instanceof Node) dd.append(v);
    else dd.textContent = String(v);
    dl.append(dd);
  }
  return dl;
}
async function showDetail(id) {
  const panel = $('detail'), body = $('detail-body');
  panel.hidden = false;
  showState(body, 'loading', 'Loading event…');
  try {
    const d = await api('detail', `events/${encodeURIComponent(id)}`);
    const e = d.event;
    body.replaceChildren(el('h2', { 'data-testid': 'detail-title' }, `Event ${e.id}: ${e.code} ${e.code_name || ''}`));
    body.append(kv([
      ['dyad', `${actorLabel(e.actor1)} → ${actorLabel(e.actor2)}${e.symmetric ? ' (symmetric)' : ''}`],
      ['status', e.status], ['date', e.end_date && e.end_date !== e.date ? `${e.date} – ${e.end_date}` : e.date],
      ['quad', `${e.quad} ${QUAD_NAMES[e.quad] || ''}`], ['Goldstein', e.goldstein],
      ['PLOVER', [e.plover.type, e.plover.mode, e.plover.context].filter(Boolean).join(' / ')], ['place', e.place],
      ['support', `${e.num_mentions} mentions, ${e.num_sources} outlets, ${e.num_articles} articles${e.num_contests ? `, ${e.num_contests} contesting` : ''}`],
    ]));
    const legend = el('div', { class: 'legend' });
    for (const [cls, label] of [['source', 'source actor'], ['target', 'target actor'], ['verb', 'verb']]) {
      const m = el('mark', { class: 'hl-' + cls }, label);
      legend.append(m);
    }
    body.append(legend);
    for (const m of d.mentions) {
      const box = el('div', { class: 'mention', 'data-testid': 'mention', 'data-mention-id': String(m.id) });
      box.append(highlighted(m.sentence, [
        { role: 'source', start: m.source.sentence_start, end: m.source.sentence_end },
        { role: 'target', start: m.target.sentence_start, end: m.target.sentence_end },
        { role: 'verb', start: m.verb.sentence_start, end: m.verb.sentence_end },
      ]));
      const link = /^https?:\/\//i.test(m.url) ? el('a', { href: m.url, target: '_blank', rel: 'noopener noreferrer' }, m.title || m.url) : m.title || m.doc_id;
      box.append(kv([
        ['code', `${m.code} ${m.code_name || ''}`],
        ['source', actorLine(m.source)], ['target', actorLine(m.target)],
        ['verb', m.verb.text],
        ['polarity / modality', `${m.polarity} / ${m.modality}`], ['attribution', m.attribution],
        ['article', link], ['outlet', [m.outlet, m.doc_date, m.lang].filter(Boolean).join(' · ')],
        ['rule', `${m.rule.file}:${m.rule.line}  ${m.rule.pattern}`],
        ['link', `${m.role} (${m.match}): ${m.reason}`],
      ]));
      body.append(box);
    }
    panel.setAttribute('data-ready', '1');
  } catch (e) {
    if (e.name !== 'AbortError') showState(body, 'error', 'Could not load the event: ' + e.message);
  }
}
function closeDetail() {
  $('detail').hidden = true;
  $('detail').removeAttribute('data-ready');
  writeState({ ...state, event: undefined });
}
$('close-detail').onclick = closeDetail;
document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape' && !$('detail').hidden) closeDetail(); });

// ---- filters form ----------------------------------------------------------------------------
const form = $('filters');
function fillForm() {
  for (const k of FILTERS) if (form.elements[k]) form.elements[k].value = state[k] || '';
  $('by').value = state.by || 'month';
  $('level').value = state.level || 'country';
}
form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const changes = {};
  for (const k of FILTERS) if (form.elements[k]) changes[k] = form.elements[k].value.trim();
  if (changes.country) changes.country = changes.country.toUpperCase();
  setFilters(changes);
});
$('reset').onclick = () => { writeState({}); fillForm(); refresh(); };
$('by').onchange = () => { writeState({ ...state, by: $('by').value }); loadTimeline(); };
$('level').onchange = () => { writeState({ ...state, level: $('level').value }); loadNetwork(); };
window.addEventListener('popstate', () => { state = readState(); fillForm(); refresh(); });

const loadTimeline = () => load('timeline', $('timeline'), 'series', filterParams({ by: state.by || 'month', quad_split: '1' }), renderTimeline);
const loadNetwork = () => load('network', $('network'), 'network', filterParams({ level: state.level || 'country', limit: '60' }), renderNetwork);
const loadMap = () => load('map', $('map'), 'places', filterParams({ limit: '500' }), renderMap);
const loadTable = () => load('table', $('table'), 'events', filterParams({ page: state.page || '1', per_page: String(PER_PAGE) }), renderTable);
function refresh() {
  fillForm();
  loadTimeline();
  loadNetwork();
  loadMap();
  loadTable();
  if (state.event) showDetail(state.event);
  else $('detail').hidden = true;
}

async function init() {
  try {
    const [h, c] = await Promise.all([api('health', 'health'), api('cameo', 'cameo')]);
    $('store-info').textContent = `${h.events.toLocaleString()} events · ${h.articles.toLocaleString()} articles · ${h.first_date || '?'} – ${h.last_date || '?'}`;
    for (const l of h.languages) form.elements.lang.append(el('option', { value: l }, l));
    for (const code of c.codes) {
      cameoNames.set(code.code, code.name);
      if (code.code.length === 2) form.elements.root.append(el('option', { value: code.code }, `${code.code} ${code.name}`));
    }
  } catch (e) {
    $('store-info').textContent = 'Cannot reach the store: ' + e.message;
  }
  refresh();
}
init();
