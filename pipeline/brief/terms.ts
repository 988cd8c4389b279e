// The words of a finding that say *what* it is about, for grouping similar findings: the search's
// Dutch analysis (search/core/analysis.ts: diacritics folded, stop words dropped, the
// lunr-languages Dutch stemmer with the search's fixes), after leaving out what ties findings to
// one place rather than one idea — names of people, schools and towns (capitalised words inside a
// sentence) and numbers.
import { nodeAnalyzer } from '../../search/node.ts';

const analyzer = nodeAnalyzer();

/** Two or more capitalised words in a row, with Dutch name particles: "Ciska Plas", "Philips van Horne". */
const NAME_RUN = /\b\p{Lu}[\p{Ll}'’-]+(?:\s+(?:(?:van|de|der|den|ter|het|te)\s+)*\p{Lu}[\p{Ll}'’-]+)+/gu;
/** A capitalised word that does not open a sentence (or a quote, or a list after a colon). */
const NAME = /(?<![.!?:;]\s*|^\s*|["“„'‘(]\s*)\b\p{Lu}[\p{Ll}\p{Lu}'’-]*/gu;
/** All-capital abbreviations (PTA, LOB, OER, mbo written as MBO) carry meaning and stay. */
const ACRONYM = /^\p{Lu}{2,}$/u;

/** Text with names and numbers removed. */
export function withoutNames(text: string): string {
  return text
    .replace(NAME_RUN, ' ')
    .replace(NAME, (w) => (ACRONYM.test(w) ? w : ' '))
    .replace(/\p{N}+/gu, ' ');
}

/** Stems of the content words of a text, in order (repeats kept, for term frequency). */
export function contentTerms(text: string): string[] {
  // one- and two-letter stems ("vo", "ga") say little about what a finding is about
  return analyzer.terms(withoutNames(text)).filter((s) => s.length > 2);
}
