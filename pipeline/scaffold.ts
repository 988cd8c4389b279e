// `npm run new`: write sources/cases/<slug>.md from templates/case.md. Asks for what it needs
// on a terminal, takes flags in scripts, and never overwrites a file.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { load } from './load/index.ts';
import { parseDataFile } from './parse/index.ts';
import { formatProblem } from './problems.ts';
import { ids, PROVINCES } from './vocabulary.ts';
import { didYouMean } from './util/suggest.ts';
import { slugify } from './util/text.ts';

/** "Leerlab 's-Hertogenbosch" → "s-hertogenbosch"; "Pilot Zwolle-Zuid" → "pilot-zwolle-zuid". */
export function caseSlug(title: string): string {
  return slugify(title).replace(/^leerlab-/, '');
}

export interface ScaffoldInput {
  titel: string;
  regio: string;
  provincie: string;
  bron: string;
  plaats?: string;
  sectie?: string;
  id?: string;
}

export async function scaffold(root: string, input: ScaffoldInput, sourcesDir = 'sources'): Promise<{ path: string } | { error: string }> {
  const provinces = ids(PROVINCES);
  const provincie = slugify(input.provincie);
  if (!provinces.includes(provincie)) return { error: `provincie "${input.provincie}" bestaat niet ${didYouMean(provincie, provinces)} (toegestaan: ${provinces.join(', ')})`.replace('  ', ' ') };
  // read like check does: no symlink followed, YAML failures as a message instead of a throw
  const { sources, problems } = await load(root, sourcesDir);
  const parsed = sources.documents && parseDataFile(sources.documents);
  const broken = [...problems.filter((p) => p.file.endsWith('documents.yml')), ...(parsed?.problems ?? [])];
  if (broken.length || !Array.isArray(parsed?.data)) return { error: broken.length ? formatProblem(broken[0]) : `${sourcesDir}/documents.yml bevat geen lijst met documenten` };
  const docIds = (parsed.data as { id?: unknown }[]).map((d) => String(d?.id));
  if (!docIds.includes(input.bron)) return { error: `bron "${input.bron}" staat niet in ${sourcesDir}/documents.yml ${didYouMean(input.bron, docIds)} (bekend: ${docIds.join(', ')}); voeg het document daar eerst toe` };
  const slug = input.id ? slugify(input.id) : caseSlug(input.titel);
  if (!slug) return { error: 'de titel levert geen bruikbare bestandsnaam op; geef --id mee' };
  const rel = `${sourcesDir}/cases/${slug}.md`;
  const abs = resolve(root, rel);
  if (existsSync(abs)) return { error: `${rel} bestaat al; kies een andere titel of geef --id mee (een bestaand bestand wordt nooit overschreven)` };
  const template = await readFile(join(root, 'templates/case.md'), 'utf8');
  const quote = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const text = template
    .replaceAll('{{titel}}', quote(input.titel))
    .replaceAll('{{regio}}', quote(input.regio))
    .replaceAll('{{provincie}}', provincie)
    .replaceAll('{{plaats}}', slugify(input.plaats ?? input.regio))
    .replaceAll('{{bron}}', input.bron)
    .replaceAll('{{sectie}}', quote(input.sectie ?? input.titel));
  await writeFile(abs, text, { flag: 'wx' });
  return { path: rel };
}

const FIELDS: { key: keyof ScaffoldInput; question: string; required: boolean }[] = [
  { key: 'titel', question: 'Titel (bijv. Leerlab Weert)', required: true },
  { key: 'regio', question: 'Regio (de naam die het leerlab zelf gebruikt)', required: true },
  { key: 'provincie', question: `Provincie (${ids(PROVINCES).join(', ')})`, required: true },
  { key: 'bron', question: 'Brondocument (id uit sources/documents.yml)', required: true },
  { key: 'plaats', question: 'Plaats (id uit sources/places.yml; leeg = regio)', required: false },
];

export async function scaffoldCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { titel: { type: 'string' }, regio: { type: 'string' }, provincie: { type: 'string' }, bron: { type: 'string' }, plaats: { type: 'string' }, sectie: { type: 'string' }, id: { type: 'string' }, sources: { type: 'string' } },
  });
  const input: Partial<ScaffoldInput> = { ...values };
  const missing = FIELDS.filter((f) => f.required && !input[f.key]);
  if (missing.length) {
    if (!process.stdin.isTTY) {
      process.stderr.write(`Ontbrekend: ${missing.map((f) => `--${f.key}`).join(', ')}\nVoorbeeld: npm run new -- --titel "Leerlab Weert" --regio Weert --provincie limburg --bron digizine-leerlabs-2023\n`);
      return 2;
    }
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    for (const f of FIELDS) {
      if (input[f.key]) continue;
      let answer = '';
      do answer = (await rl.question(`${f.question}: `)).trim();
      while (f.required && !answer);
      if (answer) input[f.key] = answer;
    }
    rl.close();
  }
  const r = await scaffold(process.cwd(), input as ScaffoldInput, values.sources ?? 'sources');
  if ('error' in r) {
    process.stderr.write(`Niet aangemaakt: ${r.error}\n`);
    return 1;
  }
  process.stdout.write(`Aangemaakt: ${r.path}\nVolgende stappen: vul het bestand in, controleer met "npm run check" en bekijk het met "npm run dev".\n`);
  return 0;
}
