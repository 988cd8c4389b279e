// Stage 1 — load: read the source files, keep their paths, decode them strictly.
import { readdir, readFile } from 'node:fs/promises';
import { posix, resolve } from 'node:path';
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

/** Where the first invalid UTF-8 sequence sits, as line and column. */
function firstInvalidByte(bytes: Uint8Array): { line: number; column: number } {
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      const slice = bytes.subarray(lineStart, i);
      try {
        decoder.decode(slice);
      } catch {
        // find the column: longest prefix that still decodes
        let col = 0;
        while (col < slice.length) {
          try {
            decoder.decode(slice.subarray(0, col + 1), { stream: false });
            col++;
          } catch {
            // a multi-byte sequence may just be cut short: look a few bytes ahead
            let ok = false;
            for (let k = 2; k <= 4 && col + k <= slice.length; k++) {
              try {
                decoder.decode(slice.subarray(0, col + k));
                col += k;
                ok = true;
                break;
              } catch {
                /* keep looking */
              }
            }
            if (!ok) break;
          }
        }
        const prefix = new TextDecoder().decode(slice.subarray(0, col));
        return { line, column: prefix.length + 1 };
      }
      line++;
      lineStart = i + 1;
    }
  }
  return { line: 1, column: 1 };
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

async function readSource(root: string, rel: string, problems: Problem[]): Promise<SourceFile | null> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(root, rel));
  } catch {
    return null;
  }
  const { file, problem: p } = decodeSource(rel, bytes);
  if (p) problems.push(p);
  return file ?? null;
}

async function readFolder(root: string, folder: string, problems: Problem[]): Promise<SourceFile[]> {
  let names: string[];
  try {
    names = await readdir(resolve(root, folder));
  } catch {
    return [];
  }
  const md = names.filter((n) => n.endsWith('.md') && !n.startsWith('.')).sort();
  const files = await Promise.all(md.map((n) => readSource(root, posix.join(folder, n), problems)));
  return files.filter((f): f is SourceFile => f !== null);
}

/** Read everything under `<root>/sources`. Paths in the result are relative to `root`. */
export async function load(root: string, sourcesDir = 'sources'): Promise<LoadResult> {
  const problems: Problem[] = [];
  const [cases, notes, codebook, documents, places] = await Promise.all([
    readFolder(root, posix.join(sourcesDir, 'cases'), problems),
    readFolder(root, posix.join(sourcesDir, 'notes'), problems),
    readSource(root, posix.join(sourcesDir, 'codebook.yml'), problems),
    readSource(root, posix.join(sourcesDir, 'documents.yml'), problems),
    readSource(root, posix.join(sourcesDir, 'places.yml'), problems),
  ]);
  for (const [file, name] of [
    [codebook, 'codebook.yml'],
    [documents, 'documents.yml'],
    [places, 'places.yml'],
  ] as const) {
    if (!file) problems.push(problem('field-required', posix.join(sourcesDir, name), undefined, `${posix.join(sourcesDir, name)} ontbreekt`, `Maak ${posix.join(sourcesDir, name)} aan (zie README).`));
  }
  return { sources: { cases, notes, codebook, documents, places }, problems };
}
