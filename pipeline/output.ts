// The output folder of `npm run build`: which folder may be replaced, and how.
//
// A build replaces its output folder wholesale, so `--out` must never point at something else:
// only a folder that is missing, empty, or marked as an earlier build of this site (the marker
// file below, written into every build) is replaced. The project, the sources and every folder
// above them are refused always, and so is any folder holding `.git` or `package.json`.
//
// The new site is built in a sibling folder and swapped in with two renames. When the output
// folder is a mount point (a container volume), renaming it fails (EBUSY, or EXDEV across
// devices): then its contents are replaced in place, and the temporary folder is removed either way.
// The old site is removed after the swap; the CLI leaves that to a background process, so the
// build does not wait for it.
import { spawn } from 'node:child_process';
import * as nodeFs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Written into every build; marks a folder this tool may replace. */
export const MARKER = '.kennisbank-site';
const MARKER_TEXT = 'Deze map is gebouwd door de Kennisbank doorlopende leerroutes (npm run build) en wordt bij elke build vervangen.\n';

/** The fs calls this module makes; tests pass one that fails on purpose. */
export type Fs = Pick<typeof nodeFs, 'cpSync' | 'existsSync' | 'lstatSync' | 'mkdirSync' | 'readdirSync' | 'realpathSync' | 'renameSync' | 'rmSync' | 'statSync' | 'writeFileSync'>;

/** An operational failure with a one-line Dutch message (no stack trace for the user). */
export class OutputError extends Error {}

const WHY: Record<string, string> = {
  EACCES: 'geen schrijfrechten',
  EPERM: 'geen toestemming',
  EROFS: 'alleen-lezen bestandssysteem',
  ENOSPC: 'de schijf is vol',
  EDQUOT: 'de schijfruimte (quota) is op',
  ENOENT: 'een map in het pad bestaat niet',
  ENOTDIR: 'een deel van het pad is geen map',
  ENAMETOOLONG: 'het pad is te lang',
  EBUSY: 'de map is in gebruik',
  EEXIST: 'er staat al iets met die naam',
};

/** `what` says what failed, e.g. "Kan geen buildmap maken in /x". */
export function fsError(e: unknown, what: string): OutputError {
  const code = (e as NodeJS.ErrnoException)?.code ?? 'onbekende fout';
  return new OutputError(`${what}: ${WHY[code] ?? code} (${code}). Kies met --out een map waarin je mag schrijven.`);
}

/**
 * `mkdir -p`, one level at a time: Node's own `recursive: true` never returns for a path under
 * /proc (it keeps retrying the ENOENT).
 */
function makeDirs(dir: string, fs: Fs): void {
  const missing: string[] = [];
  for (let at = resolve(dir); !fs.existsSync(at); at = dirname(at)) {
    if (dirname(at) === at) break;
    missing.push(at);
  }
  for (const d of missing.reverse()) fs.mkdirSync(d);
}

/** `p` with symlinks resolved, also when its last parts do not exist yet. */
function real(p: string, fs: Fs): string {
  const missing: string[] = [];
  let at = resolve(p);
  for (;;) {
    try {
      return join(fs.realpathSync(at), ...missing.reverse());
    } catch {
      const parent = dirname(at);
      if (parent === at) return resolve(p);
      missing.push(basename(at));
      at = parent;
    }
  }
}

const isInside = (child: string, parent: string) => {
  const r = relative(parent, child);
  return r !== '' && r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r);
};

/** Why `out` may not be replaced by a build, as one Dutch line; null when it may. */
export function refuseOutput(out: string, { root, sourcesDir, outputDir }: { root: string; sourcesDir: string; outputDir?: string }, fs: Fs = nodeFs): string | null {
  const shown = outputDir ?? out;
  const o = real(out, fs);
  const project = real(root, fs);
  const sources = real(resolve(root, sourcesDir), fs);
  if (o === project) return `--out "${shown}" is de projectmap zelf; kies een eigen map voor de site, bijvoorbeeld _site.`;
  if (isInside(project, o)) return `--out "${shown}" bevat de projectmap; kies een eigen map voor de site, bijvoorbeeld _site.`;
  if (o === sources || isInside(o, sources)) return `--out "${shown}" is (of ligt in) de bronmap ${sourcesDir}; kies een eigen map voor de site, bijvoorbeeld _site.`;
  if (isInside(sources, o)) return `--out "${shown}" bevat de bronmap ${sourcesDir}; kies een eigen map voor de site, bijvoorbeeld _site.`;
  for (const input of ['site', 'templates']) {
    const i = real(join(root, input), fs);
    if (o === i || isInside(o, i)) return `--out "${shown}" is (of ligt in) de invoermap ${input}/ van de site; kies een eigen map, bijvoorbeeld _site.`;
  }
  let st: nodeFs.Stats;
  try {
    st = fs.statSync(o);
  } catch {
    return null; // missing: it will be created
  }
  if (!st.isDirectory()) return `--out "${shown}" is een bestand, geen map; kies een map voor de site.`;
  const names = fs.readdirSync(o);
  for (const guarded of ['.git', 'package.json']) {
    if (names.includes(guarded)) return `--out "${shown}" bevat ${guarded}: dat is een project, geen buildmap; kies een eigen map voor de site.`;
  }
  if (names.length === 0 || names.includes(MARKER) || looksLikeEarlierBuild(o, fs)) return null;
  return `--out "${shown}" is niet leeg en is geen eerdere build van deze site (${MARKER} ontbreekt); kies een lege of nieuwe map. Is dit een oude build van deze site, van vóór die markering? Verwijder de map dan eerst: rm -rf ${shellQuote(shown)}`;
}

