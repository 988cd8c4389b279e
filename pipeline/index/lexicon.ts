// The word-level synonyms of the search (search/lexicon/synoniemen.txt), in Solr's synonym format:
// one rule a line — `docent, leraar, leerkracht` (equivalent terms) or `manager, managers =>
// leidinggevende` (one way: the words on the left also find the words on the right) —, terms of
// one or more words, `#` starts a comment, blank lines are skipped. No npm package parses this
// format; this parser is strict: a line it cannot read is a positioned problem (file:line:column)
// that stops the build, never a crash and never a rule silently half-read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { problem, type Problem } from '../problems.ts';

/** Where the lexicon lives, from the project root. */
export const LEXICON_FILE = 'search/lexicon/synoniemen.txt';

export interface LexiconRule {
  /** the terms a query may type (lower case, single spaces) */
  from: string[];
  /** the terms of the corpus it then also meets (for an equivalence: the same terms) */
  to: string[];
  line: number;
}

/**
 * A term: at least one letter or digit, none of the format's own characters (a stray "=" or ">" of
 * a broken arrow, "\" escapes, which this lexicon does not use) nor control characters. Slashes
 * and hyphens are fine: the search splits a term into words as it splits a text ("vmbo-gl/tl").
 */
const TERM = /^(?=.*[\p{L}\p{N}])[^=<>\\\p{Cc}]+$/u;

export function parseLexicon(text: string, file = LEXICON_FILE): { rules: LexiconRule[]; problems: Problem[] } {
  const rules: LexiconRule[] = [];
  const problems: Problem[] = [];
  const bad = (line: number, column: number, message: string, fix: string) => problems.push(problem('lexicon-syntax', file, { line, column }, message, fix));
  text.split(/\r?\n/).forEach((raw, k) => {
    const line = k + 1;
    // a comment runs from # to the end of the line
    const hash = raw.indexOf('#');
    const body = hash >= 0 ? raw.slice(0, hash) : raw;
    if (!body.trim()) return;
    const sides = body.split('=>');
    if (sides.length > 2) return bad(line, body.indexOf('=>', body.indexOf('=>') + 2) + 1, 'Regel heeft twee keer "=>".', 'Schrijf één regel per richting: "a, b => c".');
    const terms: string[][] = [];
    let offset = 0;
    for (const side of sides) {
      const list: string[] = [];
      let at = offset;
      for (const part of side.split(',')) {
        const term = part.trim().replace(/\s+/g, ' ');
        const column = at + (part.length - part.trimStart().length) + 1;
        at += part.length + 1;
        if (!term) return bad(line, column, 'Lege term (twee komma\'s na elkaar, of een komma aan het begin of eind).', 'Haal de overtollige komma weg.');
        if (term !== term.toLowerCase()) return bad(line, column, `Term "${term}" heeft hoofdletters.`, 'Schrijf termen in kleine letters.');
        if (!TERM.test(term)) return bad(line, column, `Term "${term}" heeft een teken dat niet in een term hoort.`, 'Schrijf een term met letters en cijfers, zonder "=", "<", ">" of "\\"; scheid termen met komma\'s en een richting met " => ".');
        list.push(term);
      }
      terms.push(list);
      offset += side.length + 2;
    }
    if (terms.length === 1 && terms[0].length < 2) return bad(line, 1, `Regel met één term ("${terms[0][0]}").`, 'Noem minstens twee gelijkwaardige termen ("a, b"), of een richting ("a => b").');
    rules.push(terms.length === 2 ? { from: terms[0], to: terms[1], line } : { from: terms[0], to: terms[0], line });
  });
  return { rules, problems };
}

/** Read the lexicon of the project at `root`; no file: no synonyms. */
export function readLexicon(root: string): { rules: LexiconRule[]; problems: Problem[] } {
  let text: string;
  try {
    text = readFileSync(join(root, LEXICON_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { rules: [], problems: [] };
    return { rules: [], problems: [problem('lexicon-syntax', LEXICON_FILE, undefined, `Het bestand kan niet worden gelezen: ${(e as Error).message}`)] };
  }
  return parseLexicon(text);
}
