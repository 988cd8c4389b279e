// DOM for the search page: cards, result groups, facets. Everything from the index or the URL is
// set with textContent or attributes, never as HTML.
import { FACETS } from '../core/facets.ts';
import type { FacetKey, ResultCard, ResultFinding, ResultGroup, SearchResult, SnippetPart } from '../core/types.ts';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string | null, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text != null) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

/**
 * What a corrected query searched for, for the status line: "Gezocht op <em>procesbegeleiding</em>
 * (voor procesbegleiding). " — the corrected words emphasised.
 */
export function correctionNote(c: NonNullable<SearchResult['correction']>, searched: string): Node[] {
  const to = new Set(c.words.map(([, w]) => w));
  const out: Node[] = [document.createTextNode('Gezocht op ')];
  for (const part of searched.split(/([\p{L}\p{M}]+)/u)) {
    if (!part) continue;
    out.push(to.has(part.toLowerCase()) ? el('em', part) : document.createTextNode(part));
  }
  out.push(document.createTextNode(` (voor ${c.q}). `));
  return out;
}

function snippetInto(parent: HTMLElement, parts: SnippetPart[]) {
  for (const p of parts) parent.append(p.hit ? el('mark', p.text) : document.createTextNode(p.text));
}

/** A card above the results: the theme (or province) the query is about, linking to its page. */
export function renderCard(card: ResultCard): HTMLElement {
  const id = `card-${card.kind}`;
  const s = el('section', null, { class: `result-card result-card--${card.kind}`, 'aria-labelledby': id, 'data-id': card.id });
  s.append(el('p', card.kind === 'thema' ? 'Thema' : 'Provincie', { class: 'result-card__kind' }));
  const h = el('h2', null, { id, class: 'result-card__title' });
  h.append(el('a', card.label, { href: card.url }));
  s.append(h);
  if (card.text) s.append(el('p', card.text, { class: 'result-card__text' }));
  const links = el('p', null, { class: 'result-card__links' });
  links.append(el('span', card.counts, { class: 'muted' }), document.createTextNode(' · '), el('a', card.kind === 'thema' ? 'Alle bevindingen over dit thema' : 'Alle cases in deze provincie', { href: card.url }));
  // every theme has a two-page brief (#17)
  if (card.kind === 'thema') links.append(document.createTextNode(' · '), el('a', "Themabrief op twee A4-pagina's", { href: `${card.url}brief/` }));
  s.append(links);
  return s;
}

function renderFinding(f: ResultFinding): HTMLLIElement {
  const li = el('li', null, { class: 'result-finding' });
  const a = el('a', null, { href: f.url });
  const label = el('span', f.typeLabel, { class: `type-label type-label--${f.type}` });
  label.append(el('span', ': ', { class: 'visually-hidden' }));
  a.append(label, document.createTextNode(' '));
  snippetInto(a, f.snippet);
  li.append(a);
  return li;
}

/** A case or note with its best matching findings beneath, and a button for the others. */
export function renderGroup(g: ResultGroup, i: number): HTMLLIElement {
  const li = el('li', null, { class: 'result', 'data-id': g.id });
  const h = el('h2', null, { class: 'result__title' });
  h.append(el('a', g.title, { href: g.url, id: `result-${i}` }));
  li.append(h);
  li.append(el('p', [g.typeLabel, g.province].filter(Boolean).join(' · '), { class: 'muted result__meta' }));
  if (g.snippet) {
    const p = el('p', null, { class: 'result__snippet' });
    snippetInto(p, g.snippet);
    li.append(p);
  }
  if (g.findings.length) {
    const ul = el('ul', null, { class: 'result__findings' });
    for (const f of g.findings) ul.append(renderFinding(f));
    li.append(ul);
    if (g.more.length) {
      const more = el('ul', null, { class: 'result__findings result__findings--more', id: `more-${i}`, hidden: '' });
      for (const f of g.more) more.append(renderFinding(f));
      const n = g.more.length;
      const btn = el('button', `Nog ${n} ${n === 1 ? 'bevinding' : 'bevindingen'} in deze ${g.kind === 'c' ? 'case' : 'notitie'}`, { type: 'button', class: 'result__more', 'aria-expanded': 'false', 'aria-controls': more.id });
      btn.addEventListener('click', () => {
        more.hidden = false;
        btn.remove();
        more.querySelector('a')?.focus();
      });
      li.append(more, btn);
    }
  }
  return li;
}

/**
 * Facet fieldsets with counts that follow the query; returns whether any were shown. A facet whose
 * column was not loaded (a large corpus: the theme column) gets a button that asks for its counts.
 */
export function renderFacets(into: HTMLElement, r: SearchResult): boolean {
  into.replaceChildren();
  for (const f of FACETS) {
    if (r.pending.includes(f.key)) {
      const fs = el('fieldset', null, { id: `facet-${f.key}` });
      fs.append(el('legend', f.label), el('button', `Tel per ${f.label.toLowerCase()}`, { type: 'button', class: 'facet-load', 'data-facet': f.key }));
      into.append(fs);
      continue;
    }
    const chosen = new Set(r.filters[f.key] ?? []);
    const values = (r.facets[f.key] ?? []).filter(([v, , n]) => n > 0 || chosen.has(v));
    if (!values.length) continue;
    const fs = el('fieldset', null, { id: `facet-${f.key}` });
    fs.append(el('legend', f.label));
    values.forEach(([v, label, n], k) => {
      const id = `f-${f.key}-${k}`;
      const box = el('input', null, { type: 'checkbox', id, name: f.key, value: v });
      box.checked = chosen.has(v);
      const lab = el('label', null, { for: id });
      lab.append(box, document.createTextNode(` ${label} `), el('span', `(${n})`, { class: 'facet-count muted', 'data-count': String(n) }));
      fs.append(lab);
    });
    into.append(fs);
  }
  return into.childElementCount > 0;
}

/** The checked facet values. */
export function readFacets(from: HTMLElement): Partial<Record<FacetKey, string[]>> {
  const filters: Partial<Record<FacetKey, string[]>> = {};
  for (const f of FACETS) {
    const vs = Array.from(from.querySelectorAll<HTMLInputElement>(`input[name="${f.key}"]:checked`), (b) => b.value);
    if (vs.length) filters[f.key] = vs;
  }
  return filters;
}
