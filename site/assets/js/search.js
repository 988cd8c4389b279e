// Search page: loads the prebuilt lunr index on first use, expands the query with the vocabulary
// (synonyms, provinces), shows facets whose counts follow the query, keeps state in the URL,
// and renders everything with textContent (never innerHTML of indexed text).
import { analyseQuery, buildQuery, expandIndex, setupLunr, snippet } from './search-core.js';

const form = document.getElementById('search-form');
const input = document.getElementById('q');
const resultsEl = document.getElementById('results');
const facetsEl = document.getElementById('facets');
const statusEl = document.getElementById('search-status');

const FACETS = [
  { key: 'type', label: 'Soort', value: (d) => [d.k === 'c' ? 'case' : d.k === 'n' ? 'notitie' : d.ty] },
  { key: 'thema', label: "Thema", value: (d) => d.th },
  { key: 'provincie', label: 'Provincie', value: (d) => (d.p ? [d.p] : []) },
  { key: 'route', label: 'Routetype', value: (d) => (d.r ? [d.r] : []) },
  { key: 'niveau', label: 'Niveau', value: (d) => d.l || [] },
  { key: 'sector', label: 'Sector', value: (d) => d.s || [] },
];
const TYPE_LABELS = { case: 'Case', notitie: 'Notitie', knelpunt: 'Knelpunt', succesfactor: 'Succesfactor', les: 'Les', 'rode-draad': 'Rode draad' };
const ROUTE_LABELS = {
  'doorlopende-leerroute': 'Doorlopende leerroute',
  'geintegreerde-leerroute': 'Geïntegreerde leerroute',
  'programmatische-aansluiting': 'Programmatische aansluiting',
  'keuzedeel-samenwerking': 'Keuzevakken en keuzedelen',
  'lob-en-overstap': 'LOB en overstap',
  verkenning: 'Verkenning',
};

let engine = null;
function loadScript(src) {
  return new Promise((ok, fail) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = ok;
    s.onerror = () => fail(new Error(`kon ${src} niet laden`));
    document.head.append(s);
  });
}
/** Load lunr, the Dutch pipeline and the prebuilt index once, on first use. */
function loadEngine() {
  if (engine) return engine;
  engine = (async () => {
    await loadScript('/assets/vendor/lunr.min.js');
    await loadScript('/assets/vendor/lunr.stemmer.support.min.js');
    await loadScript('/assets/vendor/lunr.nl.min.js');
    const lunr = window.lunr;
    setupLunr(lunr); // registers folding before the index is loaded
    const [index, store] = await Promise.all([fetch('/search/index.json').then((r) => r.json()), fetch('/search/docs.json').then((r) => r.json())]);
    const idx = lunr.Index.load(expandIndex(index));
    const labels = { thema: Object.fromEntries(store.vocab.themes.map((t) => [t.id, t.label])), provincie: Object.fromEntries(store.vocab.provinces.map((p) => [p.id, p.label])) };
    return { lunr, idx, docs: store.docs, vocab: store.vocab, labels };
  })();
  return engine;
}

const state = () => {
  const p = new URLSearchParams(location.search);
  return { q: p.get('q') || '', filters: Object.fromEntries(FACETS.map((f) => [f.key, p.getAll(f.key)])) };
};
function toUrl(q, filters) {
  const p = new URLSearchParams();
  if (q) p.set('q', q);
  for (const f of FACETS) for (const v of filters[f.key] || []) p.append(f.key, v);
  const s = p.toString();
  return s ? `?${s}` : location.pathname;
}

const el = (tag, text, attrs = {}) => {
  const e = document.createElement(tag);
  if (text != null) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
};
const label = (key, v, labels) => (key === 'type' ? TYPE_LABELS[v] : key === 'route' ? ROUTE_LABELS[v] : labels[key]?.[v]) || v;

