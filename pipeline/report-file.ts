// `npm run check -- --output FILE`: the report in a file, so an editor or CI reads it without
// npm's own lines around it. Never inside the sources (it would become content) or over a folder.
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Config } from './config.ts';

/** A wrong command line: one Dutch line, exit code 2. */
export class UsageError extends Error {}

export function refuseReportFile(file: string, config: Pick<Config, 'root' | 'sourcesDir'>): string | null {
  const abs = resolve(file);
  const sources = resolve(config.root, config.sourcesDir);
  const r = relative(sources, abs);
  if (r === '' || (!r.startsWith('..') && !isAbsolute(r))) return `--output "${file}" ligt in de bronmap ${config.sourcesDir}; kies een bestand daarbuiten, bijvoorbeeld check.json.`;
  try {
    if (statSync(abs).isDirectory()) return `--output "${file}" is een map; geef een bestandsnaam, bijvoorbeeld check.json.`;
  } catch {
    /* a new file */
  }
  return null;
}

/** Write the whole report at once (a reader never sees half of it); the reason when that fails. */
export function writeReport(file: string, text: string): string | null {
  const abs = resolve(file);
  const tmp = `${abs}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, abs);
    return null;
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code ?? 'onbekende fout';
    return `Kan het rapport niet schrijven naar ${file} (${code}); kies met --output een bestand waarin je mag schrijven.`;
  }
}
