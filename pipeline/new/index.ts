// `npm run new`: six questions, each answer checked the moment it is given and asked again when
// it is wrong ("bedoel je …?"), a missing document or place offered to be added, and the case
// written from templates/case.md at the end. Answers come from flags, a terminal, or lines on
// stdin. Nothing is written before the last answer: Ctrl-C or Ctrl-D leave the sources as they were.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ids, PROVINCES } from '../vocabulary.ts';
import { regionOf, shortId, SHORT_ID_MAX, writeCase, type CaseAnswers } from '../scaffold.ts';
import { checkId, checkProvince, checkText, freeId, type Checked } from './answers.ts';
import { appendEntries, ContextError, loadContext, type NewContext } from './context.ts';
import { askDocument, askPlaces, type Additions } from './additions.ts';
import { Prompt } from './prompt.ts';

export const NEW_USAGE = `Gebruik: npm run new [-- opties]

Maakt sources/cases/<id>.md uit templates/case.md. Het stelt zes vragen — titel, korte id, regio,
provincie, brondocument en plaatsen — en controleert elk antwoord meteen ("bedoel je …?"). Een
brondocument of plaats die nog niet bestaat, kan het voor je toevoegen aan sources/documents.yml
of sources/places.yml. Er wordt pas iets geschreven na het laatste antwoord, en nooit over een
bestaand bestand heen.

Opties (elk beantwoordt een vraag; wat ontbreekt of niet klopt, wordt alsnog gevraagd):
  --titel TEKST     naam van het leerlab of de pilot, bijv. "Leerlab Weert"
  --id ID           korte id: bestandsnaam en webadres (voorstel uit de titel, hoogstens ${SHORT_ID_MAX} tekens)
  --regio TEKST     de regionaam die het leerlab zelf gebruikt
  --provincie NAAM  ${ids(PROVINCES).join(', ')}
  --bron ID         document-id uit sources/documents.yml
  --plaats IDS      plaats-ids of -namen uit sources/places.yml, met komma's; "-" = later invullen
  --sectie TEKST    standaardsectie van de bron voor de bevindingen (standaard: de titel)
  --sources MAP     de bronnenmap (standaard: sources)
  -h, --help        deze uitleg

Zonder terminal (een pipe, een script) komen de antwoorden uit de opties; ontbreekt er een, dan
leest het ze regel voor regel van stdin, in de volgorde van de vragen (een lege regel neemt het
voorstel). Stoppen: Ctrl-C of Ctrl-D; er wordt dan niets geschreven.`;

/** The questions that need an answer (the others have a proposal), with their flags. */
const REQUIRED = [['titel', 'titel'], ['regio', 'regio'], ['provincie', 'provincie'], ['brondocument', 'bron']] as const;

/** The input ended (Ctrl-D, or a pipe with too few lines) before a required answer. */
class Stopped extends Error {
  constructor(
    readonly question: string,
    /** The flag whose value was refused, if that is why the input was asked for. */
    readonly refusedFlag?: string,
  ) {
    super(question);
  }
}

interface Field<T> {
  name: string;
  flag?: string;
  question: string;
  check: (answer: string) => Checked<T>;
  /** Proposed answer: taken for an empty line, and when the input ends. */
  proposal?: string;
}

