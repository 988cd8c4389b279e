// Parts of the country by the words people use for them ("in het noorden", "zuidelijke scholen",
// "de Randstad"), each the provinces it covers: the landsdelen of the CBS (Noord, Oost, West, Zuid)
// and the Randstad. Matched on the folded words as typed, not on stems: "noorden" names the north,
// the "noord" of Noord-Holland does not.

import { phraseStarts } from './phrases.ts';

const NORTH = ['groningen', 'friesland', 'drenthe'];
const EAST = ['overijssel', 'flevoland', 'gelderland'];
const WEST = ['utrecht', 'noord-holland', 'zuid-holland', 'zeeland'];
const SOUTH = ['noord-brabant', 'limburg'];

/** Region phrases (folded words, space-separated) and the province ids they cover. */
export const REGIONS: [string, string[]][] = [
  ...['noorden', 'noordelijk', 'noordelijke', 'noord nederland', 'noord nl'].map((p): [string, string[]] => [p, NORTH]),
  ...['oosten', 'oostelijk', 'oostelijke', 'oost nederland', 'oost nl'].map((p): [string, string[]] => [p, EAST]),
  ...['westen', 'westelijk', 'westelijke', 'west nederland', 'west nl'].map((p): [string, string[]] => [p, WEST]),
  ...['zuiden', 'zuidelijk', 'zuidelijke', 'zuid nederland', 'zuid nl'].map((p): [string, string[]] => [p, SOUTH]),
  ['randstad', ['noord-holland', 'zuid-holland', 'utrecht']],
];

/** Per province id, the query words (indices) that name its region. */
export function regionProvinces(words: readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [phrase, provinces] of REGIONS) {
    const ps = phrase.split(' ');
    for (const i of phraseStarts(ps, words.length, (j, p) => words[j] === p)) {
      for (const id of provinces) out.set(id, [...(out.get(id) ?? []), ...ps.map((_, k) => i + k)]);
    }
  }
  return out;
}
