// Text analysis, the same on the index side (build, Node) and the query side (Web Worker):
// word split, diacritic folding, Dutch stop words and the lunr-languages Dutch stemmer with fixes
// for the inflections it gets wrong. lunr (with lunr-languages' stemmer support and Dutch applied)
// is passed in, so this module has no dependencies and runs in both places.

/** Fold diacritics and case: "geïntegreerde" → "geintegreerde", "crèche" → "creche". */
export function fold(s: string): string {
  const str = String(s);
  // ASCII has nothing to decompose: the common case skips the Unicode work
  return /[^\x00-\x7f]/.test(str) ? str.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() : str.toLowerCase();
}

/**
 * Characters that separate words, on both sides: white space and punctuation. `&` and `'` stay
 * inside words (Z&W, regio's); hyphens join parts of a word (see tokens).
 */
const SEPARATOR_CHAR = /[\s‒–—―/\\|()[\]{}<>«»"“”„‟:;,.!?*+=~^#@%$…·•→←↔]/u;
const ASCII_SEPARATOR = new Uint8Array(128).map((_, c) => (SEPARATOR_CHAR.test(String.fromCharCode(c)) ? 1 : 0));
const otherSeparator = new Map<number, boolean>();
function isSeparator(c: number): boolean {
  if (c < 128) return ASCII_SEPARATOR[c] === 1;
  let x = otherSeparator.get(c);
  if (x === undefined) otherSeparator.set(c, (x = SEPARATOR_CHAR.test(String.fromCharCode(c))));
  return x;
}
const isHyphen = (c: number) => c === 45 || c === 0x2010 || c === 0x2011;
/** Word characters: a word is trimmed to start and end with one. */
const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 38;
const APOSTROPHES = /[’‘`´]/g;

/** s[a..b) without leading and trailing non-word characters. */
function trimmed(s: string, a: number, b: number): string {
  while (a < b && !isWordChar(s.charCodeAt(a))) a++;
  while (b > a && !isWordChar(s.charCodeAt(b - 1))) b--;
  return a < b ? s.slice(a, b) : '';
}

/**
 * A word and a number after it, as one word: "mbo 2", "mbo-2" → "mbo2" (as typed: "mbo2"), and
 * "niveau 2" (1 to 4, the mbo levels) → "mbo2"; null when `b` is no number of one or two digits.
 */
export function numberJoin(a: string, b: string): string | null {
  if (!/^[0-9]{1,2}$/.test(b) || !/^[a-z]{2,}$/.test(a)) return null;
  return a === 'niveau' ? (/^[1-4]$/.test(b) ? `mbo${b}` : null) : a + b;
}

/** "cao's", "regio's" (a plural in -'s after a vowel): the form typed without the apostrophe ("caos"). */
const APOSTROPHE_PLURAL = /^[a-z0-9]*[aeiouy]'s$/;

/**
 * Call `fn` with each folded word of a text, in order. Some words also yield another form, with
 * `joined` true, after them: a hyphenated word of two or three parts its parts joined
 * ("mbo-docenten" → mbo, docenten, mbodocenten, so it meets "mbodocenten" written as one word); a
 * word followed by a number the two joined (numberJoin: "mbo 2", "mbo-2", "niveau 2" → mbo2); a
 * plural in -'s the form without the apostrophe ("cao's" → caos). One pass over the text, no
 * arrays: indexing 10 000 cases tokenises some ten million words.
 */
export function eachToken(text: string | null | undefined, fn: (word: string, joined: boolean) => void): void {
  if (text == null) return;
  // lower case here, diacritics folded per chunk that has any (folding never makes or breaks a separator)
  const s = String(text).toLowerCase();
  const n = s.length;
  let i = 0;
  // the last word of the previous chunk, while only white space follows it ("mbo 2")
  let prev = '';
  const emit = (w: string, joined: boolean) => {
    fn(w, joined);
    if (joined) return;
    const x = prev && numberJoin(prev, w);
    if (x) fn(x, true);
    if (w.length > 3 && APOSTROPHE_PLURAL.test(w)) fn(w.replace("'", ''), true);
    prev = w;
  };
  while (i < n) {
    const c0 = s.charCodeAt(i);
    if (isSeparator(c0)) {
      if (c0 !== 32) prev = '';
      i++;
      continue;
    }
    let j = i;
    let hyphen = false;
    let plain = true;
    for (let c = s.charCodeAt(j); j < n && !isSeparator(c); c = s.charCodeAt(++j)) {
      if (isHyphen(c)) hyphen = true;
      else if (c >= 128 || c === 96) plain = false;
    }
    if (plain) chunk(s, i, j, hyphen, emit);
    else {
      const f = fold(s.slice(i, j)).replace(APOSTROPHES, "'");
      chunk(f, 0, f.length, hyphen || /[‐‑]/.test(f), emit);
    }
    i = j;
  }
}

/** The words of the chunk s[i..j) (no separators in it): trimmed, split at hyphens, parts joined. */
function chunk(s: string, i: number, j: number, hyphen: boolean, fn: (word: string, joined: boolean) => void) {
  if (!hyphen) {
    const w = trimmed(s, i, j);
    if (w) fn(w, false);
    return;
  }
  const parts: string[] = [];
  let a = i;
  for (let k = i; k <= j; k++) {
    if (k === j || isHyphen(s.charCodeAt(k))) {
      const w = trimmed(s, a, k);
      if (w) parts.push(w);
      a = k + 1;
    }
  }
  // parts follow each other without white space: a number part joins its word through fn ("mbo-2")
  for (const p of parts) fn(p, false);
  if (parts.length >= 2 && parts.length <= 3 && parts.every((p) => /[a-z]/.test(p))) fn(parts.join(''), true);
}

/** The folded words of a text, with the joined forms of hyphenated words marked (see eachToken). */
export function tokens(text: string | null | undefined): { words: string[]; joined: boolean[] } {
  const words: string[] = [];
  const joined: boolean[] = [];
  eachToken(text, (w, j) => {
    words.push(w);
    joined.push(j);
  });
  return { words, joined };
}

/** Split text into folded words, without the joined forms. */
export function words(text: string | null | undefined): string[] {
  const t = tokens(text);
  return t.words.filter((_, i) => !t.joined[i]);
}

/**
 * Normalise a folded word before the Dutch stemmer, for inflections the stemmer gets wrong:
 * - possessive/plural apostrophe: "regio's" → "regio", "cao's" → "cao"; an apostrophe inside a
 *   word goes: "vmbo'ers" → "vmboers";
 * - loan-word plurals in -s after -e that the stemmer keeps ("stage" → "stag" but "stages" → "stages"):
 *   "stages" → "stage", "routes" → "route", "locaties" → "locatie", "challenges" → "challenge",
 *   "modules" → "module", "barrières" (folded "barrieres") → "barriere";
 * - plurals in -ens of nouns in -en ("examen" → "exam" but "examens" → "examen"): "examens" → "examen";
 * - forms with a diaeresis, folded, that the stemmer keeps apart from the base form: plurals
 *   ("allergieën" → "allergieen" → "allergie", "ideeën" → "idee") and inflected adjectives in
 *   -ële ("financiële" → "financiele" → "financieel", "reële" → "reeel").
 */
export function normaliseWord(w: string): string {
  // "vmbo'ers" → "vmboers" (not "zo'n", "m'n")
  const s = w.replace(/'s?$/, '').replace(/^'+/, '').replace(/^([a-z0-9]{2,})'([a-z]{2,})$/, '$1$2');
  if (s.length >= 5 && /(ie|ee)en$/.test(s)) return s.slice(0, -2);
  if (s.length >= 5 && /[ie]ele$/.test(s)) return `${s.slice(0, -3)}eel`;
  if (s.length >= 5 && /ies$/.test(s)) return s.slice(0, -1);
  if (s.length >= 5 && /([bdghkpstvz]|ul)es$/.test(s)) return s.slice(0, -1);
  if (s.length >= 8 && /res$/.test(s)) return s.slice(0, -1);
  if (s.length >= 6 && /ens$/.test(s)) return s.slice(0, -1);
  return s;
}

/**
 * The base word of a form the stemmer leaves apart from it (the word itself otherwise). Such a
 * form is indexed under its own stem and under baseKey of its base's stem; a query word is looked
 * up under both too, the related forms weighing less than its own (rank.ts WEIGHTS.base):
 * - loan verbs in -eren and their nouns in -atie: the stemmer keeps "evaluatie", "evalueert",
 *   "geëvalueerd" and "evalueren" (→ "evaluer") apart; their base is the infinitive ("evalueren"),
 *   as for "inspiratie"/"geïnspireerd" (inspireren) and "oriëntatie"/"georiënteerde" (oriënteren).
 *   Third person and imperative ("evalueert", "evalueer") need three letters before -eer ("meer",
 *   "leert" stay), a participle in -eerd(e) its ge- ("verkeerd" stays);
 * - plurals in -iën whose noun has no singular in use, to their adjective in -ieel: "financiën"
 *   → "financieel" (folded "financien"; only after c or r: "tien", "dienen", "misschien" stay);
 * - the irregular plural of compounds in -man: "vakmensen", "vaklieden" → "vakman" ("mensen" stays);
 * - the participle of a separable verb, whose ge- sits inside it: "meegelopen" → "meelopen",
 *   "samengewerkt" → "samenwerken", "afgestemd" → "afstemmen" (-d/-t dropped: "afstemen", whose
 *   stem is the same); a participle whose vowel changes ("afgesproken") stays apart.
 */
export function baseForm(w: string): string {
  let m = /^ge([a-z]{3,})eerd(e|en)?$/.exec(w);
  if (m) return `${m[1]}eren`;
  m = SEPARABLE_PARTICIPLE.exec(w);
  if (m) return `${m[1]}${/en$/.test(m[2]) ? m[2] : `${m[2].slice(0, -1)}en`}`;
  m = /^([a-z]{3,})ati(e|es)$/.exec(w) ?? /^([a-z]{3,})eer(t|de|den)?$/.exec(w);
  if (m) return `${m[1]}eren`;
  m = /^([a-z]{4,}[cr]i)en$/.exec(w);
  if (m) return `${m[1]}eel`;
  m = /^([a-z]{2,})(mensen|lieden)$/.exec(w);
  if (m) return `${m[1]}man`;
  return w;
}

/**
 * The stem of the verb of a participle "ge-…-d/t" ("geroosterd" → rooster, "gestopt" → stop), for a
 * word the index does not hold: it is then looked up as that verb's related form (only where the
 * index holds the stem). Nouns of that shape ("gezicht", "gebied") are words of the index.
 */
export function participleStem(w: string, stem: (w: string) => string): string | null {
  const m = /^ge([a-z]{3,}[^aeiou])[dt]$/.exec(w);
  return m ? stem(m[1]) || null : null;
}

/** Separable verb prefixes: the ge- of the participle comes after them ("mee-ge-lopen"). */
const SEPARABLE = 'aan|af|bij|door|in|mee|na|om|op|over|samen|terug|toe|uit|voor|weg|los|neer|vast|kennis';
const SEPARABLE_PARTICIPLE = new RegExp(`^(${SEPARABLE})ge([a-z]{3,}(?:en|[dt]))$`);
const SEPARABLE_INFINITIVE = new RegExp(`^(?:${SEPARABLE})[a-z]{3,}en$`);

/**
 * The modifier a separable verb makes in compounds when its stem doubles a vowel: "meelopen" (and
 * "meegelopen") → "meeloop" (meeloopdag), "aanmelden" → null (its stem is its modifier). Only for
 * separable verbs: "lopen" → "loop" would make every "loopbaan" a walk.
 */
export function verbModifier(w: string): string | null {
  // a separable participle's base form is its infinitive ("meegelopen" → "meelopen")
  const inf = SEPARABLE_PARTICIPLE.test(w) ? baseForm(w) : w;
  if (!SEPARABLE_INFINITIVE.test(inf)) return null;
  const m = /^(.*[^aeiou])([aeou])([^aeiou])en$/.exec(inf);
  return m ? `${m[1]}${m[2]}${m[2]}${m[3]}` : null;
}

/** Index key of the forms of a base word: units holding "evaluatie" or "geëvalueerd" are in "~b:evaluer". */
export const baseKey = (baseStem: string) => `~b:${baseStem}`;

/** A folded word that is itself a base form of baseForm ("evalueren", "vakman", "meelopen"): it also meets the other forms. */
export const isBaseWord = (w: string) => /^[a-z]{3,}eren$|^[a-z]{4,}[cr]ie(el|le)$|^[a-z]{2,}man$/.test(w) || SEPARABLE_INFINITIVE.test(w);

/** Compound heads the stemmer splits inconsistently ("plaats" → "plat", "plaatsen" → "plaats"). */
const HEADS: [RegExp, string][] = [[/plaats(en)?$/, 'plaats']];

/**
 * Fix a stem after the Dutch stemmer:
 * - f/v and s/z alternation: "bedrijven" → "bedrijv" → "bedrijf" (= "bedrijf"), "reizen" → "reis";
 * - double final consonant: "lessen" → "less" → "les", "stappen" → "stapp" → "stap", "klassen" → "klas".
 */
export function fixStem(s: string): string {
  let t = s;
  if (t.length > 3 && /v$/.test(t)) t = `${t.slice(0, -1)}f`;
  else if (t.length > 3 && /z$/.test(t)) t = `${t.slice(0, -1)}s`;
  if (t.length > 3 && /([bcdfghjklmnpqrstvwxz])\1$/.test(t)) t = t.slice(0, -1);
  return t;
}

/** What this module needs of lunr with lunr-languages' stemmer support and Dutch applied. */
export interface LunrNl {
  Token: new (str: string, metadata: object) => { toString(): string; update(fn: (s: string) => string): unknown };
  nl: {
    stemmer: (token: unknown) => { toString(): string };
    stopWordFilter: (token: unknown) => unknown;
  };
}

export interface Analyzer {
  /** Stem of one word (folded or not); '' for a stop word or nothing. */
  stem(word: string): string;
  /** Stem of a word as eachToken gives it (folded and trimmed); '' for a stop word. */
  stemFolded(word: string): string;
  isStopWord(folded: string): boolean;
  /**
   * For a folded word that is another form of a base word (baseForm), the stem of that base
   * ("geëvalueerd", "evaluatie" → "evaluer"); '' otherwise.
   */
  baseStem(folded: string): string;
  /** The index terms of a text, in order: stems of its words (stop words dropped) and of joined hyphenated words. */
  terms(text: string | null | undefined): string[];
}

/**
 * The analysis functions over a lunr instance. Stems are memoised: a text repeats its words, and
 * the Snowball stemmer is the costly step of indexing.
 */
export function createAnalyzer(lunr: LunrNl): Analyzer {
  const memo = new Map<string, string>();
  const isStopWord = (w: string) => !lunr.nl.stopWordFilter(new lunr.Token(w, {}));
  const stemFolded = (raw: string): string => {
    let out = memo.get(raw);
    if (out !== undefined) return out;
    if (!raw || isStopWord(raw)) out = '';
    else {
      const head = HEADS.find(([re]) => re.test(raw));
      out = head ? raw.replace(head[0], head[1]) : fixStem(lunr.nl.stemmer(new lunr.Token(normaliseWord(raw), {})).toString());
      // the stemmer strips -heid down to a function word ("overheid" → "over"): keep the noun
      if (out !== raw && isStopWord(out)) out = raw.replace(/heden$/, 'heid');
    }
    if (memo.size > 200_000) memo.clear();
    memo.set(raw, out);
    return out;
  };
  return {
    isStopWord,
    stemFolded,
    baseStem: (w) => {
      const b = baseForm(w);
      return b === w ? '' : stemFolded(b);
    },
    stem: (word) => {
      const f = fold(word).replace(APOSTROPHES, "'");
      return stemFolded(trimmed(f, 0, f.length));
    },
    terms(text) {
      const out: string[] = [];
      eachToken(text, (w) => {
        const s = stemFolded(w);
        if (s) out.push(s);
      });
      return out;
    },
  };
}
