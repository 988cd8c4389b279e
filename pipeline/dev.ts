// `npm run dev` (Eleventy's --serve/--watch) must end up with the same site as a fresh build.
// Eleventy 3.1 does neither of two things that needs (both fixed only in 4.0):
//  - it ignores a deleted file: a deleted or renamed case stayed on its page, in the lists and in
//    the search index. A watcher of our own touches a file Eleventy watches when a source goes.
//  - it never removes the output of a page that no longer exists. After each build in watch mode,
//    the files a template wrote last time and did not write this time are removed.
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { watch } from 'chokidar';

/**
 * Write `trigger` (in a folder of its own) whenever something under `sourcesDir` is deleted;
 * returns a stop function. The folder is removed when the process exits or is stopped.
 */
export function rebuildOnDelete(sourcesDir: string, trigger: string): () => Promise<void> {
  mkdirSync(dirname(trigger), { recursive: true });
  const cleanUp = () => rmSync(dirname(trigger), { recursive: true, force: true });
  process.once('exit', cleanUp);
  process.once('SIGTERM', () => process.exit(143)); // so that 'exit' runs (Eleventy handles SIGINT)
  const watcher = watch(sourcesDir, { ignoreInitial: true, followSymlinks: false });
  const touch = (path: string) => writeFileSync(trigger, `${path}\n`);
  watcher.on('unlink', touch).on('unlinkDir', touch);
  return () => watcher.close();
}

export interface TemplateResult {
  inputPath: string;
  outputPath: string | false;
}

/**
 * Remembers what each template wrote; after a rebuild, removes the outputs a re-rendered template
 * no longer writes (and folders that become empty), only ever inside `outputDir`.
 */
export class OutputPruner {
  private readonly written = new Map<string, Set<string>>();

  constructor(private readonly outputDir: string) {}

  afterBuild(results: readonly TemplateResult[]): string[] {
    const now = new Map<string, Set<string>>();
    for (const r of results) {
      if (!r.outputPath) continue;
      const set = now.get(r.inputPath) ?? new Set<string>();
      set.add(resolve(r.outputPath));
      now.set(r.inputPath, set);
    }
    const removed: string[] = [];
    for (const [input, outputs] of now) {
      for (const old of this.written.get(input) ?? []) {
        if (outputs.has(old) || !this.isInside(old) || !existsSync(old)) continue;
        rmSync(old, { force: true });
        removed.push(old);
        this.removeEmptyParents(dirname(old));
      }
      this.written.set(input, outputs);
    }
    return removed;
  }

  private isInside(path: string): boolean {
    const r = relative(resolve(this.outputDir), path);
    return r !== '' && !r.startsWith(`..${sep}`) && r !== '..' && !r.startsWith(sep);
  }

  private removeEmptyParents(dir: string): void {
    for (let d = dir; this.isInside(d) && existsSync(d) && readdirSync(d).length === 0; d = dirname(d)) rmdirSync(d);
  }
}
