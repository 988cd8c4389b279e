// Positioned problems (vfile-message style) and the catalogue of rules that produce them.
// Content problems are collected, never thrown: one run reports all of them.

export type Severity = 'error' | 'warning';

export interface Problem {
  file: string;
  line: number;
  column: number;
  ruleId: RuleId;
  severity: Severity;
  message: string;
  /** How to fix it, in the author's words. */
  fix?: string;
}

export interface Rule {
  title: string;
  severity: Severity;
  hint: string;
}

/** Every rule the pipeline reports, with the hint the author guide shows. */
export const RULES = {
  'encoding': { title: 'Bestand is geen geldige UTF-8', severity: 'error', hint: 'Sla het bestand op als UTF-8 (in de meeste editors: "Opslaan als" → codering UTF-8).' },
  'yaml-syntax': { title: 'Fout in de YAML', severity: 'error', hint: 'Controleer inspringing, dubbele punten en aanhalingstekens; een waarde met een dubbele punt zet je tussen aanhalingstekens.' },
  'frontmatter-missing': { title: 'Frontmatter ontbreekt', severity: 'error', hint: 'Begin het bestand met een blok tussen twee regels "---" (zie templates/case.md).' },
  'field-required': { title: 'Verplicht veld ontbreekt', severity: 'error', hint: 'Vul het veld in; templates/case.md laat alle velden zien.' },
  'field-type': { title: 'Veld heeft het verkeerde type', severity: 'error', hint: 'Gebruik het type dat het veld verwacht: tekst, lijst of getal.' },
  'field-value': { title: 'Waarde niet toegestaan', severity: 'error', hint: 'Kies een van de toegestane waarden.' },
  'inferred-field': { title: 'Onbekend veld in "afgeleid"', severity: 'error', hint: 'Noem onder "afgeleid" alleen velden die afgeleid kunnen zijn (zoals periode, niveaus, plaatsen, routetype), elk met de reden.' },
  'field-unknown': { title: 'Onbekend veld', severity: 'warning', hint: 'Verwijder het veld of corrigeer de spelling.' },
  'unknown-theme': { title: 'Onbekend thema', severity: 'error', hint: 'Gebruik een thema-id uit sources/codebook.yml, of stel een nieuw thema voor in het codeboek.' },
  'unknown-document': { title: 'Onbekend brondocument', severity: 'error', hint: 'Gebruik een id uit sources/documents.yml, of voeg het document daar toe.' },
  'unknown-place': { title: 'Onbekende plaats', severity: 'error', hint: 'Gebruik een id uit sources/places.yml, of voeg de plaats daar toe met provincie en coördinaten.' },
  'unknown-case': { title: 'Onbekende case', severity: 'error', hint: 'Gebruik de bestandsnaam (zonder .md) van een case in sources/cases/.' },
  'unknown-finding': { title: 'Onbekende bevinding', severity: 'error', hint: 'Verwijs met <case-of-notitie-id>#<bevinding-id> naar een bestaande bevinding.' },
  'duplicate-id': { title: 'Dubbele id', severity: 'error', hint: 'Ids moeten uniek zijn; geef een van beide een andere id.' },
  'invalid-id': { title: 'Ongeldige id', severity: 'error', hint: 'Een id bestaat uit kleine letters, cijfers en streepjes, bijvoorbeeld "reistijd-bus".' },
  'finding-empty': { title: 'Lege bevinding', severity: 'error', hint: 'Schrijf de bevinding uit in 1 tot 3 zinnen, of verwijder het lijstitem.' },
  'finding-attributes': { title: 'Kenmerken van een bevinding ontbreken of kloppen niet', severity: 'error', hint: 'Sluit elke bevinding af met {thema: thema-id, thema-id} en eventueel id, sectie, bron of steunt, gescheiden door ";".' },
  'finding-themes': { title: 'Aantal thema\'s klopt niet', severity: 'error', hint: 'Geef een bevinding 1 tot 4 thema\'s.' },
  'supports-not-thread': { title: '"steunt" buiten een rode draad', severity: 'error', hint: 'Alleen bevindingen onder "## Rode draden" kunnen met "steunt:" naar andere bevindingen verwijzen.' },
  'place-province': { title: 'Plaats ligt in een andere provincie', severity: 'warning', hint: 'Controleer de provincie van de case of van de plaats in sources/places.yml; leg een bewuste keuze uit in "kanttekening".' },
  'theme-unused': { title: 'Thema weinig gebruikt', severity: 'warning', hint: 'Een thema in het codeboek hoort bij minstens twee bevindingen te horen; gebruik het of verwijder het.' },
  'list-item-split': { title: 'Lijstitem lijkt gesplitst', severity: 'warning', hint: 'Een komma in een lijst tussen [ ] begint een nieuw item; zet een item met een komma tussen aanhalingstekens: ["Administratie (receptie, HRM)"].' },
  'few-findings': { title: 'Weinig knelpunten of succesfactoren', severity: 'warning', hint: 'Een case heeft bij voorkeur minstens 3 knelpunten en 3 succesfactoren; geeft de bron er minder, zeg dat dan in "kanttekening".' },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

export function problem(
  ruleId: RuleId,
  file: string,
  at: { line: number; column: number } | undefined,
  message: string,
  fix?: string,
): Problem {
  return {
    file,
    line: at?.line ?? 1,
    column: at?.column ?? 1,
    ruleId,
    severity: RULES[ruleId].severity,
    message,
    fix: fix ?? RULES[ruleId].hint,
  };
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId),
  );
}

/** `file:line:col  message  (how to fix)` — one line per problem. */
export function formatProblem(p: Problem): string {
  const tag = p.severity === 'error' ? 'fout' : 'waarschuwing';
  return `${p.file}:${p.line}:${p.column}  ${tag}: ${p.message}  (${p.fix})  [${p.ruleId}]`;
}

export function formatReport(problems: readonly Problem[]): string {
  const sorted = sortProblems(problems);
  const errors = sorted.filter((p) => p.severity === 'error').length;
  const warnings = sorted.length - errors;
  const lines = sorted.map(formatProblem);
  lines.push(`${errors} ${errors === 1 ? 'fout' : 'fouten'}, ${warnings} ${warnings === 1 ? 'waarschuwing' : 'waarschuwingen'}`);
  return lines.join('\n');
}

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === 'error');
