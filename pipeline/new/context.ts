// What `npm run new` checks answers against: the documents and places the sources know, and the
// ids already taken. Read as `check` reads them (no symlink followed, YAML problems as positioned
// messages), and written back only by appending one entry, checked before it is written.
import { readdirSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { load } from '../load/index.ts';
import { parseDataFile } from '../parse/index.ts';
import { formatProblem, type Problem } from '../problems.ts';
import type { SourceFile } from '../types.ts';
import { documentsSchema, placesSchema } from '../validate/schemas.ts';
import { yamlString } from '../scaffold.ts';

export interface KnownDocument {
  id: string;
  titel: string;
}

export interface KnownPlace {
  id: string;
  naam: string;
  provincie: string;
}

export interface NewContext {
  root: string;
  sourcesDir: string;
  documents: KnownDocument[];
  places: KnownPlace[];
  /** File names (without .md) of every case and note: a new id must differ from all of them. */
  takenIds: Set<string>;
  files: { documents: SourceFile; places: SourceFile };
}

export class ContextError extends Error {}

const ids = (dir: string) => {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
  } catch {
    return [];
  }
};

/** Read documents.yml and places.yml; a broken one stops `new` with check's message for it. */
export async function loadContext(root: string, sourcesDir: string): Promise<NewContext> {
  const { sources, problems } = await load(root, sourcesDir);
  const broken: Problem[] = problems.filter((p) => /(documents|places)\.yml$/.test(p.file));
  const read = <T>(file: SourceFile | null, name: string, schema: { safeParse(d: unknown): { success: boolean; data?: T } }): { file: SourceFile; data: T } | null => {
    if (!file) return null;
    const parsed = parseDataFile(file);
    broken.push(...parsed.problems);
    if (parsed.problems.length) return null;
    const r = schema.safeParse(parsed.data);
    if (!r.success) throw new ContextError(`${file.path} klopt niet; draai "npm run check" voor de details en herstel ${name} eerst.`);
    return { file, data: r.data as T };
  };
  const documents = read(sources.documents, 'documents.yml', documentsSchema);
  const places = read(sources.places, 'places.yml', placesSchema);
  if (broken.length) throw new ContextError(formatProblem(broken[0]));
  if (!documents || !places) throw new ContextError(`${sourcesDir}/documents.yml en ${sourcesDir}/places.yml zijn nodig; draai "npm run check" voor de details.`);
  const base = resolve(root, sourcesDir);
  return {
    root,
    sourcesDir,
    documents: documents.data.map((d) => ({ id: d.id, titel: d.titel })),
    places: places.data.map((p) => ({ id: p.id, naam: p.naam, provincie: p.provincie })),
    takenIds: new Set([...ids(join(base, 'cases')), ...ids(join(base, 'notes'))]),
    files: { documents: documents.file, places: places.file },
  };
}

export interface NewDocument {
  id: string;
  titel: string;
  uitgever: string;
  jaar: number;
  soort: string;
  url?: string;
}

export interface NewPlace {
  id: string;
  naam: string;
  provincie: string;
  lat: number;
  lon: number;
}

/** The lines for documents.yml, as an author would write them. */
export function documentYaml(d: NewDocument): string {
  return [`- id: ${d.id}`, `  titel: ${yamlString(d.titel)}`, `  uitgever: ${yamlString(d.uitgever)}`, `  jaar: ${d.jaar}`, `  soort: ${d.soort}`, ...(d.url ? [`  url: ${yamlString(d.url)}`] : [])].join('\n');
}

/** The lines for places.yml. */
export function placeYaml(p: NewPlace): string {
  return [`- id: ${p.id}`, `  naam: ${yamlString(p.naam)}`, `  provincie: ${p.provincie}`, `  lat: ${p.lat}`, `  lon: ${p.lon}`].join('\n');
}

/**
 * Append entries to a data file. The result is parsed and checked against the file's schema
 * first, and written by rename, so the file is never left half-written or invalid.
 */
export async function appendEntries(root: string, file: SourceFile, entries: string[], kind: 'documents' | 'places'): Promise<void> {
  if (!entries.length) return;
  const text = `${file.text.replace(/\n*$/, '\n')}${entries.join('\n')}\n`;
  const parsed = parseDataFile({ ...file, text });
  const ok = !parsed.problems.length && (kind === 'documents' ? documentsSchema : placesSchema).safeParse(parsed.data).success;
  if (!ok) throw new ContextError(`de nieuwe regels voor ${file.path} kloppen niet; voeg ze zelf toe:\n${entries.join('\n')}`);
  const abs = resolve(root, file.path);
  const tmp = `${abs}.nieuw-${process.pid}`;
  await writeFile(tmp, text, { flag: 'wx' });
  await rename(tmp, abs);
}
