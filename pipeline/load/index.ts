// Stage 1 — load: read the source files, keep their paths, decode them strictly.
// Symbolic links are refused, never followed (not to /etc/passwd, not to a case outside the
// project); anything that is not a regular file is refused; files over the size limit are not read.
import { constants, type Dirent } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { posix, resolve } from 'node:path';
import { kB, LIMITS } from '../limits.ts';
import { problem, type Problem } from '../problems.ts';
import type { SourceFile } from '../types.ts';

export interface LoadedSources {
  cases: SourceFile[];
  notes: SourceFile[];
  codebook: SourceFile | null;
  documents: SourceFile | null;
  places: SourceFile | null;
}

export interface LoadResult {
  sources: LoadedSources;
  problems: Problem[];
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Where the first invalid UTF-8 sequence sits, as line and column. One pass: a streaming decoder
 * takes a byte at a time, and the bytes after the last complete character start the bad sequence.
 */
function firstInvalidByte(bytes: Uint8Array): { line: number; column: number } {
  const stream = new TextDecoder('utf-8', { fatal: true });
  let validEnd = 0;
  let bad = -1;
  for (let i = 0; i < bytes.length && bad < 0; i++) {
    try {
      if (stream.decode(bytes.subarray(i, i + 1), { stream: true })) validEnd = i + 1;
    } catch {
      bad = validEnd;
    }
  }
  if (bad < 0) bad = validEnd; // an incomplete sequence at the end
  const lineStart = bad === 0 ? 0 : bytes.lastIndexOf(0x0a, bad - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  return { line, column: new TextDecoder().decode(bytes.subarray(lineStart, bad)).length + 1 };
}

/** Decode bytes as UTF-8, drop a BOM and normalise CRLF/CR line endings. */
export function decodeSource(path: string, bytes: Uint8Array): { file?: SourceFile; problem?: Problem } {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    return {
      problem: problem('encoding', path, at, 'dit bestand bevat tekens die geen geldige UTF-8 zijn (bijvoorbeeld Windows-1252 of Latin-1)'),
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  return { file: { path, text } };
}

const SYMLINK = 'dit is een symbolische link; links in de bronnen worden niet gevolgd';

/** Why a path under sources/ is not read as a file, or null when it is a regular file. */
async function refusal(path: string, abs: string, limit: number): Promise<Problem | 'missing' | null> {
  let st;
  try {
    st = await lstat(abs);
  } catch {
    return 'missing';
  }
  if (st.isSymbolicLink()) {
    return problem('symlink', path, undefined, SYMLINK);
  }
  if (!st.isFile()) return problem('not-a-file', path, undefined, 'dit is geen gewoon bestand');
  if (st.size > limit) return problem('limit-file-size', path, undefined, `het bestand is ${kB(st.size)} groot; hoogstens ${kB(limit)}`);
  return null;
}

async function readSource(root: string, rel: string, limit: number, problems: Problem[]): Promise<SourceFile | null> {
  const abs = resolve(root, rel);
  const refused = await refusal(rel, abs, limit);
  if (refused === 'missing') return null;
  if (refused) {
    problems.push(refused);
    return null;
  }
  let bytes: Uint8Array;
  try {
    // O_NOFOLLOW: a file swapped for a symlink after the check is still not followed
    bytes = await readFile(abs, { flag: constants.O_RDONLY | constants.O_NOFOLLOW });
  } catch (e) {
    problems.push(problem('not-a-file', rel, undefined, `dit bestand kan niet worden gelezen (${(e as NodeJS.ErrnoException).code ?? 'fout'})`));
    return null;
  }
  const { file, problem: p } = decodeSource(rel, bytes);
  if (p) problems.push(p);
  return file ?? null;
}

/** Names that look like markdown but are not read: `x.MD`, `x.markdown`, a folder `x.md`. */
const LOOKS_LIKE_MARKDOWN = /\.(md|markdown|mdown|mkd|mdwn)$/i;

async function readFolder(root: string, folder: string, problems: Problem[]): Promise<SourceFile[]> {
  const abs = resolve(root, folder);
  let entries: Dirent[];
  try {
    const st = await lstat(abs);
    if (st.isSymbolicLink()) problems.push(problem('symlink', folder, undefined, SYMLINK));
    else if (!st.isDirectory()) problems.push(problem('not-a-file', folder, undefined, 'dit is geen map'));
    if (!st.isDirectory()) return [];
    entries = await readdir(abs, { withFileTypes: true });
  } catch {
    return [];
  }
  const md: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.')) continue;
    const rel = posix.join(folder, e.name);
    if (e.isSymbolicLink()) problems.push(problem('symlink', rel, undefined, SYMLINK));
    else if (e.isDirectory()) problems.push(problem('file-skipped', rel, undefined, 'dit is een map en wordt niet gelezen', 'Zet cases en notities direct in de map, als bestanden die op .md eindigen.'));
    else if (e.name.endsWith('.md')) md.push(rel); // readSource refuses what is not a regular file
    else if (LOOKS_LIKE_MARKDOWN.test(e.name)) problems.push(problem('file-skipped', rel, undefined, 'dit bestand wordt niet gelezen: alleen bestanden die op .md eindigen (kleine letters) tellen mee', `Hernoem het naar ${e.name.replace(LOOKS_LIKE_MARKDOWN, '.md')}.`));
  }
  const files = await Promise.all(md.map((rel) => readSource(root, rel, LIMITS.fileBytes, problems)));
  return files.filter((f): f is SourceFile => f !== null);
}

/** Read everything under `<root>/sources`. Paths in the result are relative to `root`. */
export async function load(root: string, sourcesDir = 'sources'): Promise<LoadResult> {
  const problems: Problem[] = [];
  const data = (name: string) => readSource(root, posix.join(sourcesDir, name), LIMITS.dataFileBytes, problems);
  const [cases, notes, codebook, documents, places] = await Promise.all([
    readFolder(root, posix.join(sourcesDir, 'cases'), problems),
    readFolder(root, posix.join(sourcesDir, 'notes'), problems),
    data('codebook.yml'),
    data('documents.yml'),
    data('places.yml'),
  ]);
  for (const [file, name] of [
    [codebook, 'codebook.yml'],
    [documents, 'documents.yml'],
    [places, 'places.yml'],
  ] as const) {
    const path = posix.join(sourcesDir, name);
    if (!file && !problems.some((p) => p.file === path)) problems.push(problem('file-missing', path, undefined, 'dit bestand ontbreekt', `Maak ${name} aan (zie README); meldingen die daaruit volgen, komen pas als het er is.`));
  }
  // folders and files are read concurrently; report in path order, the same on every machine
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return { sources: { cases, notes, codebook, documents, places }, problems };
}