export async function newCommand(args: string[], root = process.cwd()): Promise<number> {
  const { values: flags } = parseArgs({
    args,
    options: {
      titel: { type: 'string' },
      id: { type: 'string' },
      regio: { type: 'string' },
      provincie: { type: 'string' },
      bron: { type: 'string' },
      plaats: { type: 'string', multiple: true },
      sectie: { type: 'string' },
      sources: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (flags.help) {
    process.stdout.write(`${NEW_USAGE}\n`);
    return 0;
  }
  let ctx: NewContext;
  try {
    ctx = await loadContext(root, flags.sources ?? 'sources');
  } catch (e) {
    if (!(e instanceof ContextError)) throw e;
    process.stderr.write(`Niet aangemaakt: ${e.message}\n`);
    return 1;
  }

  const fromFlags = REQUIRED.every(([, flag]) => flags[flag] !== undefined);
  const interrupt = () => {
    process.stderr.write('\nAfgebroken: er is niets geschreven.\n');
    process.exit(130);
  };
  process.once('SIGINT', interrupt);
  let prompt = null as Prompt | null;
  const io = () => (prompt ??= new Prompt(process.stdin, process.stdout, interrupt));
  const say = (text: string) => process.stdout.write(`${text}\n`);

  if (!fromFlags && !process.stdin.isTTY) {
    process.stderr.write('Geen terminal: de antwoorden worden regel voor regel van stdin gelezen (titel, id, regio, provincie, brondocument, plaatsen; een lege regel neemt het voorstel). Of geef ze als opties mee: npm run new -- --help.\n');
  } else if (fromFlags) {
    say('Antwoorden uit de opties.');
  } else {
    say('Nieuwe case: zes vragen. Enter neemt het voorstel tussen [ ] over; stoppen met Ctrl-C.');
  }

  const answered = new Set<string>();
  /** The answer to one question: its flag if that is right, else asked until it is right. */
  async function answer<T>(f: Field<T>, flag: string | undefined, optional = false): Promise<T> {
    const value = await ask(f, flag, optional);
    answered.add(f.name);
    return value;
  }
  async function ask<T>(f: Field<T>, flag: string | undefined, optional: boolean): Promise<T> {
    let proposal = f.proposal;
    const flagName = `--${f.flag ?? f.name}`;
    let refused: string | undefined;
    if (flag !== undefined) {
      const r = f.check(flag);
      if (r.ok) return r.value;
      say(`${flagName}: ${r.message}`);
      proposal = r.suggestion ?? proposal;
      refused = flagName; // a value given on purpose is never silently replaced by a proposal
    } else if (fromFlags && optional && proposal !== undefined) {
      const r = f.check(proposal);
      if (r.ok) {
        // every required answer came as a flag: take the proposal, do not ask, but say so
        if (proposal) say(`${f.name}: ${proposal} (voorstel; kies zelf met ${flagName})`);
        return r.value;
      }
    }
    for (;;) {
      const line = await io().ask(`${f.question}${proposal ? ` [${proposal}]` : ''}: `);
      if (line === null && (refused || !(optional && proposal !== undefined))) throw new Stopped(f.name, refused);
      const r = f.check(line?.trim() || proposal || '');
      if (r.ok) {
        if (r.note) say(`  ${r.note}`);
        return r.value;
      }
      if (line === null) throw new Stopped(f.name, refused);
      say(`  ${r.message}`);
      proposal = r.suggestion ?? proposal;
    }
  }

  try {
    const titel = await answer({ name: 'titel', question: 'Titel (bijv. Leerlab Weert)', check: (a) => checkText(a, 'de titel') }, flags.titel);
    const proposedId = shortId(titel);
    const id = await answer({ name: 'id', question: `Korte id, voor de bestandsnaam en het webadres (hoogstens ${SHORT_ID_MAX} tekens)`, check: (a) => checkId(a, ctx), proposal: ctx.takenIds.has(proposedId) ? freeId(proposedId, ctx) : proposedId || undefined }, flags.id, true);
    const regio = await answer({ name: 'regio', question: 'Regio (de naam die het leerlab zelf gebruikt)', check: (a) => checkText(a, 'de regio'), proposal: regionOf(titel) || undefined }, flags.regio);
    const provincie = await answer({ name: 'provincie', question: 'Provincie', check: checkProvince }, flags.provincie);
    const additions: Additions = { documents: [], places: [] };
    const bron = await askDocument(flags.bron, { ctx, io, say, answer, additions, fromFlags });
    const plaatsen = await askPlaces(flags.plaats, { ctx, io, say, answer, additions, fromFlags, provincie, proposal: [regio, titel] });
    const answers: CaseAnswers = { titel, regio, provincie, bron, plaatsen, sectie: flags.sectie?.trim() || titel };
    prompt?.close();
    return await write(ctx, id, answers, additions);
  } catch (e) {
    prompt?.close();
    if (e instanceof Stopped) {
      const missing = REQUIRED.filter(([name]) => !answered.has(name)).map(([, flag]) => `--${flag}`);
      const next = e.refusedFlag
        ? `Geef met ${e.refusedFlag} een waarde die klopt (zie hierboven), of beantwoord de vraag.`
        : missing.length
          ? `Ontbrekend: ${missing.join(', ')}. Geef ze als opties (npm run new -- --help) of beantwoord de vragen.`
          : 'Beantwoord ook deze vraag, of zeg n(ee) op het toevoegen en voeg het document of de plaats later zelf toe.';
      process.stderr.write(`Gestopt: de invoer hield op bij de vraag "${e.question}"; er is niets geschreven.\n${next}\n`);
      return 2;
    }
    if (e instanceof ContextError) {
      process.stderr.write(`Niet aangemaakt: ${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    process.off('SIGINT', interrupt);
  }
}

async function write(ctx: NewContext, id: string, answers: CaseAnswers, additions: Additions): Promise<number> {
  await appendEntries(ctx.root, ctx.files.documents, additions.documents, 'documents');
  await appendEntries(ctx.root, ctx.files.places, additions.places, 'places');
  const dir = resolve(ctx.root, ctx.sourcesDir, 'cases');
  mkdirSync(dir, { recursive: true });
  const rel = `${ctx.sourcesDir}/cases/${id}.md`;
  try {
    await writeCase(resolve(dir, `${id}.md`), answers);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    process.stderr.write(`Niet aangemaakt: ${rel} bestaat al (een bestaand bestand wordt nooit overschreven); kies een andere id met --id.\n`);
    return 1;
  }
  const lines = [`Aangemaakt: ${rel}`];
  if (additions.documents.length) lines.push(`Toegevoegd aan ${ctx.files.documents.path}: ${answers.bron}`);
  if (additions.places.length) lines.push(`Toegevoegd aan ${ctx.files.places.path}: ${additions.places.map((p) => /^- id: (\S+)/.exec(p)![1]).join(', ')}`);
  lines.push(
    'Volgende stappen:',
    `  1. Vul ${rel} in: vervang elke VUL IN en elke VOORBEELD-bevinding (npm run check wijst ze aan).`,
    '  2. npm run check',
    `  3. npm run dev, en open http://localhost:8080/cases/${id}/`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
