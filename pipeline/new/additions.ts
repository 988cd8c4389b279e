// The brondocument and plaatsen questions of `npm run new`: a known id is taken, a near miss
// gets "bedoel je …?", and a document or place that is not in the sources yet is offered to be
// added (its lines are checked and appended at the end), or its lines are printed to add later.
import { slugify } from '../util/text.ts';
import { checkCoordinate, checkDocument, checkDocumentKind, checkPlace, checkProvince, checkText, checkUrl, checkYear, type Checked } from './answers.ts';
import { documentYaml, placeYaml, type KnownPlace, type NewContext } from './context.ts';
import type { Prompt } from './prompt.ts';

/** Entries to append to documents.yml and places.yml once every answer is in. */
export interface Additions {
  documents: string[];
  places: string[];
}

type Answer = <T>(f: { name: string; flag?: string; question: string; check: (a: string) => Checked<T>; proposal?: string }, flag: string | undefined, optional?: boolean) => Promise<T>;

interface Session {
  ctx: NewContext;
  io: () => Prompt;
  say: (text: string) => void;
  answer: Answer;
  additions: Additions;
  /** Every required answer came as a flag: do not ask whether to add, print the lines instead. */
  fromFlags: boolean;
}

async function confirm(s: Session, question: string): Promise<boolean> {
  if (s.fromFlags) return false;
  for (;;) {
    const line = await s.io().ask(`${question} [j/n]: `);
    if (line === null) return false;
    const a = line.trim().toLowerCase();
    if (['j', 'ja', 'y', 'yes'].includes(a)) return true;
    if (['n', 'nee', 'no', ''].includes(a)) return false;
    s.say('  antwoord j (ja) of n (nee)');
  }
}

/** The document id; an unknown one is added, or its lines are printed (the case then cites it anyway). */
export async function askDocument(flag: string | undefined, s: Session): Promise<string> {
  const file = s.ctx.files.documents.path;
  let last = '';
  const check = (a: string): Checked<string> => {
    const r = checkDocument(a, s.ctx.documents);
    // the same unknown id twice, or one with nothing close: a new document
    if (!r.ok && (!r.suggestion || a.trim() === last) && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(a.trim())) return { ok: true, value: a.trim() };
    last = a.trim();
    return r;
  };
  const known = s.ctx.documents.map((d) => d.id).join(', ');
  const id = await s.answer({ name: 'brondocument', flag: 'bron', question: `Brondocument (id uit ${file}: ${known})`, check }, flag);
  if (s.ctx.documents.some((d) => d.id === id)) return id;
  if (await confirm(s, `  "${id}" staat nog niet in ${file}. Toevoegen`)) {
    const titel = await s.answer({ name: 'titel van het document', question: '    Titel van het document', check: (a) => checkText(a, 'de titel') }, undefined);
    const uitgever = await s.answer({ name: 'uitgever', question: '    Uitgever', check: (a) => checkText(a, 'de uitgever') }, undefined);
    const jaar = await s.answer({ name: 'jaar', question: '    Jaar van verschijnen', check: checkYear }, undefined);
    const soort = await s.answer({ name: 'soort', question: '    Soort (artikel, boek, interview, magazine, notitie, praktijkonderzoek, rapport, regelgeving, webpagina)', check: checkDocumentKind }, undefined);
    const url = await s.answer({ name: 'webadres', question: '    Webadres (leeg = geen)', check: checkUrl, proposal: '' }, undefined, true);
    s.additions.documents.push(documentYaml({ id, titel, uitgever, jaar, soort, ...(url ? { url } : {}) }));
    s.say(`  Wordt toegevoegd aan ${file}.`);
  } else {
    s.say(`  ${s.fromFlags ? `"${id}" staat niet in ${file}. ` : ''}Niet toegevoegd. Zet het document zelf in ${file}, anders meldt npm run check een onbekend brondocument:\n${indent(`- id: ${id}\n  titel: "VUL IN titel"\n  uitgever: "VUL IN uitgever"\n  jaar: VUL IN jaar\n  soort: VUL IN soort`)}`);
  }
  return id;
}

/** Known place ids; an unknown place is added, or left out of the case with its lines printed. */
export async function askPlaces(flag: string[] | undefined, s: Session & { provincie: string; proposal: string[] }): Promise<string[]> {
  const file = s.ctx.files.places.path;
  const guess = s.proposal.map((p) => checkPlace(p, s.ctx.places)).find((r): r is { known: KnownPlace } => 'known' in r);
  const raw = await s.answer(
    { name: 'plaatsen', flag: 'plaats', question: `Plaatsen (ids of namen uit ${file}, met komma's; "-" = later invullen)`, check: (a) => ({ ok: true, value: a.trim() }), proposal: guess ? guess.known.id : '-' },
    flag?.join(','),
    true,
  );
  const chosen: string[] = [];
  for (const item of raw.split(',').map((x) => x.trim()).filter((x) => x && x !== '-')) {
    const r = checkPlace(item, s.ctx.places);
    if ('known' in r) {
      chosen.push(r.known.id);
      continue;
    }
    if (r.suggestion && (await confirm(s, `  "${item}" staat niet in ${file} — bedoel je "${r.suggestion}"?`))) {
      chosen.push(r.suggestion);
      continue;
    }
    const added = await addPlace(item, r.unknown, s);
    if (added) chosen.push(added);
  }
  for (const id of new Set(chosen)) {
    const p = s.ctx.places.find((x) => x.id === id);
    if (p && p.provincie !== s.provincie) s.say(`  Let op: ${p.naam} ligt in ${p.provincie}, de case in ${s.provincie}. Klopt dat, leg het dan uit onder "kanttekening".`);
  }
  if (!chosen.length) s.say('  Geen plaats: vul "plaatsen" later in (npm run check herinnert je eraan).');
  return [...new Set(chosen)];
}

async function addPlace(item: string, id: string, s: Session & { provincie: string }): Promise<string | undefined> {
  const file = s.ctx.files.places.path;
  if (!(await confirm(s, `  "${item}" staat niet in ${file}. Toevoegen`))) {
    s.say(`  ${s.fromFlags ? `"${item}" staat niet in ${file}. ` : ''}Niet in de case gezet. Voeg de plaats zelf toe aan ${file} en zet "${id}" dan onder plaatsen:\n${indent(`- id: ${id}\n  naam: "${item}"\n  provincie: ${s.provincie}\n  lat: VUL IN breedtegraad\n  lon: VUL IN lengtegraad`)}`);
    return undefined;
  }
  const naam = await s.answer({ name: 'naam', question: '    Naam', check: (a) => checkText(a, 'de naam'), proposal: item }, undefined);
  const provincie = await s.answer({ name: 'provincie van de plaats', question: '    Provincie', check: checkProvince, proposal: s.provincie }, undefined);
  const lat = await s.answer({ name: 'breedtegraad', question: '    Breedtegraad (lat, bijv. 51.33)', check: (a) => checkCoordinate(a, 'lat') }, undefined);
  const lon = await s.answer({ name: 'lengtegraad', question: '    Lengtegraad (lon, bijv. 3.83)', check: (a) => checkCoordinate(a, 'lon') }, undefined);
  const placeId = slugify(naam) || id;
  s.additions.places.push(placeYaml({ id: placeId, naam, provincie, lat, lon }));
  s.ctx.places.push({ id: placeId, naam, provincie });
  s.say(`  Wordt toegevoegd aan ${file}.`);
  return placeId;
}

const indent = (text: string) => text.split('\n').map((l) => `    ${l}`).join('\n');
