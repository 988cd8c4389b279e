// The headings that name a finding type (`## Knelpunten` …), and a guess at the one an author
// meant when a heading above findings names none ("## Knelpunten en problemen", "## Wat hielp").
import type { FindingType } from '../types.ts';
import { suggest } from '../util/suggest.ts';
import { fold, squash } from '../util/text.ts';

const TYPE_BY_HEADING: Record<string, FindingType> = {
  knelpunten: 'knelpunt',
  knelpunt: 'knelpunt',
  succesfactoren: 'succesfactor',
  succesfactor: 'succesfactor',
  'rode draden': 'rode-draad',
  'rode draad': 'rode-draad',
  lessen: 'les',
  les: 'les',
  aanbevelingen: 'les',
  'lessen en aanbevelingen': 'les',
};

export const HEADING_BY_TYPE: Record<FindingType, string> = {
  knelpunt: 'Knelpunten',
  succesfactor: 'Succesfactoren',
  'rode-draad': 'Rode draden',
  les: 'Lessen',
};

/**
 * Words in a heading that point at a type, most specific first. A heading that contains one is
 * meant as that type ("Knelpunten en problemen", "Wat hielp", "Geleerde lessen").
 */
const HINTS: [RegExp, FindingType][] = [
  [/\brode draad|\brode draden|\bterugkerend|\bpatronen\b/, 'rode-draad'],
  [/\bknelpunt|\bprobleem|\bproblemen\b|\bobstakel|\bbelemmer|\bdrempel|\buitdaging|\bstruikel|\bmoeilijk|\bbottleneck|\bniet (?:goed )?(?:werkte|hielp|ging)|\bwat (?:lastig|moeilijk) was/, 'knelpunt'],
  [/\bsucces|\bwat (?:hielp|werkte|goed ging)|\bhielp\b|\bwerkzaam|\bsterke punten|\bbevorder|\bhelpend/, 'succesfactor'],
  [/\bles\b|\blessen\b|\baanbevel|\bgeleerd|\bleerpunt|\btips?\b|\badvie[sz]|\binzicht|\bwat we leerden/, 'les'],
];

/** The finding type a heading names, or undefined for any other heading. */
export function headingType(text: string): FindingType | undefined {
  const key = fold(squash(text)).replace(/[:.]$/, '');
  return Object.hasOwn(TYPE_BY_HEADING, key) ? TYPE_BY_HEADING[key] : undefined;
}

/** The type heading an author probably meant, e.g. "Wat hielp" → "Succesfactoren"; or undefined. */
export function suggestHeading(text: string): string | undefined {
  const folded = fold(squash(text));
  for (const [re, type] of HINTS) if (re.test(folded)) return HEADING_BY_TYPE[type];
  const near = suggest(folded, Object.keys(TYPE_BY_HEADING)); // a typo: "Knelpunen", "Succesfactoren:"
  return near ? HEADING_BY_TYPE[TYPE_BY_HEADING[near]] : undefined;
}
