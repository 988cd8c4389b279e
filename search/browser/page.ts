// Search page. Small on purpose: the search itself runs in a Web Worker (worker.ts), started on
// first focus or input of the search field, or at once when the URL holds a search. State lives in
// the URL (?q=…&thema=…): typing replaces the history entry, a submit or a filter adds one, Back
// restores it. What the URL asks is capped and checked (facets.parseState), with visible notes.
// Space for the results is reserved in CSS, so they appear without moving the page.
import { parseState, stateToQuery } from '../core/facets.ts';
import { capQuery, LIMITS } from '../core/query.ts';
import type { FacetKey, SearchResult, SearchState } from '../core/types.ts';
import { correctionNote, el, readFacets, renderCard, renderFacets, renderGroup } from './render.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;
const form = $<HTMLFormElement>('search-form');
const input = $<HTMLInputElement>('q');
const resultsEl = $<HTMLOListElement>('results');
const facetsEl = $('facets');
const statusEl = $('search-status');
const notesEl = $('search-notes');
const cardsEl = $('search-cards');
const actionsEl = $('search-actions');
const clearBtn = $<HTMLButtonElement>('clear-filters');
const moreWrap = $('more-wrap');
const moreBtn = $<HTMLButtonElement>('more');

/** Result groups per page of results. */
const PAGE = 10;

let worker: Worker | null = null;
let seq = 0;
let current: SearchState = { q: '', filters: {} };
let urlNotes: string[] = [];
let limit = PAGE;
let focusAfter: number | null = null;
/** the theme facet's counts were asked for (a large index loads its theme column only then) */
let withThemes = false;
let focusFacet: FacetKey | null = null;
/**
 * Results follow the typing without a fixed pause: a query goes to the worker at once when it is
 * idle; typed while it searches, only the newest query is sent when its answer comes, and that
 * answer, now out of date, is not shown.
 */
let inflight = 0;
let queued = false;

function start(): Worker | null {
  if (worker) return worker;
  if (typeof Worker === 'undefined') {
    status('Zoeken werkt niet in deze browser. Zoek via de thema’s en regio’s.');
    return null;
  }
  worker = new Worker('/assets/js/search-worker.js');
  worker.onmessage = (e: MessageEvent<{ id: number; result?: SearchResult; error?: string }>) => {
    if (e.data.id === inflight) inflight = 0;
    if (queued && worker) {
      queued = false;
      send(worker);
      return;
    }
    if (e.data.id !== seq) return; // an answer to a query that has been replaced
    if (e.data.result) render(e.data.result);
    else status('De zoekfunctie kon niet laden. Probeer het opnieuw, of zoek via de thema’s en regio’s.');
  };
  worker.onerror = () => {
    inflight = 0;
    queued = false;
    status('De zoekfunctie kon niet laden. Probeer het opnieuw, of zoek via de thema’s en regio’s.');
  };
  return worker;
}

/** Set the status line (a live region): the text, after what a corrected query searched for. */
function status(text: string, lead: Node[] = []) {
  statusEl?.replaceChildren(...lead, text);
}

function run() {
  const w = start();
  if (!w) return;
  const empty = !current.q.trim() && !Object.values(current.filters).some((v) => v?.length);
  if (empty) {
    seq++;
    queued = false;
    render(null);
    return;
  }
  if (!resultsEl?.dataset.query && !resultsEl?.childElementCount) status('Zoeken …');
  if (inflight) queued = true;
  else send(w);
}

function send(w: Worker) {
  inflight = ++seq;
  w.postMessage({ id: seq, state: current, limit, themes: withThemes });
}

const plural = (n: number, one: string, more: string) => `${n} ${n === 1 ? one : more}`;

