// Stage 3 — validate: schemas, codebook, references and unique ids. Every problem is collected
// with its position; only what passes reaches the later stages.
import { isPlaceholder } from '../parse/placeholders.ts';
import type { ZodObject } from 'zod';
import type { ParsedData, ParsedEntry, RawFinding } from '../parse/index.ts';
import { problem, type Problem } from '../problems.ts';
import type {
  CaseEntry,
  CaseId,
  CaseMeta,
  Codebook,
  DocumentId,
  Entry,
  Finding,
  FindingId,
  NoteEntry,
  NoteId,
  NoteMeta,
  Place,
  SourceDocument,
  Theme,
  ThemeId,
} from '../types.ts';
import { aliasesOf, didYouMean, type Aliases } from '../util/suggest.ts';
import { codebookSchema, caseSchema, documentsSchema, knownKeys, noteSchema, placesSchema } from './schemas.ts';
import { splitItemProblems, unknownKeyProblems, zodProblems, type AllowedFor } from './issues.ts';
import { referenceProblem, threadTitleProblems } from './findings.ts';
import { DOCUMENT_KINDS, ids, INFERABLE_CASE_FIELDS, INFERABLE_DOCUMENT_FIELDS, NOTE_KINDS, PROVINCES, ROUTE_TYPES, SECTORS, type Term } from '../vocabulary.ts';
import { LIMITS } from '../limits.ts';
import { idTooLong } from '../parse/limits.ts';
import { isReservedId, reservedIdProblem, threadConflicts } from './site-ids.ts';
import { slugify } from '../util/text.ts';

export interface ValidModel {
  cases: CaseEntry[];
  notes: NoteEntry[];
  codebook: Codebook;
  documents: SourceDocument[];
  places: Place[];
}

export interface ValidateInput {
  entries: ParsedEntry[];
  codebook: ParsedData | null;
  documents: ParsedData | null;
  places: ParsedData | null;
}

export const urlFor = (collection: 'cases' | 'notes', id: string): string => (collection === 'cases' ? `/cases/${id}/` : `/notities/${id}/`);

const vocabulary = (terms: readonly Term[]) => ({ values: ids(terms), aliases: aliasesOf(terms) });
const ALLOWED_BY_FIELD: Record<string, { values: string[]; aliases?: Aliases }> = {
  provincie: vocabulary(PROVINCES),
  sectoren: vocabulary(SECTORS),
  routetype: vocabulary(ROUTE_TYPES),
  soort: vocabulary(NOTE_KINDS),
  afgeleid: { values: [...INFERABLE_CASE_FIELDS] },
};
const allowedFor: AllowedFor = (path) => (Object.hasOwn(ALLOWED_BY_FIELD, String(path[0])) ? ALLOWED_BY_FIELD[String(path[0])] : undefined);
/** documents.yml and places.yml are lists: the field name follows the item index */
const allowedForDocument: AllowedFor = (path) => (path[1] === 'afgeleid' ? { values: [...INFERABLE_DOCUMENT_FIELDS] } : path[1] === 'soort' ? vocabulary(DOCUMENT_KINDS) : undefined);
const allowedForPlace: AllowedFor = (path) => (path[1] === 'provincie' ? vocabulary(PROVINCES) : undefined);

function validateData<T>(parsed: ParsedData | null, schema: { safeParse(d: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } }, problems: Problem[], allowed: AllowedFor = allowedFor): T | null {
  if (!parsed) return null;
  problems.push(...parsed.problems);
  if (parsed.data === null) return null;
  const r = schema.safeParse(parsed.data);
  if (!r.success) {
    problems.push(...zodProblems(parsed.path, parsed.data, r.error, parsed.pointAt, allowed));
    return null;
  }
  return r.data;
}

function checkUnique<T extends { id: string }>(items: T[], parsed: ParsedData, key: string, problems: Problem[]): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      const firstAt = parsed.pointAt(key ? [key, first, 'id'] : [first, 'id']);
      problems.push(problem('duplicate-id', parsed.path, parsed.pointAt(key ? [key, i, 'id'] : [i, 'id']), `id "${item.id}" komt twee keer voor (eerste keer op regel ${firstAt.line})`));
    } else seen.set(item.id, i);
  });
}

