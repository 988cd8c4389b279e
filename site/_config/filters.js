// All template filters in one plugin. Each is small and safe on empty input.
import { nlMap } from './map.js';

const TYPE_LABELS = {
  knelpunt: ['Knelpunt', 'Knelpunten'],
  succesfactor: ['Succesfactor', 'Succesfactoren'],
  'rode-draad': ['Rode draad', 'Rode draden'],
  les: ['Les', 'Lessen'],
};
export const FINDING_TYPE_ORDER = ['knelpunt', 'succesfactor', 'les', 'rode-draad'];
const EVIDENCE_LABELS = {
  breed: 'Breed onderbouwd',
  beperkt: 'Beperkt onderbouwd',
  enkelvoudig: 'Enkelvoudig',
};

export function filtersPlugin(eleventyConfig) {
  /** Look up ids in a record: `ids | lookup(kb.findingById)`; unknown ids are dropped. */
  eleventyConfig.addFilter('lookup', (ids, table) => (Array.isArray(ids) ? ids : ids == null ? [] : [ids]).map((id) => table?.[id]).filter(Boolean));
  eleventyConfig.addFilter('get', (id, table) => table?.[id]);
  eleventyConfig.addFilter('typeLabel', (type, plural = false) => (TYPE_LABELS[type] ?? [type, type])[plural ? 1 : 0]);
  eleventyConfig.addFilter('evidenceLabel', (label) => EVIDENCE_LABELS[label] ?? label);
  eleventyConfig.addFilter('ofType', (findings, type) => (findings ?? []).filter((f) => f.type === type));
  eleventyConfig.addFilter('where', (xs, key, value) => (xs ?? []).filter((x) => x?.[key] === value));
  eleventyConfig.addFilter('whereIn', (xs, key, value) => (xs ?? []).filter((x) => Array.isArray(x?.[key]) && x[key].includes(value)));
  eleventyConfig.addFilter('whereMeta', (xs, key, value) => (xs ?? []).filter((x) => (Array.isArray(x?.meta?.[key]) ? x.meta[key].includes(value) : x?.meta?.[key] === value)));
  eleventyConfig.addFilter('groupBy', (xs, key) => {
    const groups = [];
    for (const x of xs ?? []) {
      const k = x?.[key] ?? null;
      let g = groups.find((gr) => gr.key === k);
      if (!g) groups.push((g = { key: k, items: [] }));
      g.items.push(x);
    }
    return groups;
  });
  eleventyConfig.addFilter('count', (xs) => (xs ?? []).length);
  eleventyConfig.addFilter('plural', (n, one, many) => `${n} ${n === 1 ? one : many}`);
  /** The noun only, for when the number is marked up apart: <strong>1</strong> {{ 1 | noun("case", "cases") }}. */
  eleventyConfig.addFilter('noun', (n, one, many) => (n === 1 ? one : many));
  eleventyConfig.addFilter('findingTypes', () => FINDING_TYPE_ORDER);
  eleventyConfig.addFilter('json', (v) => JSON.stringify(v));
  /** Findings grouped by their case or note, in first-seen order: [{ owner, title, items }]. */
  eleventyConfig.addFilter('byOwner', (findings) => {
    const groups = new Map();
    for (const f of findings ?? []) {
      if (!groups.has(f.owner.id)) groups.set(f.owner.id, { owner: f.owner.id, title: f.owner.title, items: [] });
      groups.get(f.owner.id).items.push(f);
    }
    return [...groups.values()];
  });
  /** "Bron: <document>, <section>" for a finding. */
  eleventyConfig.addFilter('citation', (f) => (f ? `${f.source.documentTitle}, ${f.source.section}` : ''));
  /** Number of findings of a case on a theme (for the matrix). */
  eleventyConfig.addFilter('cell', (c, themeId, findingById) => (c?.findingIds ?? []).filter((id) => findingById?.[id]?.themes.includes(themeId)).length);
  eleventyConfig.addFilter('termLabel', (id, terms) => (terms ?? []).find((t) => t.id === id)?.label ?? id);
  /** The values of one key: `cases | pluck("title")`. */
  eleventyConfig.addFilter('pluck', (xs, key) => (xs ?? []).map((x) => x?.[key]));
  eleventyConfig.addFilter('metaDescription', metaDescription);
  eleventyConfig.addFilter('nlMap', (cases, placeById, perCaseUpTo) => nlMap(cases, placeById, perCaseUpTo));
}

const DESCRIPTION_MAX = 200;

/**
 * A meta description: one line, at most about 200 characters. A longer text is cut after its
 * last whole sentence that fits, or else at a word, with "…".
 */
export function metaDescription(text) {
  const s = String(text ?? '').replace(/\s+/g, ' ').trim();
  if (s.length <= DESCRIPTION_MAX) return s;
  const head = s.slice(0, DESCRIPTION_MAX + 1);
  const sentence = /^.*[.!?](?=\s)/.exec(head);
  if (sentence && sentence[0].length >= 60) return sentence[0];
  return `${head.slice(0, head.lastIndexOf(' ', DESCRIPTION_MAX - 1)).replace(/[\s,;:–—-]+$/, '')}…`;
}
