// Search core shared by the build (Node) and the browser. One module holds all search logic:
// - text analysis: word split, diacritic folding, a digit-keeping trimmer, Dutch stop words and the
//   lunr-languages Dutch stemmer with fixes for its quirks (normaliseWord before, fixStem after);
// - the packed index format (packIndex at build time; loadIndex rebuilds the lunr index in the
//   browser and in Node with lunr's own builder code, so BM25 scores are lunr's);
// - query analysis: codebook synonyms → themes, province names → provinces, sector names →
//   sectors, each also expanding to text terms (BPV → stage, Fryslân → Friesland);
// - ranking (rank): lunr's BM25 field scores of the stem, prefixes (while typing, compounds), split
//   compounds and the expansions, weighted explicitly (WEIGHTS) and multiplied by how much of the
//   query a document covers; facets with counts that follow the query; URL state; snippets.
// Plain ES module without dependencies: lunr (with lunr-languages applied) is passed in.

/** Fold diacritics and case: "geïntegreerde" → "geintegreerde", "crèche" → "creche". */
export function fold(s) {
  return String(s).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Characters that separate words, on both sides (index and query). `&` and `'` stay inside words (Z&W, regio's). */
const SEPARATOR = /[\s\-‐‑‒–—―/\\|()[\]{}<>«»"“”„‟:;,.!?*+=~^#@%$…·•→←↔]+/u;
const WORD_CHARS = 'a-z0-9&';
const TRIM_RE = [new RegExp(`^[^${WORD_CHARS}]+`), new RegExp(`[^${WORD_CHARS}]+$`)];

/** Split text into folded words, the same way for the index and for a query. */
export function words(text) {
  if (text == null) return [];
  return fold(text)
    .replace(/[’‘`´]/g, "'")
    .split(SEPARATOR)
    .map((w) => w.replace(TRIM_RE[0], '').replace(TRIM_RE[1], ''))
    .filter(Boolean);
}

/**
 * Normalise a folded word before the Dutch stemmer, for inflections the stemmer gets wrong:
 * - possessive/plural apostrophe: "regio's" → "regio", "cao's" → "cao";
 * - loan-word plurals in -s after -e that the stemmer keeps ("stage" → "stag" but "stages" → "stages"):
 *   "stages" → "stage", "routes" → "route", "locaties" → "locatie", "challenges" → "challenge";
 * - plurals in -ens of nouns in -en ("examen" → "exam" but "examens" → "examen"): "examens" → "examen";
 * - plurals with a diaeresis, folded ("allergieën" → "allergieen", which the stemmer keeps): → "allergie".
 */
export function normaliseWord(w) {
  let s = w.replace(/'s?$/, '').replace(/^'+/, '');
  if (s.length >= 6 && /(ie|ee)en$/.test(s)) return s.slice(0, -2);
  if (s.length >= 5 && /ies$/.test(s)) return s.slice(0, -1);
  if (s.length >= 5 && /[bdghkpstvz]es$/.test(s)) return s.slice(0, -1);
  if (s.length >= 6 && /ens$/.test(s)) return s.slice(0, -1);
  return s;
}

/** Compound heads the stemmer splits inconsistently ("plaats" → "plat", "plaatsen" → "plaats"). */
const HEADS = [[/plaats(en)?$/, 'plaats']];

/**
 * Fix a stem after the Dutch stemmer:
 * - f/v and s/z alternation: "bedrijven" → "bedrijv" → "bedrijf" (= "bedrijf"), "reizen" → "reis";
 * - double final consonant: "lessen" → "less" → "les", "stappen" → "stapp" → "stap", "klassen" → "klas".
 */
export function fixStem(s) {
  let t = s;
  if (t.length > 3 && /v$/.test(t)) t = `${t.slice(0, -1)}f`;
  else if (t.length > 3 && /z$/.test(t)) t = `${t.slice(0, -1)}s`;
  const m = /([bcdfghjklmnpqrstvwxz])\1$/.exec(t);
  if (m && t.length > 3) t = t.slice(0, -1);
  return t;
}

/** Tokenizer for the index: the same word split as queries, as lunr tokens. */
function makeTokenizer(lunr) {
  return function kbTokenizer(obj, metadata) {
    if (obj == null) return [];
    const list = Array.isArray(obj) ? obj : [obj];
    const out = [];
    let pos = 0;
    for (const item of list) {
      for (const w of words(String(item))) {
        out.push(new lunr.Token(w, { ...(metadata || {}), index: pos++ }));
      }
    }
    return out;
  };
}

/** The lunr instance setupLunr last saw, for the convenience signatures below. */
let defaultLunr = null;

/**
 * Register the analysis functions with lunr and return a plugin for builders.
 * Run it before lunr.Index.load / loadIndex in the browser, or loading fails.
 * lunr-languages' stemmer.support and nl modules must have been applied to `lunr` first.
 */
export function setupLunr(lunr) {
  defaultLunr = lunr;
  if (!lunr.kb) {
    const stopWords = lunr.nl.stopWordFilter;
    const foldFn = (token) => token.update((s) => fold(s).replace(/[’‘`´]/g, "'"));
    const trimFn = (token) => {
      token.update((s) => s.replace(TRIM_RE[0], '').replace(TRIM_RE[1], ''));
      return token.toString() ? token : undefined;
    };
    // stems are memoised: a text repeats its words, and the Snowball stemmer is the costly step
    const memo = new Map();
    const stemWord = (raw) => {
      for (const [re, head] of HEADS) if (re.test(raw)) return raw.replace(re, head);
      const t = new lunr.Token(normaliseWord(raw), {});
      lunr.nl.stemmer(t);
      return fixStem(t.toString());
    };
    const stemFn = (token) => {
      const raw = token.toString();
      let out = memo.get(raw);
      if (out === undefined) {
        if (memo.size > 50000) memo.clear();
        memo.set(raw, (out = stemWord(raw)));
      }
      return token.update(() => out);
    };
    lunr.Pipeline.registerFunction(foldFn, 'kb-fold');
    lunr.Pipeline.registerFunction(trimFn, 'kb-trimmer');
    lunr.Pipeline.registerFunction(stemFn, 'kb-stemmer');
    const tokenizer = makeTokenizer(lunr);
    /** Analyse one word the way the index does; '' for a stop word. */
    const stem = (w) => {
      const t = new lunr.Token(fold(w), {});
      if (!trimFn(t) || !stopWords(t)) return '';
      return stemFn(t).toString();
    };
    lunr.kb = { foldFn, trimFn, stemFn, stopWords, tokenizer, stem, isStopWord: (w) => !stopWords(new lunr.Token(w, {})) };
  }
  const kb = lunr.kb;
  return function kbPlugin(builder) {
    builder.tokenizer = kb.tokenizer;
    builder.pipeline.reset();
    builder.pipeline.add(kb.foldFn, kb.trimFn, kb.stopWords, kb.stemFn);
    builder.searchPipeline.reset();
    builder.searchPipeline.add(kb.foldFn, kb.stemFn);
  };
}

/** Stem a word the way the index does (setupLunr must have run); '' for a stop word. */
export function stem(lunr, w) {
  setupLunr(lunr);
  return lunr.kb.stem(w);
}

// ---------------------------------------------------------------------------------------------
// Packed index: the lunr builder's postings (term, field, document, term frequency), without the
// precomputed vectors. loadIndex hands them back to a lunr.Builder, whose own code computes the
// BM25 vectors and the token set, so the loaded index equals the one built in Node (a test checks
// that). About a third of the size of lunr's JSON.

/** Pack a lunr.Builder after build(): { v, fields, boosts, b, k1, n, terms, post }. */
export function packIndex(builder) {
  const fields = Object.keys(builder._fields);
  const refs = Object.keys(builder._documents);
  const refIndex = new Map(refs.map((r, i) => [r, i]));
  const terms = Object.keys(builder.invertedIndex).sort();
  // post[t] = flat list: per field that has the term: field index, count, then (doc delta, tf) pairs
  const post = terms.map((term) => {
    const out = [];
    const p = builder.invertedIndex[term];
    fields.forEach((f, fi) => {
      const docs = Object.keys(p[f]).map((r) => refIndex.get(r)).sort((a, b) => a - b);
      if (!docs.length) return;
      out.push(fi, docs.length);
      let prev = 0;
      for (const d of docs) {
        const tf = builder.fieldTermFrequencies[`${f}/${refs[d]}`][term];
        // doc delta and tf in one number: delta*8 + min(tf,7); tf ≥ 7 follows as its own number
        out.push((d - prev) * 8 + Math.min(tf, 7));
        if (tf >= 7) out.push(tf);
        prev = d;
      }
    });
    return out;
  });
  const boosts = fields.map((f) => builder._fields[f].boost || 1);
  const docBoosts = refs.map((r) => builder._documents[r].boost || 1);
  return {
    v: 1,
    fields,
    boosts,
    b: builder._b,
    k1: builder._k1,
    refs: refs.every((r, i) => r === String(i)) ? refs.length : refs,
    docBoosts: docBoosts.some((x) => x !== 1) ? docBoosts : undefined,
    // field lengths: per field, per document (tokens after the pipeline)
    lengths: fields.map((f) => refs.map((r) => builder.fieldLengths[`${f}/${r}`] || 0)),
    terms: frontCode(terms),
    post,
  };
}

/** Front coding of a sorted term list: "3ing" = first 3 characters of the previous term + "ing". */
function frontCode(terms) {
  let prev = '';
  return terms
    .map((t) => {
      let n = 0;
      while (n < t.length && n < prev.length && n < 9 && t[n] === prev[n]) n++;
      prev = t;
      return `${n}${t.slice(n)}`;
    })
    .join(' ');
}
function frontDecode(s) {
  let prev = '';
  return s.split(' ').map((x) => {
    const t = prev.slice(0, Number(x[0])) + x.slice(1);
    prev = t;
    return t;
  });
}

/** lunr's own serialised index (for lunr.Index.load) from a packed index. */
export function expandIndex(packed, lunr = defaultLunr) {
  return loadIndex(lunr, packed).toJSON();
}

/** Rebuild the lunr.Index from a packed index, with lunr's own builder code. */
export function loadIndex(lunr, packed) {
  const plugin = setupLunr(lunr);
  if (packed.v !== 1) throw new Error(`onbekende indexversie ${packed.v}`);
  const builder = new lunr.Builder();
  builder.use(plugin);
  builder.b(packed.b);
  builder.k1(packed.k1);
  builder.ref('ref');
  packed.fields.forEach((f, i) => builder.field(f, packed.boosts[i] === 1 ? {} : { boost: packed.boosts[i] }));
  const refs = Array.isArray(packed.refs) ? packed.refs : Array.from({ length: packed.refs }, (_, i) => String(i));
  refs.forEach((r, i) => {
    builder._documents[r] = packed.docBoosts ? { boost: packed.docBoosts[i] } : {};
  });
  builder.documentCount = refs.length;
  packed.fields.forEach((f, fi) => {
    refs.forEach((r, di) => {
      const key = `${f}/${r}`;
      builder.fieldTermFrequencies[key] = Object.create(null);
      builder.fieldLengths[key] = packed.lengths[fi][di];
    });
  });
  const terms = frontDecode(packed.terms);
  terms.forEach((term, ti) => {
    const posting = Object.create(null);
    posting._index = ti;
    for (const f of packed.fields) posting[f] = Object.create(null);
    const list = packed.post[ti];
    let i = 0;
    while (i < list.length) {
      const f = packed.fields[list[i++]];
      const n = list[i++];
      let doc = 0;
      for (let k = 0; k < n; k++) {
        const x = list[i++];
        doc += Math.floor(x / 8);
        let tf = x % 8;
        if (tf === 7) tf = list[i++];
        const ref = refs[doc];
        posting[f][ref] = Object.create(null);
        builder.fieldTermFrequencies[`${f}/${ref}`][term] = tf;
      }
    }
    builder.invertedIndex[term] = posting;
  });
  builder.termIndex = terms.length;
  // builder.build() without the token set, which only lunr's own query() needs: built on first use
  builder.calculateAverageFieldLengths();
  builder.createFieldVectors();
  const index = new lunr.Index({ invertedIndex: builder.invertedIndex, fieldVectors: builder.fieldVectors, tokenSet: null, fields: Object.keys(builder._fields), pipeline: builder.searchPipeline });
  let tokenSet = null;
  Object.defineProperty(index, 'tokenSet', { get: () => tokenSet ?? (tokenSet = lunr.TokenSet.fromArray(terms)), configurable: true });
  return index;
}

// ---------------------------------------------------------------------------------------------
// Query analysis.

/** Fields words are searched in (themes, province and sector hold only th<N>/pv<N>/sc<N> tokens). */
export const TEXT_FIELDS = ['title', 'places', 'ctx', 'body'];

/**
 * Weights of the parts of a query (multiplied with lunr's BM25 field scores, which already carry
 * the field boosts). scripts/eval-search.ts measures the effect of changing them.
 */
export const WEIGHTS = {
  /** the word's stem in the text fields */
  word: 1,
  /** a longer term starting with the word (compounds: "stage" → "stageplaatsen") */
  prefix: 0.35,
  /** the last word while typing ("gastl" → "gastlessen") */
  typing: 0.8,
  /** parts of a compound the index does not hold ("horecabedrijf" → "horeca" + "bedrijf") */
  part: 0.5,
  /** a theme named by a codebook label or synonym, on the themes field */
  theme: 0.25,
  /** a province named, on the province field */
  province: 1.5,
  /** a sector named, on the sector field */
  sector: 0.3,
  /** the other one-word synonyms of a named theme or sector, in the text fields (best one counts) */
  synonym: 0.2,
  /** coverage: the score is multiplied by (share of the query's idf-weighted words matched) ^ this */
  coverage: 2,
  /** coverage weight of a word that names a theme, province or sector (the query's topic) */
  topic: 2,
  /**
   * share of a word's coverage weight when it matched only through a theme, synonym or compound
   * part (a curated theme tag is strong evidence; 0.6–0.8 score the same on the query set, 0.5 less)
   */
  concept: 0.7,
};

/** Words of a province name that do not name it on their own ("noord" in Noord-Brabant). */
const DIRECTIONS = new Set(['noord', 'zuid', 'oost', 'west', 'midden']);

/** The vocabulary lists a query is expanded with, and the index field of their tokens. */
const EXPANSIONS = [
  { list: 'themes', field: 'themes', weight: 'theme' },
  { list: 'provinces', field: 'province', weight: 'province' },
  { list: 'sectors', field: 'sector', weight: 'sector' },
];

/**
 * Prepare the vocabulary for matching: each phrase (theme label, codebook synonym, province name)
 * becomes a string of stems, and each item gets the text terms a match expands to: a theme or
 * sector its one-word synonyms (BPV → stage, LOB → loopbaanoriëntatie), a province the words of
 * its name (Fryslân → friesland). `vocab` = { themes, provinces, sectors: [{id, token, label, phrases}] }.
 */
export function prepareVocab(lunr, vocab) {
  setupLunr(lunr);
  // stop words drop out of phrases as they drop out of queries ("wet- en regelgeving")
  const stemPhrase = (p) => words(p).map((w) => lunr.kb.stem(w)).filter(Boolean).join(' ');
  const prep = (list, kind) =>
    list.map((item) => {
      const stemmed = [...new Set(item.phrases.map(stemPhrase))].filter(Boolean);
      const expand =
        kind === 'provinces'
          ? words(item.label).map((w) => lunr.kb.stem(w)).filter((w) => w && !DIRECTIONS.has(w))
          : stemmed.filter((p) => !p.includes(' '));
      return { ...item, stemmed, expand: [...new Set(expand)] };
    });
  return Object.fromEntries(EXPANSIONS.map((e) => [e.list, prep(vocab[e.list] ?? [], e.list)]));
}

const prepared = new WeakMap();
function preparedVocab(lunr, vocab) {
  if (!prepared.has(vocab)) prepared.set(vocab, prepareVocab(lunr, vocab));
  return prepared.get(vocab);
}

/**
 * Analyse a query: its words (stop words dropped) with their stems and prefixes, and the themes,
 * provinces and sectors it names. A phrase matches on stems, so "keuzedelen" finds the synonym
 * "keuzedeel" and "loopbaanorientatie" (typed without the diaeresis) the theme LOB.
 * Returns { words, stems, prefixes, groups: [{ list, id, token, field, weight, from, to, expand }],
 * themes, provinces, sectors (ids) }.
 */
export function analyseQuery(lunr, q, pvocab) {
  // also callable as analyseQuery(q, vocab) after setupLunr, with the vocabulary as shipped
  if (typeof lunr === 'string') [lunr, q, pvocab] = [defaultLunr, lunr, q];
  setupLunr(lunr);
  if (!(pvocab.themes ?? []).every((t) => t.stemmed)) pvocab = preparedVocab(lunr, pvocab);
  const all = words(q);
  const kept = all.filter((w) => !lunr.kb.isStopWord(w));
  // a word that comes back (with the same stem) counts once: "vmbo-docent en mbo-docent"
  const seen = new Set();
  const list = [];
  const stems = [];
  for (const w of kept.length ? kept : all) {
    const st = lunr.kb.stem(w) || w;
    if (seen.has(st)) continue;
    seen.add(st);
    list.push(w);
    stems.push(st);
  }
  const groups = [];
  for (const e of EXPANSIONS) {
    for (const item of pvocab[e.list] ?? []) {
      for (const phrase of item.stemmed) {
        const ps = phrase.split(' ');
        for (let i = 0; i + ps.length <= stems.length; i++) {
          if (!ps.every((p, k) => p === stems[i + k])) continue;
          if (groups.some((g) => g.id === item.id && g.list === e.list && g.from === i)) continue;
          groups.push({ list: e.list, id: item.id, token: item.token, field: e.field, weight: e.weight, from: i, to: i + ps.length, expand: item.expand.filter((t) => !stems.includes(t)) });
        }
      }
    }
  }
  const ids = (l) => [...new Set(groups.filter((g) => g.list === l).map((g) => g.id))];
  return { words: list, stems, prefixes: list.map((w) => normaliseWord(w)), groups, themes: ids('themes'), provinces: ids('provinces'), sectors: ids('sectors') };
}

/**
 * The same analysis as a query for lunr's own query API (index.query), for tools that use lunr
 * directly (the benchmark). The site ranks with rank(), which weighs the parts explicitly.
 */
export function buildQuery(lunr, query, analysis) {
  const OPTIONAL = lunr.Query.presence.OPTIONAL;
  analysis.stems.forEach((s, i) => {
    query.term(s, { fields: TEXT_FIELDS, boost: 10, usePipeline: false, presence: OPTIONAL });
    const p = analysis.prefixes[i];
    if (p.length >= 4 || (i === analysis.stems.length - 1 && p.length >= 2)) query.term(p, { fields: TEXT_FIELDS, boost: 3, wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false, presence: OPTIONAL });
  });
  for (const g of analysis.groups) {
    query.term(g.token, { fields: [g.field], boost: 5, usePipeline: false, presence: OPTIONAL });
    for (const t of g.expand) query.term(t, { fields: TEXT_FIELDS, boost: 1, usePipeline: false, presence: OPTIONAL });
  }
}

// ---------------------------------------------------------------------------------------------
// The search engine: index + document store + vocabulary.

export const FACETS = [
  { key: 'type', label: 'Soort' },
  { key: 'thema', label: 'Thema' },
  { key: 'provincie', label: 'Provincie' },
  { key: 'route', label: 'Routetype' },
  { key: 'niveau', label: 'Niveau' },
  { key: 'sector', label: 'Sector' },
];

export const TYPE_LABELS = { case: 'Case', notitie: 'Notitie', knelpunt: 'Knelpunt', succesfactor: 'Succesfactor', les: 'Les', 'rode-draad': 'Rode draad' };

/**
 * Expand the compact document store: findings take title, URL and case facets from their owner.
 * Returns docs with { id, kind, type, title, text, url, owner, themes, province, route, levels, sectors }.
 */
export function expandDocs(store) {
  const raw = store.docs;
  const docs = raw.map((d) => ({
    id: d.id,
    kind: d.k,
    type: d.k === 'c' ? 'case' : d.k === 'n' ? 'notitie' : d.ty,
    title: d.t ?? '',
    text: d.x ?? '',
    url: d.u ?? '',
    owner: null,
    themes: d.th ?? [],
    province: d.p ?? null,
    route: d.r ?? null,
    levels: d.l ?? [],
    sectors: d.s ?? [],
  }));
  raw.forEach((d, i) => {
    if (d.o == null) return;
    const o = docs[d.o];
    const doc = docs[i];
    doc.owner = o;
    doc.title = o.title;
    doc.url = `${o.url}#${d.a}`;
    doc.id = `${o.id}#${d.a}`;
    doc.province = o.province;
    doc.route = o.route;
    doc.levels = o.levels;
    doc.sectors = o.sectors;
  });
  return docs;
}

/** Facet values of a document. */
export function facetValues(doc, key) {
  switch (key) {
    case 'type':
      return [doc.type];
    case 'thema':
      return doc.themes;
    case 'provincie':
      return doc.province ? [doc.province] : [];
    case 'route':
      return doc.route ? [doc.route] : [];
    case 'niveau':
      return doc.levels;
    case 'sector':
      return doc.sectors;
    default:
      return [];
  }
}

/**
 * Create the engine from the fetched index and store (browser and Node alike).
 * `lunr` must have lunr-languages' stemmer.support and nl applied.
 */
export function createEngine(lunr, packedIndex, store) {
  setupLunr(lunr);
  const index = loadIndex(lunr, packedIndex);
  const docs = expandDocs(store);
  const vocab = prepareVocab(lunr, store.vocab);
  const labels = {
    type: TYPE_LABELS,
    thema: Object.fromEntries(store.vocab.themes.map((t) => [t.id, t.label])),
    provincie: Object.fromEntries(store.vocab.provinces.map((p) => [p.id, p.label])),
    route: store.vocab.routes ?? {},
    niveau: {},
    sector: Object.fromEntries((store.vocab.sectors ?? []).map((s) => [s.id, s.label])),
  };
  const terms = Object.keys(index.invertedIndex).sort();
  // postings with lunr's BM25 field scores (which carry the field boosts), read once from the
  // field vectors: per term, Map(doc index → score) summed over the text fields, and the same for
  // the token fields (themes, province, sector)
  const text = new Map();
  const tokens = new Map();
  const termAt = [];
  for (const t of terms) termAt[index.invertedIndex[t]._index] = t;
  const textFields = new Set(TEXT_FIELDS);
  for (const [fieldRef, vector] of Object.entries(index.fieldVectors)) {
    const slash = fieldRef.indexOf('/');
    const into = textFields.has(fieldRef.slice(0, slash)) ? text : tokens;
    const d = Number(fieldRef.slice(slash + 1));
    const el = vector.elements;
    for (let i = 0; i < el.length; i += 2) {
      const t = termAt[el[i]];
      let m = into.get(t);
      if (!m) into.set(t, (m = new Map()));
      m.set(d, (m.get(d) || 0) + el[i + 1]);
    }
  }
  return { lunr, index, terms, docs, vocab, labels, postings: { text, tokens } };
}

const EMPTY = new Map();

/** Postings of a term: Map(doc index → BM25 score) in the text fields, or in the token fields. */
function postings(engine, term, fields) {
  return (fields === TEXT_FIELDS ? engine.postings.text : engine.postings.tokens).get(term) ?? EMPTY;
}

/** Terms of the index starting with a prefix (binary search in the sorted term list). */
function termsWithPrefix(engine, prefix, limit = 60) {
  const t = engine.terms;
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out = [];
  for (let i = lo; i < t.length && out.length < limit && t[i].startsWith(prefix); i++) out.push(t[i]);
  return out;
}

const hasTerm = (engine, t) => Object.prototype.hasOwnProperty.call(engine.index.invertedIndex, t);

/** Inverse document frequency of a term as lunr computes it (rare words weigh more in coverage). */
function idf(engine, term) {
  const p = engine.index.invertedIndex[term];
  return p ? engine.lunr.idf(p, engine.docs.length) : engine.lunr.idf({}, engine.docs.length);
}

/**
 * Split a compound the index does not hold into two parts it does: "horecabedrijf" → horeca +
 * bedrijf, "bedrijfsbezoekje" → bedrijf(s) + bezoek. Returns the parts' stems, or null.
 */
function decompound(engine, w) {
  const kb = engine.lunr.kb;
  for (let i = w.length - 3; i >= 3; i--) {
    const right = kb.stem(w.slice(i));
    if (!right || !hasTerm(engine, right)) continue;
    for (const left of [w.slice(0, i), w.endsWith('s', i) ? w.slice(0, i - 1) : null]) {
      if (!left || left.length < 3) continue;
      const l = kb.stem(left);
      if (l && hasTerm(engine, l)) return [l, right];
    }
  }
  return null;
}

/**
 * Rank documents for a query. Each word scores in the text fields with its stem, as a prefix
 * (all words of 4+ letters; the last word, being typed, from 2 letters) and, if the index does
 * not know it, as a split compound; each named theme/province/sector adds its token field and the
 * best of its synonyms in the text. A document's score is the sum, times the share of the query's
 * words it matches (idf-weighted) to the power WEIGHTS.coverage, so a finding that matches every
 * word beats a long case text that matches many words once. With several words, documents
 * matching less than half of what the best document matches are dropped.
 * Returns { analysis, hits: [{ doc, score, coverage }] }.
 */
export function rank(engine, q, { weights = WEIGHTS, prefix = true } = {}) {
  const analysis = analyseQuery(engine.lunr, q, engine.vocab);
  const n = analysis.words.length;
  if (!n) return { analysis, hits: [] };
  const perWord = analysis.words.map(() => new Map());
  // documents that match the word itself (stem, prefix), not only a concept it names
  const literal = analysis.words.map(() => new Set());
  const add = (i, scores, weight, isLiteral = false) => {
    const into = perWord[i];
    for (const [d, s] of scores) {
      into.set(d, (into.get(d) || 0) + s * weight);
      if (isLiteral) literal[i].add(d);
    }
  };
  /** Best score per document over a term and the longer terms it is a prefix of. */
  const withPrefix = (t) => {
    const best = new Map(postings(engine, t, TEXT_FIELDS));
    for (const x of termsWithPrefix(engine, t)) for (const [d, s] of postings(engine, x, TEXT_FIELDS)) best.set(d, Math.max(best.get(d) || 0, s * weights.prefix));
    return best;
  };
  const wordIdf = analysis.stems.map((s) => idf(engine, s));
  analysis.words.forEach((w, i) => {
    const stemmed = analysis.stems[i];
    const exact = hasTerm(engine, stemmed);
    if (exact) add(i, postings(engine, stemmed, TEXT_FIELDS), weights.word, true);
    const last = i === n - 1;
    const p = analysis.prefixes[i];
    let longer = [];
    if (prefix && p && (p.length >= 4 || (last && p.length >= 2))) {
      longer = termsWithPrefix(engine, p).filter((t) => t !== stemmed);
      const best = new Map();
      for (const t of longer) for (const [d, s] of postings(engine, t, TEXT_FIELDS)) best.set(d, Math.max(best.get(d) || 0, s));
      add(i, best, last && !exact ? weights.typing : weights.prefix, true);
    }
    if (!exact && !longer.length && w.length >= 7) {
      // a compound the index does not hold: documents with both parts match it; with one part, as a concept
      const parts = decompound(engine, w);
      if (parts) {
        const [a, b] = parts.map(withPrefix);
        const both = new Map();
        for (const [d, s] of a) if (b.has(d)) both.set(d, s + b.get(d));
        add(i, both, weights.part, true);
        add(i, new Map([...a, ...b].filter(([d]) => !both.has(d))), weights.part / 2);
        wordIdf[i] = Math.max(...parts.map((t) => idf(engine, t)));
      }
    }
  });
  for (const g of analysis.groups) {
    const tok = postings(engine, g.token, [g.field]);
    const syn = new Map();
    for (const t of g.expand) for (const [d, s] of postings(engine, t, TEXT_FIELDS)) syn.set(d, Math.max(syn.get(d) || 0, s));
    // the group's score goes to its first word; every word of the phrase counts as matched
    add(g.from, tok, weights[g.weight]);
    add(g.from, syn, weights.synonym);
    for (let i = g.from + 1; i < g.to; i++) add(i, new Map([...tok.keys(), ...syn.keys()].map((d) => [d, 0])), 1);
  }
  for (const g of analysis.groups) for (let i = g.from; i < g.to; i++) wordIdf[i] = analysis.stems.length > 1 ? Math.max(wordIdf[i], idf(engine, analysis.stems[i])) * weights.topic : wordIdf[i];
  const totalIdf = wordIdf.reduce((a, b) => a + b, 0) || 1;
  const docsHit = new Set(perWord.flatMap((m) => [...m.keys()]));
  const hits = [];
  for (const d of docsHit) {
    let score = 0;
    let cov = 0;
    perWord.forEach((m, i) => {
      if (!m.has(d)) return;
      score += m.get(d);
      cov += wordIdf[i] * (literal[i].has(d) ? 1 : weights.concept);
    });
    const coverage = cov / totalIdf;
    hits.push({ doc: engine.docs[d], score: score * coverage ** weights.coverage, coverage });
  }
  const best = hits.reduce((m, h) => Math.max(m, h.coverage), 0);
  const kept = n >= 2 ? hits.filter((h) => h.coverage >= best / 2) : hits;
  kept.sort((a, b) => b.score - a.score || Number(a.doc.kind === 'f') - Number(b.doc.kind === 'f') || a.doc.id.localeCompare(b.doc.id));
  return { analysis, hits: kept };
}

/**
 * Search with facet filters. `filters` = { facetKey: [values] } (values within a facet: OR;
 * facets: AND). Without words, every document matching the filters, cases first.
 * Returns { analysis, hits (filtered, ranked docs), total (before filters), facets: {key: [[value, count]]} }.
 * Facet counts follow the query: the count of a value is the number of hits with that value that
 * match the filters of the other facets.
 */
export function search(engine, q, filters = {}, options = {}) {
  const { analysis, hits } = rank(engine, q, options);
  const base = analysis.words.length ? hits.map((h) => h.doc) : Object.values(filters).some((v) => v && v.length) ? engine.docs : [];
  const active = FACETS.filter((f) => (filters[f.key] || []).length);
  const passes = (doc, skip) => active.every((f) => f.key === skip || facetValues(doc, f.key).some((v) => filters[f.key].includes(v)));
  const shown = base.filter((d) => passes(d));
  /** @type {Record<string, [string, number][]>} */
  const facets = {};
  for (const f of FACETS) {
    const counts = new Map();
    for (const d of base) {
      if (!passes(d, f.key)) continue;
      for (const v of new Set(facetValues(d, f.key))) counts.set(v, (counts.get(v) || 0) + 1);
    }
    for (const v of filters[f.key] || []) if (!counts.has(v)) counts.set(v, 0);
    facets[f.key] = [...counts].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]), 'nl'));
  }
  return { analysis, hits: shown, total: base.length, facets };
}