/** A path as one shell word, for a command the user may copy. */
const shellQuote = (p: string) => (/^[\w./-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`);

/**
 * A site built before the marker existed: it has this site's own exports and search index. Lets
 * an existing `_site` be rebuilt after an upgrade; the next build adds the marker.
 */
function looksLikeEarlierBuild(dir: string, fs: Fs): boolean {
  return ['index.html', 'feed.xml', 'data/findings.json', 'data/findings.csv', 'search/index.json'].every((f) => fs.existsSync(join(dir, f)));
}

/** Mark `dir` as this site's output (the dev server writes into its folder directly). */
export function markAsBuild(dir: string, fs: Fs = nodeFs): void {
  fs.writeFileSync(join(dir, MARKER), MARKER_TEXT);
}

/** A new, marked, empty folder next to `out` to build into. */
export function makeTemp(out: string, fs: Fs = nodeFs): string {
  const tmp = `${out}.tmp-${randomBytes(4).toString('hex')}`;
  try {
    makeDirs(dirname(out), fs);
    fs.mkdirSync(tmp);
    markAsBuild(tmp, fs);
  } catch (e) {
    removeQuietly(tmp, fs);
    throw fsError(e, `Kan geen buildmap maken in ${dirname(out)}`);
  }
  return tmp;
}

export function removeQuietly(path: string, fs: Fs = nodeFs): void {
  try {
    fs.rmSync(path, { recursive: true, force: true });
  } catch {
    /* nothing more to do */
  }
}

/**
 * Remove an old site without waiting for it (4.6 s for the site of 1 000 cases): it is renamed to
 * `<out>.trash-…` — so it can never be taken for a site set aside by an interrupted build — and
 * removed by a detached Node process that may outlive this one. Should that process not get to it
 * (the machine stops), the next build removes what is left (recoverInterrupted).
 */
export function discardInBackground(old: string, out: string, fs: Fs = nodeFs): void {
  const trash = `${out}.trash-${randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(old, trash);
  } catch {
    removeQuietly(old, fs);
    return;
  }
  removeInBackground(trash, fs);
}

function removeInBackground(path: string, fs: Fs): void {
  try {
    const script = 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })';
    spawn(process.execPath, ['-e', script, path], { detached: true, stdio: 'ignore', env: {} }).unref();
  } catch {
    removeQuietly(path, fs);
  }
}

/**
 * Put the new site in place: two renames with no await between them, so nothing else can run (or
 * crash the process) while the old site is set aside; then `discard` the old one (by default
 * removed before this returns). A mount point cannot be renamed: its contents are replaced instead.
 */
export function swapIn(tmp: string, out: string, fs: Fs = nodeFs, discard: (old: string) => void = (old) => removeQuietly(old, fs)): void {
  const old = `${out}.old-${randomBytes(4).toString('hex')}`;
  let setAside = false;
  try {
    if (fs.existsSync(out)) {
      fs.renameSync(out, old);
      setAside = true;
    }
    fs.renameSync(tmp, out);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!setAside && (code === 'EBUSY' || code === 'EXDEV')) return replaceContents(tmp, out, fs);
    if (setAside) fs.renameSync(old, out);
    removeQuietly(tmp, fs);
    throw fsError(e, `Kan de nieuwe site niet neerzetten in ${out}`);
  }
  if (setAside) discard(old);
}

/** The fallback for a mount point: empty `out`, move (or copy across devices) the new files in. */
function replaceContents(tmp: string, out: string, fs: Fs): void {
  try {
    for (const name of fs.readdirSync(out)) fs.rmSync(join(out, name), { recursive: true, force: true });
    for (const name of fs.readdirSync(tmp)) {
      try {
        fs.renameSync(join(tmp, name), join(out, name));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
        fs.cpSync(join(tmp, name), join(out, name), { recursive: true });
      }
    }
  } catch (e) {
    throw fsError(e, `Kan de inhoud van ${out} niet vervangen`);
  } finally {
    removeQuietly(tmp, fs);
  }
}

/**
 * After a build that was killed mid-way: put back a previous site that was set aside (when the
 * output folder is missing), and remove partial builds older than an hour and old sites left to
 * a background removal that did not finish (again in the background: one may still be running).
 * Returns whether a site was put back.
 */
export function recoverInterrupted(out: string, fs: Fs = nodeFs): boolean {
  const dir = dirname(out);
  if (!fs.existsSync(dir)) return false;
  const named = (kind: 'old' | 'tmp' | 'trash') => fs.readdirSync(dir).filter((f) => f.startsWith(`${basename(out)}.${kind}-`)).map((f) => join(dir, f));
  const aside = named('old').sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  const restored = !fs.existsSync(out) && aside.length > 0;
  if (restored) fs.renameSync(aside.shift()!, out);
  for (const f of aside) fs.rmSync(f, { recursive: true, force: true });
  const hourAgo = Date.now() - 3_600_000;
  for (const f of named('tmp')) if (fs.statSync(f).mtimeMs < hourAgo) fs.rmSync(f, { recursive: true, force: true });
  for (const f of named('trash')) removeInBackground(f, fs);
  return restored;
}