export function validate(input: ValidateInput): { model: ValidModel; problems: Problem[] } {
  const problems: Problem[] = [];

  // A data file that is missing or broken is reported once; the checks that need it are skipped
  // (a missing codebook would otherwise make every theme of every finding "unknown").
  const codebook = validateData(input.codebook, codebookSchema, problems) as Codebook | null;
  const documentsOrNull = validateData(input.documents, documentsSchema, problems, allowedForDocument) as SourceDocument[] | null;
  const placesOrNull = validateData(input.places, placesSchema, problems, allowedForPlace) as Place[] | null;
  const documents = documentsOrNull ?? [];
  const places = placesOrNull ?? [];
  if (codebook && input.codebook) {
    checkUnique(codebook.domeinen, input.codebook, 'domeinen', problems);
    checkUnique(codebook.themas, input.codebook, 'themas', problems);
    const domainIds = codebook.domeinen.map((d) => d.id);
    codebook.themas.forEach((t, i) => {
      if (!domainIds.includes(t.domein))
        problems.push(problem('field-value', input.codebook!.path, input.codebook!.pointAt(['themas', i, 'domein']), `domein "${t.domein}" bestaat niet ${didYouMean(t.domein, domainIds)}`.trim(), `Toegestaan: ${domainIds.join(', ')}.`));
    });
  }
  if (input.documents) checkUnique(documents, input.documents, '', problems);
  if (input.places) checkUnique(places, input.places, '', problems);

  const themeIds = codebook ? codebook.themas.map((t) => t.id) : null;
  const themeAliases = codebook ? aliasesOf(codebook.themas) : new Map<string, string>();
  const documentIds = documentsOrNull ? documentsOrNull.map((d) => d.id) : null;
  const placeById = new Map(places.map((p) => [p.id as string, p]));
  const placeAliases = aliasesOf(places.map((p) => ({ id: p.id, label: p.naam })));
  const caseIds = input.entries.filter((e) => e.collection === 'cases').map((e) => e.id);
  const themes: ThemeCheck = { ids: themeIds, aliases: themeAliases };

  const entries: Entry[] = [];
  const entryByFindingOwner = new Map<string, ParsedEntry>();
  /** findings of files left out of the model for frontmatter errors */
  const setAsideFindings = new Map<string, Finding>();
  /** files whose markdown was not parsed (a limit): references to their findings are not checked */
  const unparsed = new Set<string>();
  for (const parsed of input.entries) {
    problems.push(...parsed.problems);
    const { data, pointAt } = parsed.frontmatter;
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(parsed.id)) {
      problems.push(problem('invalid-id', parsed.path, { line: 1, column: 1 }, `bestandsnaam "${parsed.id}.md" is geen geldige id`, 'Gebruik kleine letters, cijfers en streepjes; npm run new maakt de naam voor je.'));
    } else if (parsed.id.length > LIMITS.idChars) {
      problems.push(idTooLong(parsed.path, undefined, 'de bestandsnaam (zonder .md)', parsed.id.length));
    } else if (isReservedId(parsed.id)) {
      problems.push(reservedIdProblem(parsed.path, undefined, 'bestandsnaam', parsed.id));
    }
    if (!parsed.bodyParsed) unparsed.add(parsed.id);
    // a file without findings adds nothing to the knowledge base (unless a problem above already
    // says why, or its frontmatter could not be read: that is the one thing to fix first)
    if (data && parsed.bodyParsed && parsed.findings.length === 0 && !parsed.problems.some((p) => p.ruleId.startsWith('finding-') || p.ruleId.startsWith('frontmatter-'))) {
      const kind = parsed.collection === 'cases' ? 'case' : 'notitie';
      problems.push(problem('no-findings', parsed.path, parsed.frontmatter.end, `deze ${kind} heeft geen bevindingen`));
    }
    const other = entryByFindingOwner.get(parsed.id);
    if (other) {
      problems.push(problem('duplicate-id', parsed.path, { line: 1, column: 1 }, `id "${parsed.id}" wordt ook gebruikt door ${other.path}`, 'Geef een van beide bestanden een andere naam.'));
      continue;
    }
    entryByFindingOwner.set(parsed.id, parsed);
    // A file whose frontmatter is wrong stays out of the model, but its findings are still checked
    // (all problems in one run), and references to them are not reported as missing.
    const setAside = () => {
      const fallback = { bron: typeof data?.bron === 'string' ? data.bron : '', sectie: typeof data?.sectie === 'string' ? data.sectie : '' } as CaseMeta;
      for (const f of entryFindings(parsed, fallback, themes, documentIds, problems)) setAsideFindings.set(f.id, f);
    };
    if (!data) {
      setAside();
      continue;
    }
    const schema = (parsed.collection === 'cases' ? caseSchema : noteSchema) as unknown as ZodObject;
    problems.push(...unknownKeyProblems(parsed.path, data, knownKeys(schema), pointAt));
    const r = schema.safeParse(data);
    if (!r.success) {
      problems.push(...zodProblems(parsed.path, data, r.error, pointAt, allowedFor));
      setAside();
      continue;
    }
    const meta = r.data as unknown as CaseMeta | NoteMeta;
    problems.push(...splitItemProblems(parsed.path, data, pointAt));
    if (documentIds && !documentIds.includes(meta.bron)) {
      problems.push(problem('unknown-document', parsed.path, pointAt(['bron']), `brondocument "${meta.bron}" bestaat niet ${didYouMean(meta.bron, documentIds)}`.trim(), `Bekende documenten: ${documentIds.join(', ')}.`));
    }
    if (parsed.collection === 'cases') {
      const cm = meta as CaseMeta;
      cm.plaatsen.forEach((pid, i) => {
        const place = placeById.get(pid);
        if (!placesOrNull) return;
        if (!place) {
          problems.push(problem('unknown-place', parsed.path, pointAt(['plaatsen', i]), `plaats "${pid}" staat niet in sources/places.yml ${didYouMean(pid, [...placeById.keys()], placeAliases)}`.trim()));
        } else if (place.provincie !== cm.provincie && !cm.kanttekening) {
          problems.push(problem('place-province', parsed.path, pointAt(['plaatsen', i]), `${place.naam} ligt in ${place.provincie}, de case staat in ${cm.provincie}`));
        }
      });
      const count = (t: string) => parsed.findings.filter((f) => f.type === t).length;
      if ((count('knelpunt') < 3 || count('succesfactor') < 3) && !cm.kanttekening && parsed.bodyParsed && parsed.findings.length > 0) {
        problems.push(problem('few-findings', parsed.path, { line: 1, column: 1 }, `${count('knelpunt')} knelpunten en ${count('succesfactor')} succesfactoren`));
      }
    } else {
      (meta as NoteMeta).cases.forEach((cid, i) => {
        if (!caseIds.includes(cid)) problems.push(problem('unknown-case', parsed.path, pointAt(['cases', i]), `case "${cid}" bestaat niet ${didYouMean(cid, caseIds)}`.trim()));
      });
    }

    const findings = entryFindings(parsed, meta, themes, documentIds, problems);
    const base = { path: parsed.path, url: urlFor(parsed.collection, parsed.id), proseHtml: parsed.proseHtml, proseText: parsed.proseText, findings };
    entries.push(parsed.collection === 'cases' ? { ...base, collection: 'cases', id: parsed.id as CaseId, meta: meta as CaseMeta } : { ...base, collection: 'notes', id: parsed.id as NoteId, meta: meta as NoteMeta });
  }

  // References between findings (rode draden → supporting findings), once all ids are known.
  const allFindings = new Map<string, Finding>();
  for (const e of entries) for (const f of e.findings) allFindings.set(f.id, f);
  for (const e of entries) {
    const parsed = entryByFindingOwner.get(e.id)!;
    for (const f of e.findings) {
      const raw = parsed.findings.find((r) => r.localId === f.localId)!;
      f.supports = [];
      const known = (id: string) => allFindings.has(id) || setAsideFindings.has(id);
      raw.lists.steunt.forEach(({ value: ref, at }) => {
        const full = (ref.includes('#') ? ref : `${e.id}#${ref}`) as FindingId;
        if (setAsideFindings.has(full) || unparsed.has(full.split('#')[0])) return; // its own file's errors are reported
        if (!allFindings.has(full)) problems.push(referenceProblem(e.path, e.id, ref, at, known, [...allFindings.keys(), ...setAsideFindings.keys()]));
        else if (full === f.id) problems.push(problem('unknown-finding', e.path, at, 'een rode draad kan niet naar zichzelf verwijzen'));
        else f.supports.push(full);
      });
    }
  }

  problems.push(...threadConflicts(input.entries, themeIds ?? []));

  // Themes are meant to recur: warn about codebook themes used by fewer than two findings.
  if (codebook && input.codebook) {
    const uses = new Map<string, number>();
    // the template's example findings (VOORBEELD) are an error of their own and use no theme
    for (const f of [...allFindings.values(), ...setAsideFindings.values()]) if (!isPlaceholder(f.text)) for (const t of f.themes) uses.set(t, (uses.get(t) ?? 0) + 1);
    codebook.themas.forEach((t, i) => {
      const n = uses.get(t.id) ?? 0;
      if (n < 2 && entries.length > 0) problems.push(problem('theme-unused', input.codebook!.path, input.codebook!.pointAt(['themas', i, 'id']), `thema "${t.id}" wordt door ${n} ${n === 1 ? 'bevinding' : 'bevindingen'} gebruikt`));
    });
  }

  const cases = entries.filter((e): e is CaseEntry => e.collection === 'cases');
  const notes = entries.filter((e): e is NoteEntry => e.collection === 'notes');
  return {
    model: { cases, notes, codebook: codebook ?? { domeinen: [], themas: [] as Theme[] }, documents, places },
    problems,
  };
}

