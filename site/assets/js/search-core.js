// Search core shared by the build (Node) and the browser: the lunr set-up (Dutch stemmer and stop
// words, diacritic folding, digits kept) and the query builder (synonym and province expansion,
// prefix matching). Plain ES module without dependencies: lunr is passed in.

/** Fold diacritics and case: "geïntegreerde" → "geintegreerde", "crèche" → "creche". */
export function fold(s) {
  return String(s).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const WORD_CHARS = 'A-Za-z0-9\\xAA\\xBA\\xC0-\\xD6\\xD8-\\xF6\\xF8-\\u02B8';

/**
 * Register the folding and trimming functions and return a plugin for lunr builders.
 * Must run before lunr.Index.load in the browser, or loading the index fails.
 * lunr-languages' stemmer.support and nl modules must have been applied to `lunr` first.
 */
export function setupLunr(lunr) {
  if (!lunr.kbFold) {
    const foldFn = (token) => token.update((s) => fold(s));
    const trimRe = [new RegExp(`^[^${WORD_CHARS}]+`), new RegExp(`[^${WORD_CHARS}]+$`)];
    const trimFn = (token) => token.update((s) => s.replace(trimRe[0], '').replace(trimRe[1], ''));
    lunr.Pipeline.registerFunction(foldFn, 'kb-fold');
    lunr.Pipeline.registerFunction(trimFn, 'kb-trimmer');
    lunr.kbFold = foldFn;
    lunr.kbTrim = trimFn;
  }
  return function kbPlugin(builder) {
    builder.pipeline.reset();
    builder.pipeline.add(lunr.kbFold, lunr.kbTrim, lunr.nl.stopWordFilter, lunr.nl.stemmer);
    builder.searchPipeline.reset();
    builder.searchPipeline.add(lunr.kbFold, lunr.nl.stemmer);
  };
}

/** Words of a query, folded, without punctuation. */
export function queryWords(q) {
  return fold(q)
    .replace(/[’‘`]/g, "'")
    .split(/[^a-z0-9&'/]+/)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
}

/**
 * Expand a query with the vocabulary: phrases (synonyms, labels) that name a theme add that theme,
 * names of provinces add the province, and the remaining words are searched in every field.
 * `vocab` = { themes: [{id, token, phrases: [folded phrase]}], provinces: [{id, token, phrases}] }.
 */
export function analyseQuery(q, vocab) {
  const words = queryWords(q);
  const text = ` ${words.join(' ')} `;
  const themes = new Map();
  const provinces = new Map();
  const covered = new Set();
  const match = (list, into) => {
    for (const item of list) {
      for (const phrase of item.phrases) {
        if (!phrase) continue;
        const idx = text.indexOf(` ${phrase} `);
        if (idx < 0) continue;
        into.set(item.id, item.token);
        const before = text.slice(0, idx).trim();
        const start = before ? before.split(' ').length : 0;
        const n = phrase.split(' ').length;
        for (let i = start; i < start + n; i++) covered.add(i);
      }
    }
  };
  match(vocab.themes, themes);
  match(vocab.provinces, provinces);
  return {
    words,
    themes: [...themes.keys()],
    themeTokens: [...themes.values()],
    provinces: [...provinces.keys()],
    provinceTokens: [...provinces.values()],
    covered: [...covered].sort((a, b) => a - b),
  };
}

/**
 * Build the lunr query: every word in all fields (the last one also as a prefix while typing),
 * plus the expanded themes and provinces on their fields.
 */
export function buildQuery(lunr, query, analysis, { prefix = true } = {}) {
  const { words, themeTokens, provinceTokens } = analysis;
  words.forEach((w, i) => {
    if (w.length < 1) return;
    query.term(w, { boost: 10, presence: lunr.Query.presence.OPTIONAL });
    if (prefix && i === words.length - 1 && w.length >= 2) {
      query.term(w, { boost: 2, wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false });
    }
  });
  for (const t of themeTokens) query.term(t, { fields: ['themes'], boost: 30, usePipeline: false });
  for (const p of provinceTokens) query.term(p, { fields: ['places'], boost: 30, usePipeline: false });
}

/** Split a text into parts with the query's hits marked, for a snippet around the first hit. */
export function snippet(text, words, radius = 80) {
  const stems = words.filter((w) => w.length >= 3).map((w) => w.slice(0, Math.max(3, w.length - 2)));
  const folded = fold(text);
  let first = -1;
  const hits = [];
  const re = /[\p{L}\p{N}]+/gu;
  let m;
  while ((m = re.exec(folded))) {
    const tok = m[0];
    if (stems.some((s) => tok.startsWith(s))) {
      hits.push([m.index, m.index + tok.length]);
      if (first < 0) first = m.index;
    }
  }
  let start = first < 0 ? 0 : Math.max(0, first - radius);
  let end = Math.min(text.length, (first < 0 ? 0 : first) + radius * 2);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
  const parts = [];
  let pos = start;
  for (const [a, b] of hits) {
    if (b <= start || a >= end) continue;
    if (a > pos) parts.push({ text: text.slice(pos, a), hit: false });
    parts.push({ text: text.slice(Math.max(a, pos), b), hit: true });
    pos = b;
  }
  if (pos < end) parts.push({ text: text.slice(pos, end), hit: false });
  if (start > 0) parts.unshift({ text: '… ', hit: false });
  if (end < text.length) parts.push({ text: ' …', hit: false });
  return parts;
}

/**
 * A smaller wire format for a serialized lunr index whose refs are "0".."n-1": postings as
 * delta-encoded ref lists per field instead of `{ref: {}}` objects; field vectors without the empty
 * ones, term indexes delta-encoded and scores rounded to two decimals. `expandIndex` restores lunr's
 * own JSON for `lunr.Index.load`.
 */
const deltas = (xs) => xs.map((x, i) => (i ? x - xs[i - 1] : x));
const undelta = (xs) => {
  let acc = 0;
  return xs.map((d) => (acc += d));
};

export function compactIndex(json) {
  const fields = json.fields;
  const refs = new Set(json.fieldVectors.map(([key]) => key.slice(key.indexOf('/') + 1)));
  return {
    version: json.version,
    fields,
    pipeline: json.pipeline,
    n: refs.size,
    ii: json.invertedIndex.map(([term, p]) => [term, p._index, ...fields.map((f) => deltas(Object.keys(p[f] || {}).map(Number).sort((a, b) => a - b)))]),
    fv: json.fieldVectors
      .filter(([, v]) => v.length)
      .map(([key, v]) => {
        const idx = v.filter((_, i) => i % 2 === 0);
        const scores = v.filter((_, i) => i % 2 === 1).map((x) => Math.round(x * 100) / 100);
        return [key, deltas(idx), scores];
      }),
  };
}

export function expandIndex(c) {
  const vectors = new Map(c.fv.map(([key, idx, scores]) => [key, undelta(idx).flatMap((t, i) => [t, scores[i]])]));
  const fieldVectors = [];
  for (const f of c.fields) for (let r = 0; r < c.n; r++) fieldVectors.push([`${f}/${r}`, vectors.get(`${f}/${r}`) || []]);
  return {
    version: c.version,
    fields: c.fields,
    pipeline: c.pipeline,
    fieldVectors,
    invertedIndex: c.ii.map(([term, index, ...refs]) => {
      const p = { _index: index };
      c.fields.forEach((f, i) => {
        p[f] = {};
        for (const r of undelta(refs[i])) p[f][r] = {};
      });
      return [term, p];
    }),
  };
}
