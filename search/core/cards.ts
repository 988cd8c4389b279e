// The cards above the results: the theme a query is about (its best match, when strong enough),
// linking to the theme page, and a province it names, linking to the province page.
import type { QueryAnalysis } from './query.ts';
import type { ResultCard, SearchMeta } from './types.ts';

/** A theme card needs at least this match strength (1: named by a phrase). */
const CARD_STRENGTH = 0.5;
const plural = (n: number, one: string, more: string) => `${n} ${n === 1 ? one : more}`;

export function resultCards(a: QueryAnalysis, meta: SearchMeta): ResultCard[] {
  const out: ResultCard[] = [];
  const theme = a.concepts.find((c) => c.list === 'themes' && c.strength >= CARD_STRENGTH);
  if (theme) {
    const t = meta.vocab.themes.find((x) => x.id === theme.id)!;
    out.push({ kind: 'thema', id: t.id, label: t.label, url: t.url, text: t.definition, counts: `${plural(t.findings, 'bevinding', 'bevindingen')} in ${plural(t.pages, 'case of notitie', 'cases en notities')}` });
  }
  const province = a.concepts.find((c) => c.list === 'provinces');
  const p = province && meta.vocab.provinces.find((x) => x.id === province.id);
  if (p && p.cases) {
    out.push({ kind: 'provincie', id: p.id, label: p.label, url: p.url, text: '', counts: plural(p.cases ?? 0, 'case', 'cases') });
  }
  return out;
}