/** The codebook's theme ids (null when the codebook is broken) and their labels and synonyms. */
interface ThemeCheck {
  ids: string[] | null;
  aliases: Aliases;
}

/** The findings of one file, each checked; a repeated id is reported and the repeat left out. */
function entryFindings(parsed: ParsedEntry, meta: CaseMeta | NoteMeta, themes: ThemeCheck, documentIds: string[] | null, problems: Problem[]): Finding[] {
  const findings: Finding[] = [];
  const firstLine = new Map<string, number>();
  for (const raw of parsed.findings) {
    const prev = firstLine.get(raw.localId);
    if (prev !== undefined) {
      problems.push(problem('duplicate-id', parsed.path, raw.at.id ?? raw.position, `bevinding-id "${raw.localId}" staat al op regel ${prev}`, raw.explicitId ? 'Geef deze bevinding een andere id.' : 'Twee bevindingen beginnen met dezelfde woorden: geef er een een eigen id met {id: …}.'));
      continue;
    }
    firstLine.set(raw.localId, raw.position.line);
    if (isReservedId(raw.localId)) problems.push(reservedIdProblem(parsed.path, raw.at.id ?? raw.position, 'bevinding-id', raw.localId));
    findings.push(resolveFinding(parsed, raw, meta, themes, documentIds, problems));
  }
  return findings;
}