// ---------------------------------------------------------------------------------------------
// URL state.

/** Read { q, filters } from a query string ("?q=stage&thema=lob&thema=bpv"). */
export function parseState(queryString) {
  const p = new URLSearchParams(queryString);
  const filters = {};
  for (const f of FACETS) {
    const vs = p.getAll(f.key).filter(Boolean);
    if (vs.length) filters[f.key] = [...new Set(vs)];
  }
  return { q: p.get('q') ?? '', filters };
}

/** Write { q, filters } as a query string ('' when empty), facets in a fixed order. */
export function stateToQuery({ q, filters }) {
  const p = new URLSearchParams();
  if (q && q.trim()) p.set('q', q.trim());
  for (const f of FACETS) for (const v of filters?.[f.key] || []) p.append(f.key, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

// ---------------------------------------------------------------------------------------------
// Snippets.

/**
 * Split a text into parts with the query's hits marked, around the first hit. A word of the text
 * is a hit when its stem equals a query word's stem or starts with a query word (prefix), both
 * folded: "geintegreerde" marks "geïntegreerde". `extraStems`: stems that also count as hits (the
 * synonyms a query expanded to). Returns [{ text, hit }]; render with textContent.
 */
export function snippet(lunr, text, queryWords, radius = 90, extraStems = []) {
  setupLunr(lunr);
  const src = String(text ?? '');
  const qs = queryWords.map((w) => ({ stem: lunr.kb.stem(w), prefix: normaliseWord(fold(w)) })).filter((x) => x.prefix.length >= 2);
  for (const s of extraStems) if (s) qs.push({ stem: s, prefix: '' });
  const hits = [];
  const re = /[\p{L}\p{N}&'’]+/gu;
  let m;
  while ((m = re.exec(src))) {
    const tok = m[0].replace(/['’]+$/, '');
    const f = fold(tok);
    const s = lunr.kb.stem(tok);
    if (qs.some((x) => (s && s === x.stem) || (x.prefix.length >= 3 && f.startsWith(x.prefix)))) hits.push([m.index, m.index + tok.length]);
  }
  const first = hits.length ? hits[0][0] : 0;
  let start = Math.max(0, first - radius);
  let end = Math.min(src.length, Math.max(first + radius * 2, start + radius * 3));
  if (start > 0) {
    const sp = src.indexOf(' ', start);
    start = sp >= 0 && sp < first ? sp + 1 : start;
  }
  if (end < src.length) {
    const sp = src.lastIndexOf(' ', end);
    if (sp > start) end = sp;
  }
  const parts = [];
  let pos = start;
  for (const [a, b] of hits) {
    if (b <= start || a >= end) continue;
    if (a > pos) parts.push({ text: src.slice(pos, a), hit: false });
    parts.push({ text: src.slice(Math.max(a, pos), Math.min(b, end)), hit: true });
    pos = Math.min(b, end);
  }
  if (pos < end) parts.push({ text: src.slice(pos, end), hit: false });
  if (start > 0) parts.unshift({ text: '… ', hit: false });
  if (end < src.length) parts.push({ text: ' …', hit: false });
  return parts;
}