/** Run the query; returns matching docs in rank order. */
export function search(eng, q) {
  const analysis = analyseQuery(q, eng.vocab);
  if (!analysis.words.length) return { analysis, hits: [] };
  const res = eng.idx.query((query) => buildQuery(eng.lunr, query, analysis));
  return { analysis, hits: res.map((r) => eng.docs[Number(r.ref)]) };
}

function render(eng, q, filters) {
  const t0 = performance.now();
  const { analysis, hits } = search(eng, q);
  const matches = (d, skip) => FACETS.every((f) => f.key === skip || !(filters[f.key] || []).length || f.value(d).some((v) => filters[f.key].includes(v)));
  const shown = hits.filter((d) => matches(d));
  window.__kbLastQueryMs = performance.now() - t0;

  facetsEl.replaceChildren();
  if (hits.length) {
    for (const f of FACETS) {
      const counts = new Map();
      for (const d of hits) if (matches(d, f.key)) for (const v of new Set(f.value(d))) counts.set(v, (counts.get(v) || 0) + 1);
      if (!counts.size) continue;
      const fs = el('fieldset');
      fs.append(el('legend', f.label));
      for (const [v, n] of [...counts].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))) {
        const id = `f-${f.key}-${v}`.replace(/[^a-z0-9-]/gi, '_');
        const box = el('input', null, { type: 'checkbox', id, name: f.key, value: v });
        box.checked = (filters[f.key] || []).includes(v);
        const lab = el('label', null, { for: id });
        lab.append(box, document.createTextNode(` ${label(f.key, v, eng.labels)} `), el('span', `(${n})`, { class: 'facet-count' }));
        fs.append(lab);
      }
      facetsEl.append(fs);
    }
  }

  resultsEl.replaceChildren();
  for (const d of shown.slice(0, 50)) {
    const li = el('li', null, { class: 'result' });
    const type = d.k === 'c' ? 'case' : d.k === 'n' ? 'notitie' : d.ty;
    const a = el('a', null, { href: d.u });
    a.append(el('span', `${TYPE_LABELS[type]}: `, { class: `type-label type-label--${type}` }), document.createTextNode(d.t));
    li.append(a);
    const meta = [d.p ? eng.labels.provincie[d.p] : null].filter(Boolean).join(' · ');
    if (meta) li.append(el('p', meta, { class: 'muted' }));
    const p = el('p');
    for (const part of snippet(d.x, analysis.words)) p.append(part.hit ? el('mark', part.text) : document.createTextNode(part.text));
    li.append(p);
    resultsEl.append(li);
  }
  statusEl.textContent = q ? (shown.length ? `${shown.length} ${shown.length === 1 ? 'resultaat' : 'resultaten'} voor "${q}"${shown.length > 50 ? ', de eerste 50 getoond' : ''}.` : `Niets gevonden voor "${q}". Probeer een ander woord of kijk bij de thema's.`) : '';
}

async function update(push) {
  const q = input.value.trim();
  const filters = Object.fromEntries(FACETS.map((f) => [f.key, [...facetsEl.querySelectorAll(`input[name="${f.key}"]:checked`)].map((b) => b.value)]));
  const url = toUrl(q, filters);
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
  render(await loadEngine(), q, filters);
}

async function restore() {
  const s = state();
  input.value = s.q;
  const eng = await loadEngine();
  render(eng, s.q, s.filters);
}

if (form && input) {
  let timer;
  input.addEventListener('focus', () => loadEngine(), { once: true });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => update(false), 120);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    update(true);
  });
  facetsEl.addEventListener('change', () => update(true));
  window.addEventListener('popstate', restore);
  // arrow keys move through the results; Enter follows the focused link
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = [...resultsEl.querySelectorAll('.result > a')];
    if (!links.length) return;
    const i = links.indexOf(document.activeElement);
    if (document.activeElement !== input && i < 0) return;
    e.preventDefault();
    const next = e.key === 'ArrowDown' ? Math.min(i + 1, links.length - 1) : i - 1;
    if (next < 0) input.focus();
    else links[next].focus();
  });
  if (new URLSearchParams(location.search).has('q')) restore();
}
