// Limits on what one source file may hold, checked before the work they would make expensive
// (the checks: pipeline/parse/limits.ts and pipeline/load/). Each value is far above what the real corpus needs (maxima measured on sources/ in the
// comments; test/pipeline/limits.test.ts keeps every real file under half of each limit) and
// far below what hurts: remark's parser is superlinear in nested markup and list depth, the
// layouts render every finding, and paths longer than 255 bytes cannot be written.
export const LIMITS = {
  /** Bytes in a case or note. Largest real file: 40 kB (a note with 71 findings). */
  fileBytes: 256 * 1024,
  /** Bytes in codebook.yml, documents.yml or places.yml. Largest real one: 18 kB (the codebook). */
  dataFileBytes: 512 * 1024,
  /** Findings in one case or note. Real maximum: 71. */
  findingsPerFile: 300,
  /** Characters of one finding's text. Real maximum: 707 (a rode draad). */
  findingChars: 2000,
  /** Levels of lists and block quotes. Real maximum: 1. */
  nesting: 10,
  /** List items and block quotes (markers `-`, `*`, `+`, `1.`, `>`) in one file. Real maximum: 78. */
  listItems: 500,
  /** Markup characters (* _ [ ] ` <) in the markdown of one file. Real maximum: 42. */
  markupChars: 1000,
  /** Characters in an id: file names, finding ids, ids in the data files. Real maximum: 38. */
  idChars: 64,
  /** Levels of nested blocks and lists in YAML. Real maximum: 3 (codebook synonyms). */
  yamlDepth: 10,
} as const;

/** The limits as the author guide lists them (in Dutch). */
export const LIMIT_GUIDE: { limit: keyof typeof LIMITS; what: string; max: string }[] = [
  { limit: 'fileBytes', what: 'Grootte van een case of notitie', max: kB(LIMITS.fileBytes) },
  { limit: 'dataFileBytes', what: 'Grootte van codebook.yml, documents.yml of places.yml', max: kB(LIMITS.dataFileBytes) },
  { limit: 'findingsPerFile', what: 'Bevindingen in één bestand', max: String(LIMITS.findingsPerFile) },
  { limit: 'findingChars', what: 'Tekens in één bevinding', max: nl(LIMITS.findingChars) },
  { limit: 'nesting', what: 'Niveaus van lijsten en citaten (>) in elkaar', max: String(LIMITS.nesting) },
  { limit: 'listItems', what: 'Lijstitems en citaten (>) in één bestand', max: String(LIMITS.listItems) },
  { limit: 'markupChars', what: 'Opmaaktekens (* _ [ ] ` <) in één bestand', max: nl(LIMITS.markupChars) },
  { limit: 'idChars', what: 'Tekens in een id (bestandsnaam, bevinding-id, id in een databestand)', max: String(LIMITS.idChars) },
  { limit: 'yamlDepth', what: 'Niveaus van blokken en lijsten in elkaar in YAML', max: String(LIMITS.yamlDepth) },
];

/** 1000 → "1 000" (Dutch digit grouping with a space). */
export function nl(n: number): string {
  return n.toLocaleString('nl-NL').replace(/\./g, ' ');
}

/** 131072 → "128 kB", 20 MB and more in MB. */
export function kB(bytes: number): string {
  return bytes >= 10 * 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} kB`;
}