function render(r: SearchResult | null) {
  if (!resultsEl || !facetsEl || !cardsEl || !notesEl) return;
  const notes = [...urlNotes, ...(r?.notes ?? [])];
  notesEl.replaceChildren(...notes.map((n) => el('p', n)));
  notesEl.hidden = !notes.length;
  cardsEl.replaceChildren(...(r?.cards ?? []).map(renderCard));
  resultsEl.replaceChildren(...(r?.groups ?? []).map(renderGroup));
  facetsEl.hidden = !r || !renderFacets(facetsEl, r);
  if (moreWrap) moreWrap.hidden = !r || r.totalGroups <= r.groups.length;
  const active = Object.values(current.filters).reduce((n, v) => n + (v?.length ?? 0), 0);
  if (actionsEl) actionsEl.hidden = !active;
  const q = (r?.q ?? '').trim();
  // a corrected query says what it searched for first ("Gezocht op … (voor …)")
  const lead = r?.correction ? correctionNote(r.correction, q) : [];
  const about = q && q.length <= 40 && !lead.length ? ` voor “${q}”` : '';
  const filtered = active ? ` met ${plural(active, 'filter', 'filters')}` : '';
  if (!r) status('');
  else if (!r.totalGroups) status(`Niets gevonden${about}${filtered}. Probeer een ander woord, of kijk bij de thema’s en regio’s.`, lead);
  else status(`${plural(r.totalUnits, 'resultaat', 'resultaten')} in ${plural(r.totalGroups, 'case of notitie', 'cases en notities')}${about}${filtered}${r.totalGroups > r.groups.length ? `, de eerste ${r.groups.length} getoond` : ''}.`, lead);
  // for the browser tests: what was searched, how long it took, how often the page rendered
  resultsEl.dataset.query = r ? current.q : '';
  resultsEl.dataset.groups = String(r?.totalGroups ?? 0);
  resultsEl.dataset.count = String(r?.totalUnits ?? 0);
  resultsEl.dataset.searchMs = (r?.timing.totalMs ?? 0).toFixed(3);
  resultsEl.dataset.renders = String(Number(resultsEl.dataset.renders ?? 0) + 1);
  if (focusAfter !== null) {
    document.getElementById(`result-${focusAfter}`)?.focus();
    focusAfter = null;
  }
  if (focusFacet && r && !r.pending.includes(focusFacet)) {
    document.querySelector<HTMLInputElement>(`#facet-${focusFacet} input`)?.focus();
    focusFacet = null;
  }
}

function writeUrl(push: boolean) {
  const url = `${location.pathname}${stateToQuery(current)}`;
  if (url === `${location.pathname}${location.search}`) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

function fromUrl() {
  const { state, notes } = parseState(location.search);
  current = state;
  urlNotes = notes;
  if (input) input.value = state.q;
  limit = PAGE;
  run();
}

function fromForm(push: boolean) {
  const raw = input?.value ?? '';
  const { q, cut } = capQuery(raw);
  if (cut && input) input.value = q;
  urlNotes = cut ? [`De zoekvraag is ingekort tot ${LIMITS.chars} tekens.`] : [];
  current = { q, filters: facetsEl ? { ...keptHidden(), ...readFacets(facetsEl) } : {} };
  writeUrl(push);
  limit = PAGE;
  run();
}

/** Filters from the URL whose facet is not shown (no matching value now) stay on. */
function keptHidden(): SearchState['filters'] {
  const out: SearchState['filters'] = {};
  for (const [k, vs] of Object.entries(current.filters) as [keyof SearchState['filters'], string[]][]) if (!facetsEl?.querySelector(`input[name="${k}"]`)) out[k] = vs;
  return out;
}

if (form && input && resultsEl && facetsEl) {
  input.maxLength = LIMITS.chars;
  input.addEventListener('focus', () => start(), { once: true });
  input.addEventListener('input', () => fromForm(false));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    fromForm(true);
  });
  facetsEl.addEventListener('change', () => fromForm(true));
  facetsEl.addEventListener('click', (e) => {
    const btn = (e.target as HTMLElement).closest<HTMLButtonElement>('button.facet-load');
    if (!btn) return;
    withThemes = true;
    focusFacet = (btn.dataset.facet as FacetKey | undefined) ?? null;
    btn.disabled = true;
    btn.textContent = 'Tellen …';
    run();
  });
  clearBtn?.addEventListener('click', () => {
    for (const b of Array.from(facetsEl.querySelectorAll<HTMLInputElement>('input:checked'))) b.checked = false;
    current = { q: current.q, filters: {} };
    fromForm(true);
    input.focus();
  });
  moreBtn?.addEventListener('click', () => {
    focusAfter = limit;
    limit += PAGE;
    run();
  });
  window.addEventListener('popstate', fromUrl);

  // keyboard: arrow down from the field into the results, up/down between them, Escape back
  const links = () => Array.from(resultsEl.querySelectorAll<HTMLAnchorElement>('.result a')).filter((a) => a.offsetParent !== null);
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown') return;
    const ls = links();
    if (!ls.length) return;
    e.preventDefault();
    ls[0].focus();
  });
  resultsEl.addEventListener('keydown', (e) => {
    const ls = links();
    const i = ls.indexOf(document.activeElement as HTMLAnchorElement);
    if (i < 0) return;
    if (e.key === 'ArrowDown' && i < ls.length - 1) ls[i + 1].focus();
    else if (e.key === 'ArrowUp') (i > 0 ? ls[i - 1] : input).focus();
    else if (e.key === 'Home') ls[0].focus();
    else if (e.key === 'End') ls[ls.length - 1].focus();
    else if (e.key === 'Escape') input.focus();
    else return;
    e.preventDefault();
  });

  if (location.search) fromUrl();
}
