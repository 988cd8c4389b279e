// Where a phrase of several words occurs in a query's words: the one loop behind names, themes,
// synonyms and parts of the country that a query may name in more than one word.

/** Start positions of `phrase` in a list of `n` words, `at(i, p)` telling whether word i is phrase word p. */
export function phraseStarts(phrase: readonly string[], n: number, at: (i: number, p: string) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i + phrase.length <= n; i++) if (phrase.every((p, k) => at(i + k, p))) out.push(i);
  return out;
}
