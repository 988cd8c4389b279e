// Search page UI. Small on purpose: on first focus or input of the search field (or at once when
// the URL holds a search) it loads lunr, lunr-languages' stemmer support and Dutch pipeline, the
// shared core (search-core.js) and the prebuilt index; all search logic lives in the core.
// State lives in the URL (?q=…&thema=…): typing replaces the history entry, a submit or a filter
// adds one, Back restores it. Everything indexed is rendered with textContent, never innerHTML.

const form = document.getElementById('search-form');
const input = document.getElementById('q');
const resultsEl = document.getElementById('results');
const facetsEl = document.getElementById('facets');
const statusEl = document.getElementById('search-status');
const actionsEl = document.getElementById('search-actions');
const clearBtn = document.getElementById('clear-filters');
const moreWrap = document.getElementById('more-wrap');
const moreBtn = document.getElementById('more');

const PAGE = 30;
const VENDOR = ['/assets/vendor/lunr.min.js', '/assets/vendor/lunr.stemmer.support.min.js', '/assets/vendor/lunr.nl.min.js'];

let loading = null;
let current = { q: '', filters: {} };
let shown = PAGE;

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.async = false;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error(`kon ${src} niet laden`));
    document.head.append(s);
  });
}

/** Load everything once: vendor scripts in order, the core module and the index in parallel. */
function load() {
  if (loading) return loading;
  statusEl.textContent = 'Zoekfunctie laden …';
  loading = (async () => {
    const t0 = performance.now();
    const data = Promise.all(['/search/index.json', '/search/docs.json'].map((u) => fetch(u).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${u}: ${r.status}`))))));
    const core = import('./search-core.js');
    for (const src of VENDOR) await loadScript(src);
    const lunr = window.lunr;
    const c = await core;
    c.setupLunr(lunr); // register the analysis functions before the index is loaded
    const [index, store] = await data;
    const t1 = performance.now();
    const engine = c.createEngine(lunr, index, store);
    resultsEl.dataset.loadMs = (performance.now() - t0).toFixed(1);
    resultsEl.dataset.engineMs = (performance.now() - t1).toFixed(1);
    return { core: c, engine };
  })();
  loading.catch(() => {
    loading = null;
    statusEl.textContent = 'De zoekfunctie kon niet laden. Probeer het opnieuw, of zoek via de thema’s en regio’s.';
  });
  return loading;
}

const el = (tag, text, attrs = {}) => {
  const e = document.createElement(tag);
  if (text != null) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
};

function readUrl(core) {
  return core.parseState(location.search);
}

function writeUrl(core, state, push) {
  const qs = core.stateToQuery(state);
  const url = `${location.pathname}${qs}`;
  if (url === `${location.pathname}${location.search}`) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

function facetLabel(engine, key, value) {
  return engine.labels[key]?.[value] ?? value;
}

function renderFacets(core, engine, facets, filters) {
  facetsEl.replaceChildren();
  let any = false;
  for (const f of core.FACETS) {
    const values = (facets[f.key] || []).filter(([v, n]) => n > 0 || (filters[f.key] || []).includes(v));
    if (!values.length) continue;
    any = true;
    const fs = el('fieldset');
    fs.append(el('legend', f.label));
    for (const [v, n] of values) {
      const id = `f-${f.key}-${v}`.replace(/[^a-zA-Z0-9_-]/g, '_');
      const box = el('input', null, { type: 'checkbox', id, name: f.key, value: v });
      box.checked = (filters[f.key] || []).includes(v);
      const lab = el('label', null, { for: id });
      lab.append(box, document.createTextNode(` ${facetLabel(engine, f.key, v)} `), el('span', `(${n})`, { class: 'facet-count muted', 'data-count': String(n) }));
      fs.append(lab);
    }
    facetsEl.append(fs);
  }
  facetsEl.hidden = !any;
}

function renderResult(core, engine, doc, words, extra, i) {
  const li = el('li', null, { class: 'result' });
  const a = el('a', null, { href: doc.url, id: `result-${i}` });
  if (doc.kind === 'f') {
    const label = el('span', core.TYPE_LABELS[doc.type] ?? doc.type, { class: `type-label type-label--${doc.type}` });
    label.append(el('span', ': ', { class: 'visually-hidden' }));
    a.append(label);
  }
  a.append(document.createTextNode(doc.title));
  const h = el('h2', null, { class: 'result__title' });
  h.append(a);
  li.append(h);
  const meta = [core.TYPE_LABELS[doc.type] ?? doc.type];
  if (doc.owner) meta.push(`${doc.owner.kind === 'c' ? 'case' : 'notitie'}: ${doc.owner.title}`);
  if (doc.province) meta.push(facetLabel(engine, 'provincie', doc.province));
  li.append(el('p', meta.join(' · '), { class: 'muted result__meta' }));
  const p = el('p', null, { class: 'result__snippet' });
  for (const part of core.snippet(engine.lunr, doc.text, words, undefined, extra)) p.append(part.hit ? el('mark', part.text) : document.createTextNode(part.text));
  li.append(p);
  return li;
}

/** Run the current state and render it. */
function render(core, engine) {
  const { q, filters } = current;
  const t0 = performance.now();
  const r = core.search(engine, q, filters);
  const t1 = performance.now();
  renderFacets(core, engine, r.facets, filters);
  resultsEl.replaceChildren();
  const words = r.analysis.words;
  // also mark the synonyms a named theme or province expanded to (LOB for "loopbaanoriëntatie")
  const extra = r.analysis.groups.flatMap((g) => g.expand);
  r.hits.slice(0, shown).forEach((doc, i) => resultsEl.append(renderResult(core, engine, doc, words, extra, i)));
  moreWrap.hidden = r.hits.length <= shown;
  const active = Object.values(filters).reduce((n, v) => n + v.length, 0);
  actionsEl.hidden = !active;
  const filterText = active ? ` met ${active} ${active === 1 ? 'filter' : 'filters'}` : '';
  if (!q.trim() && !active) statusEl.textContent = '';
  else if (!r.hits.length) statusEl.textContent = `Niets gevonden voor “${q.trim()}”${filterText}. Probeer een ander woord, of kijk bij de thema’s en regio’s.`;
  else statusEl.textContent = `${r.hits.length} ${r.hits.length === 1 ? 'resultaat' : 'resultaten'}${q.trim() ? ` voor “${q.trim()}”` : ''}${filterText}${r.hits.length > shown ? `, de eerste ${shown} getoond` : ''}.`;
  // timings for the browser test (query and facets; rendering)
  resultsEl.dataset.query = q;
  resultsEl.dataset.searchMs = (t1 - t0).toFixed(3);
  resultsEl.dataset.renderMs = (performance.now() - t1).toFixed(3);
  resultsEl.dataset.count = String(r.hits.length);
  resultsEl.dataset.renders = String(Number(resultsEl.dataset.renders || 0) + 1);
}

async function update({ push = false, fromUrl = false } = {}) {
  const { core, engine } = await load();
  if (fromUrl) {
    current = readUrl(core);
    input.value = current.q;
  } else {
    current = { q: input.value, filters: readFacetForm(core) };
    writeUrl(core, current, push);
  }
  shown = PAGE;
  render(core, engine);
}

function readFacetForm(core) {
  const filters = {};
  for (const f of core.FACETS) {
    const vs = [...facetsEl.querySelectorAll(`input[name="${f.key}"]:checked`)].map((b) => b.value);
    if (vs.length) filters[f.key] = vs;
  }
  // keep filters whose values are not shown (count 0 and not rendered yet)
  for (const [k, vs] of Object.entries(current.filters)) if (!filters[k] && !facetsEl.querySelector(`input[name="${k}"]`)) filters[k] = vs;
  return filters;
}

if (form && input && resultsEl) {
  let timer = 0;
  input.addEventListener('focus', () => load().catch(() => {}), { once: true });
  input.addEventListener('input', () => {
    load().catch(() => {});
    clearTimeout(timer);
    timer = setTimeout(() => update().catch(() => {}), 60);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    update({ push: true }).catch(() => {});
  });
  facetsEl.addEventListener('change', () => update({ push: true }).catch(() => {}));
  clearBtn?.addEventListener('click', () => {
    for (const b of facetsEl.querySelectorAll('input:checked')) b.checked = false;
    current = { q: current.q, filters: {} };
    update({ push: true }).catch(() => {});
    input.focus();
  });
  moreBtn?.addEventListener('click', async () => {
    const { core, engine } = await load();
    const first = shown;
    shown += PAGE;
    render(core, engine);
    document.getElementById(`result-${first}`)?.focus();
  });
  window.addEventListener('popstate', () => update({ fromUrl: true }).catch(() => {}));

  // keyboard: arrow down from the field into the results, up/down between them, Escape back
  const links = () => [...resultsEl.querySelectorAll('.result a')];
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown') return;
    const ls = links();
    if (!ls.length) return;
    e.preventDefault();
    ls[0].focus();
  });
  resultsEl.addEventListener('keydown', (e) => {
    const ls = links();
    const i = ls.indexOf(document.activeElement);
    if (i < 0) return;
    if (e.key === 'ArrowDown' && i < ls.length - 1) ls[i + 1].focus();
    else if (e.key === 'ArrowUp') (i > 0 ? ls[i - 1] : input).focus();
    else if (e.key === 'Home') ls[0].focus();
    else if (e.key === 'End') ls[ls.length - 1].focus();
    else if (e.key === 'Escape') input.focus();
    else return;
    e.preventDefault();
  });

  if (location.search) update({ fromUrl: true }).catch(() => {});
}
