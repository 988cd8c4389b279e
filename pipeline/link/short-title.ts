// Short titles for authored rode draden that have no `titel` of their own. The title is always a
// whole phrase of the text, never a sentence cut off mid-way:
//   1. the first sentence, if it fits;
//   2. else the part before the first colon, semicolon or dash (a claim and its elaboration);
//   3. else the longest part that ends before a comma or "(" outside parentheses, where what
//      follows starts a new clause ("…, maar", "…, omdat", "…, bijvoorbeeld") — not where it
//      continues a list or a phrase ("een gedeelde, integrale visie") — and that is not only a
//      subordinate clause ("Voordat een leerlab acties kiest");
//   4. else the claim of rule 2 or the first sentence, whole, however long.
// The limits count characters as people see them.

export const SHORT_TITLE_MAX = 100;
const MIN = 12;

export type ShortTitleRule = 'sentence' | 'clause' | 'phrase' | 'whole';

export interface ShortTitle {
  title: string;
  rule: ShortTitleRule;
}

const clean = (s: string) => s.trim().replace(/[\s,;:–—-]+$/u, '').replace(/\.$/, '');
const fits = (s: string) => s.length >= MIN && [...s].length <= SHORT_TITLE_MAX;

/** Where the first sentence ends (., ! or ? followed by white space or the end), outside brackets. */
function firstSentence(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && /[.!?]/.test(ch) && (i === text.length - 1 || /\s/.test(text[i + 1]))) {
      // an abbreviation like "o.a." or "bijv." is followed by a lower-case word
      const next = text.slice(i + 1).trimStart()[0];
      if (!next || next === next.toUpperCase()) return text.slice(0, i + 1);
    }
  }
  return text;
}

type Boundary = (text: string, i: number) => boolean;
const dash = (t: string, i: number) => '–—-'.includes(t[i]) && t[i - 1] === ' ' && t[i + 1] === ' ';
/** A claim and its elaboration: ":", ";" or a spaced dash. */
const clauseEnd: Boundary = (t, i) => t[i] === ':' || t[i] === ';' || dash(t, i);
/**
 * Words that open a new clause or phrase after a comma: conjunctions, relatives, adverbs and
 * prepositions that add to a finished clause, and articles that start the next item of a list.
 */
const CLAUSE_START = new Set(
  'maar want dus en of omdat doordat zodat waardoor terwijl hoewel als wanneer zoals bijvoorbeeld vooral ook die dat wat wie hoe waarom waar waarbij waarin waarmee met in door zonder om tot na bij zelfs namelijk mits tenzij behalve juist al alleen meestal vaak soms een de het'.split(' '),
);
/** Opening words of a clause that cannot stand alone ("Voordat X, …", "Wie X, …"). */
const SUBORDINATE = /^(voordat|omdat|doordat|nadat|zodra|hoewel|terwijl|indien|wanneer|als|zodat|wie|wat|waar|ook wat|om)\s/i;
/** The end of a clause: a comma followed by a word that starts a new clause, or the space before "(". */
const phraseEnd: Boundary = (t, i) => {
  if (t[i] === '(') return t[i - 1] === ' ';
  if (t[i] !== ',') return false;
  const next = /^\s+([\p{L}]+)/u.exec(t.slice(i + 1))?.[1]?.toLowerCase();
  return next !== undefined && CLAUSE_START.has(next);
};

/** Offsets where `isEnd` holds, outside parentheses; the text before each offset is a candidate. */
function boundaries(text: string, isEnd: Boundary): number[] {
  const out: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (depth === 0 && isEnd(text, i)) out.push(i);
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth = Math.max(0, depth - 1);
  }
  return out;
}

export function shortTitle(text: string): ShortTitle {
  const plain = text.replace(/\s+/g, ' ').trim();
  const sentence = firstSentence(plain);
  if (fits(clean(sentence)) || clean(sentence).length < MIN) return { title: clean(sentence), rule: 'sentence' };
  // a claim before ":", ";" or a spaced dash
  const claim = boundaries(sentence, clauseEnd).map((at) => clean(sentence.slice(0, at))).find((head) => head.length >= MIN);
  if (claim && fits(claim)) return { title: claim, rule: 'clause' };
  // the longest run of whole clauses before a comma or a parenthesis
  for (const at of boundaries(sentence, phraseEnd).reverse()) {
    const head = clean(sentence.slice(0, at));
    if (fits(head) && !(SUBORDINATE.test(head) && !head.includes(','))) return { title: head, rule: 'phrase' };
  }
  // too long, but still whole: the claim, else the sentence
  return claim ? { title: claim, rule: 'clause' } : { title: clean(sentence), rule: 'whole' };
}
