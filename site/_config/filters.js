// All template filters in one plugin. Each is small and safe on empty input.
const TYPE_LABELS = {
  knelpunt: ['Knelpunt', 'Knelpunten'],
  succesfactor: ['Succesfactor', 'Succesfactoren'],
  'rode-draad': ['Rode draad', 'Rode draden'],
  les: ['Les', 'Lessen'],
};
export const FINDING_TYPE_ORDER = ['knelpunt', 'succesfactor', 'les', 'rode-draad'];

export function filtersPlugin(eleventyConfig) {
  /** Look up ids in a record: `ids | lookup(kb.findingById)`; unknown ids are dropped. */
  eleventyConfig.addFilter('lookup', (ids, table) => (Array.isArray(ids) ? ids : ids == null ? [] : [ids]).map((id) => table?.[id]).filter(Boolean));
  eleventyConfig.addFilter('get', (id, table) => table?.[id]);
  eleventyConfig.addFilter('typeLabel', (type, plural = false) => (TYPE_LABELS[type] ?? [type, type])[plural ? 1 : 0]);
  eleventyConfig.addFilter('ofType', (findings, type) => (findings ?? []).filter((f) => f.type === type));
  eleventyConfig.addFilter('where', (xs, key, value) => (xs ?? []).filter((x) => x?.[key] === value));
  eleventyConfig.addFilter('whereIn', (xs, key, value) => (xs ?? []).filter((x) => Array.isArray(x?.[key]) && x[key].includes(value)));
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
  eleventyConfig.addFilter('findingTypes', () => FINDING_TYPE_ORDER);
  eleventyConfig.addFilter('json', (v) => JSON.stringify(v));
  eleventyConfig.addFilter('max', (xs) => Math.max(0, ...(xs ?? [])));
  /** "Bron: <document>, <section>" for a finding. */
  eleventyConfig.addFilter('citation', (f) => (f ? `${f.source.documentTitle}, ${f.source.section}` : ''));
}
