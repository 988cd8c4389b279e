// Run the project's CLI as a user would, in a child process.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from './corpus.ts';

/** tsx by its file URL, so the CLI also runs with a working directory outside the project. */
export const TSX = import.meta.resolve('tsx');

export function cli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, ['--import', TSX, join(PROJECT_ROOT, 'pipeline/cli.ts'), ...args], {
    cwd: opts.cwd ?? PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...opts.env, KB_SOURCES: '' },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** sha256 of every file under dir, by relative path, sorted. */
export function treeHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}