function resolveFinding(parsed: ParsedEntry, raw: RawFinding, meta: CaseMeta | NoteMeta, themes: ThemeCheck, documentIds: string[] | null, problems: Problem[]): Finding {
  const themeIds = themes.ids;
  const at = raw.at.thema ?? raw.block ?? raw.position;
  // a missing {…} block is reported by the parser; an empty one ({} or { }) here
  if (raw.themes.length === 0 && raw.block) {
    const empty = Object.keys(raw.at).length === 0;
    problems.push(problem('finding-themes', parsed.path, at, empty ? 'leeg kenmerkenblok {}: de bevinding heeft geen thema' : 'bevinding zonder thema', 'Voeg {thema: …} toe met 1 tot 4 thema-ids uit sources/codebook.yml.'));
  } else if (raw.themes.length > 4) {
    problems.push(problem('finding-themes', parsed.path, at, `${raw.themes.length} thema's; het maximum is 4`));
  }
  const seen = new Set<string>();
  raw.lists.thema.forEach(({ value: t, at: valueAt }) => {
    if (themeIds && !themeIds.includes(t)) {
      const meant = themes.aliases.get(slugify(t));
      const fix = meant && themeIds.includes(meant)
        ? `"${t}" is een synoniem van het thema "${meant}"; schrijf in {thema: …} de thema-id.`
        : 'Gebruik een thema-id uit sources/codebook.yml (zie de pagina Methode), of stel een nieuw thema voor.';
      problems.push(problem('unknown-theme', parsed.path, valueAt, `onbekend thema "${t}" ${didYouMean(t, themeIds, themes.aliases)}`.trim(), fix));
    } else if (seen.has(t)) {
      problems.push(problem('finding-themes', parsed.path, valueAt, `thema "${t}" staat twee keer bij dezelfde bevinding`));
    }
    seen.add(t);
  });
  problems.push(...threadTitleProblems(parsed.path, raw));
  if (raw.bron && documentIds && !documentIds.includes(raw.bron)) {
    problems.push(problem('unknown-document', parsed.path, raw.at.bron ?? raw.position, `brondocument "${raw.bron}" bestaat niet ${didYouMean(raw.bron, documentIds)}`.trim()));
  }
  if (raw.at.steunt && raw.type !== 'rode-draad') {
    problems.push(problem('supports-not-thread', parsed.path, raw.at.steunt, `"steunt" bij een ${raw.type}`));
  }
  return {
    id: `${parsed.id}#${raw.localId}` as FindingId,
    localId: raw.localId,
    explicitId: raw.explicitId,
    type: raw.type,
    text: raw.text,
    html: raw.html,
    ...(raw.titel ? { title: raw.titel } : {}),
    themes: [...seen].filter((t) => themeIds?.includes(t)) as ThemeId[],
    group: raw.group,
    owner: { collection: parsed.collection, id: parsed.id },
    source: { document: (raw.bron ?? meta.bron) as DocumentId, section: raw.sectie ?? meta.sectie },
    supports: [],
    position: raw.position,
  };
}
