// Positioned problems (vfile-message style) and the catalogue of rules that produce them.
// Content problems are collected, never thrown: one run reports all of them.
import { kB, LIMITS, nl } from './limits.ts';

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
  /** The original text behind the message, e.g. the YAML parser's own words. */
  detail?: string;
}

export interface Rule {
  title: string;
  severity: Severity;
  hint: string;
}

/** Every rule the pipeline reports, with the hint the author guide shows. */
export const RULES = {
  'file-missing': { title: 'Bestand ontbreekt', severity: 'error', hint: 'Maak het bestand aan (zie README). Meldingen die uit het ontbreken volgen, zoals onbekende thema\'s, worden pas getoond als het er is.' },
  'symlink': { title: 'Symbolische link in de bronnen', severity: 'error', hint: 'Zet het bestand zelf in de map in plaats van een link ernaar; links worden nooit gevolgd.' },
  'not-a-file': { title: 'Geen gewoon bestand', severity: 'error', hint: 'Alleen gewone bestanden worden gelezen; haal het weg.' },
  'file-skipped': { title: 'Bestand wordt overgeslagen', severity: 'warning', hint: 'Alleen bestanden die op .md eindigen (kleine letters) worden gelezen, geen mappen; hernoem het bestand.' },
  'encoding': { title: 'Bestand is geen geldige UTF-8', severity: 'error', hint: 'Sla het bestand op als UTF-8 (in de meeste editors: "Opslaan als" → codering UTF-8).' },
  'yaml-syntax': { title: 'Fout in de YAML', severity: 'error', hint: 'Controleer inspringing, dubbele punten en aanhalingstekens; een waarde met een dubbele punt zet je tussen aanhalingstekens.' },
  'frontmatter-language': { title: 'Frontmatter in een andere taal dan YAML', severity: 'error', hint: 'Begin het bestand met een regel met alleen "---"; alleen YAML wordt gelezen, nooit JavaScript of een andere taal.' },
  'frontmatter-unclosed': { title: 'Frontmatter niet afgesloten', severity: 'error', hint: 'Sluit het blok bovenaan af met een regel met alleen "---", vóór de eerste kop of tekst.' },
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
  'reserved-id': { title: 'Id is al in gebruik door de site', severity: 'error', hint: 'Deze id gebruikt de opmaak van de pagina zelf; kies een andere, bijvoorbeeld met een woord ervoor.' },
  'output-conflict': { title: 'Twee pagina\'s op hetzelfde adres', severity: 'error', hint: 'Geef de rode draad of het bestand een andere id, zodat elk adres op de site één pagina heeft.' },
  'invalid-id': { title: 'Ongeldige id', severity: 'error', hint: 'Een id bestaat uit kleine letters, cijfers en streepjes, bijvoorbeeld "reistijd-bus".' },
  'placeholder': { title: 'Tekst uit het sjabloon', severity: 'error', hint: 'Vervang elke tekst met VUL IN of VOORBEELD door je eigen tekst, of haal de regel weg; anders komt de sjabloontekst op de site.' },
  'finding-heading': { title: 'Bevindingen onder een kop die geen type noemt', severity: 'error', hint: 'Zet bevindingen onder ## Knelpunten, ## Succesfactoren, ## Lessen (of ## Aanbevelingen) of ## Rode draden. Onder een andere kop is een lijst gewone tekst, zonder kenmerkenblok {…}.' },
  'finding-html': { title: 'Bevinding met HTML', severity: 'error', hint: 'Schrijf een bevinding als gewone tekst: HTML wordt niet gepubliceerd. Wil je het teken < tonen, zet er dan een \\ voor (\\<).' },
  'no-findings': { title: 'Geen bevindingen', severity: 'error', hint: 'Een case of notitie heeft minstens één bevinding: een lijstitem onder ## Knelpunten, ## Succesfactoren, ## Lessen of ## Rode draden, met {thema: …} erachter.' },
  'thread-title': { title: 'Titel van een bevinding klopt niet', severity: 'error', hint: 'Alleen een rode draad krijgt een eigen titel (titel: …), van hoogstens 80 tekens; laat hem anders weg.' },
  'finding-empty': { title: 'Lege bevinding', severity: 'error', hint: 'Schrijf de bevinding uit in 1 tot 3 zinnen, of verwijder het lijstitem.' },
  'finding-attributes': { title: 'Kenmerken van een bevinding ontbreken of kloppen niet', severity: 'error', hint: 'Sluit elke bevinding af met {thema: thema-id, thema-id} en eventueel id, sectie, bron of steunt, gescheiden door ";".' },
  'finding-themes': { title: 'Aantal thema\'s klopt niet', severity: 'error', hint: 'Geef een bevinding 1 tot 4 thema\'s.' },
  'supports-not-thread': { title: '"steunt" buiten een rode draad', severity: 'error', hint: 'Alleen bevindingen onder "## Rode draden" kunnen met "steunt:" naar andere bevindingen verwijzen.' },
  'lexicon-syntax': { title: 'Regel in de synoniemenlijst van de zoekfunctie klopt niet', severity: 'error', hint: 'Schrijf in search/lexicon/synoniemen.txt per regel gelijkwaardige termen met komma\'s ("docent, leraar") of een richting ("manager => leidinggevende"), in kleine letters; # begint commentaar.' },
  'place-province': { title: 'Plaats ligt in een andere provincie', severity: 'warning', hint: 'Controleer de provincie van de case of van de plaats in sources/places.yml; leg een bewuste keuze uit in "kanttekening".' },
  'theme-unused': { title: 'Thema weinig gebruikt', severity: 'warning', hint: 'Een thema in het codeboek hoort bij minstens twee bevindingen te horen; gebruik het of verwijder het.' },
  'list-item-split': { title: 'Lijstitem lijkt gesplitst', severity: 'warning', hint: 'Een komma in een lijst tussen [ ] begint een nieuw item; zet een item met een komma tussen aanhalingstekens: ["Administratie (receptie, HRM)"].' },
  'limit-file-size': { title: 'Bestand te groot', severity: 'error', hint: `Een case of notitie is hoogstens ${kB(LIMITS.fileBytes)}, een databestand hoogstens ${kB(LIMITS.dataFileBytes)}; splits het bestand of kort het in.` },
  'limit-findings': { title: 'Te veel bevindingen in één bestand', severity: 'error', hint: `Hoogstens ${LIMITS.findingsPerFile} bevindingen per bestand; verdeel ze over meer cases of notities.` },
  'limit-finding-length': { title: 'Bevinding te lang', severity: 'error', hint: `Een bevinding is hoogstens ${nl(LIMITS.findingChars)} tekens (één tot drie zinnen); splits haar in meer bevindingen.` },
  'limit-nesting': { title: 'Te diep genest', severity: 'error', hint: `Lijsten en citaten hoogstens ${LIMITS.nesting} niveaus in elkaar, YAML hoogstens ${LIMITS.yamlDepth} niveaus; maak de structuur platter.` },
  'limit-list-items': { title: 'Te veel lijstitems of citaten', severity: 'error', hint: `Hoogstens ${LIMITS.listItems} lijstitems en citaten (>) per bestand; verdeel de inhoud over meer bestanden.` },
  'limit-markup': { title: 'Te veel opmaaktekens', severity: 'error', hint: `Hoogstens ${nl(LIMITS.markupChars)} opmaaktekens (* _ [ ] \` <) per bestand; gebruik minder opmaak of splits het bestand.` },
  'limit-id-length': { title: 'Id te lang', severity: 'error', hint: `Een id (bestandsnaam, bevinding-id, id in een databestand) is hoogstens ${LIMITS.idChars} tekens; kies een kortere.` },
  'internal': { title: 'Interne fout', severity: 'error', hint: 'Dit is een fout in de software, niet in je bestand: meld het, met deze melding erbij.' },
  'few-findings': { title: 'Weinig knelpunten of succesfactoren', severity: 'warning', hint: 'Een case heeft bij voorkeur minstens 3 knelpunten en 3 succesfactoren; geeft de bron er minder, zeg dat dan in "kanttekening".' },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

export function problem(
  ruleId: RuleId,
  file: string,
  at: { line: number; column: number } | undefined,
  message: string,
  fix?: string,
  detail?: string,
): Problem {
  return {
    file,
    line: at?.line ?? 1,
    column: at?.column ?? 1,
    ruleId,
    severity: RULES[ruleId].severity,
    message,
    fix: fix ?? RULES[ruleId].hint,
    ...(detail ? { detail } : {}),
  };
}

/** Root causes first (a missing file explains what follows), then by file and position. */
const rank = (p: Problem) => (p.ruleId === 'file-missing' ? 0 : 1);

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      rank(a) - rank(b) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId),
  );
}

/** `file:line:col  message  (how to fix)  [rule]` — one line per problem; the detail, if any, last. */
export function formatProblem(p: Problem): string {
  const tag = p.severity === 'error' ? 'fout' : 'waarschuwing';
  return `${p.file}:${p.line}:${p.column}  ${tag}: ${p.message}  (${p.fix})  [${p.ruleId}${p.detail ? `; parser: ${p.detail}` : ''}]`;
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
