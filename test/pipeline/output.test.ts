// The output folder: which folders a build may replace (the --out guard), and how it replaces
// them — renames, or in place on a mount point — without leaving a temporary folder behind.
import * as fs from 'node:fs';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discardInBackground, makeTemp, MARKER, OutputError, recoverInterrupted, refuseOutput, swapIn, type Fs } from '../../pipeline/output.ts';
import { cli, treeHashes, TSX } from '../helpers/cli.ts';
import { BASIC, PROJECT_ROOT } from '../helpers/corpus.ts';

/** A stand-in project: package.json, sources/, site/, templates/ and some folders around it. */
function project(): string {
  const root = join(mkdtempSync(join(tmpdir(), 'kb-project-')), 'project');
  cpSync(BASIC, join(root, 'sources'), { recursive: true });
  for (const d of ['site', 'templates', 'pipeline']) mkdirSync(join(root, d));
  writeFileSync(join(root, 'package.json'), '{}');
  return root;
}
const refuse = (root: string, out: string, sourcesDir = 'sources') => refuseOutput(join(root, out), { root, sourcesDir, outputDir: out });

describe('the --out guard', () => {
  it('refuses the project, the sources, their ancestors and the site’s input folders', () => {
    const root = project();
    expect(refuse(root, '.')).toBe('--out "." is de projectmap zelf; kies een eigen map voor de site, bijvoorbeeld _site.');
    expect(refuse(root, '..')).toBe('--out ".." bevat de projectmap; kies een eigen map voor de site, bijvoorbeeld _site.');
    expect(refuseOutput('/', { root, sourcesDir: 'sources', outputDir: '/' })).toBe('--out "/" bevat de projectmap; kies een eigen map voor de site, bijvoorbeeld _site.');
    expect(refuse(root, 'sources')).toBe('--out "sources" is (of ligt in) de bronmap sources; kies een eigen map voor de site, bijvoorbeeld _site.');
    expect(refuse(root, 'sources/cases/nieuw')).toBe('--out "sources/cases/nieuw" is (of ligt in) de bronmap sources; kies een eigen map voor de site, bijvoorbeeld _site.');
    expect(refuse(root, 'site/uit')).toBe('--out "site/uit" is (of ligt in) de invoermap site/ van de site; kies een eigen map, bijvoorbeeld _site.');
    expect(refuse(root, 'templates')).toBe('--out "templates" is (of ligt in) de invoermap templates/ van de site; kies een eigen map, bijvoorbeeld _site.');
  });

  it('refuses a configured sources folder elsewhere, and every folder above it', () => {
    const root = project();
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'kb-src-')), 'bronnen');
    cpSync(BASIC, elsewhere, { recursive: true });
    const opts = { root, sourcesDir: elsewhere };
    expect(refuseOutput(elsewhere, opts)).toMatch(/is \(of ligt in\) de bronmap /);
    expect(refuseOutput(dirname(elsewhere), opts)).toMatch(/bevat de bronmap /);
  });

  it('sees through a symlink to the sources', () => {
    const root = project();
    symlinkSync(join(root, 'sources'), join(root, 'bronnen-link'));
    expect(refuse(root, 'bronnen-link')).toMatch(/is \(of ligt in\) de bronmap sources/);
  });

  it('refuses a folder holding .git or package.json, a file, and a non-empty unmarked folder', () => {
    const root = project();
    const other = mkdtempSync(join(tmpdir(), 'kb-other-'));
    mkdirSync(join(other, 'repo/.git'), { recursive: true });
    mkdirSync(join(other, 'npm'));
    writeFileSync(join(other, 'npm/package.json'), '{}');
    writeFileSync(join(other, 'npm', MARKER), '');
    mkdirSync(join(other, 'foto'));
    writeFileSync(join(other, 'foto/vakantie.jpg'), 'x');
    writeFileSync(join(other, 'bestand'), 'x');
    const opts = { root, sourcesDir: 'sources' };
    expect(refuseOutput(join(other, 'repo'), opts)).toBe(`--out "${join(other, 'repo')}" bevat .git: dat is een project, geen buildmap; kies een eigen map voor de site.`);
    expect(refuseOutput(join(other, 'npm'), opts)).toBe(`--out "${join(other, 'npm')}" bevat package.json: dat is een project, geen buildmap; kies een eigen map voor de site.`);
    expect(refuseOutput(join(other, 'foto'), opts)).toBe(`--out "${join(other, 'foto')}" is niet leeg en is geen eerdere build van deze site (.kennisbank-site ontbreekt); kies een lege of nieuwe map. Is dit een oude build van deze site, van vóór die markering? Verwijder de map dan eerst: rm -rf ${join(other, 'foto')}`);
    expect(refuseOutput(join(other, 'bestand'), opts)).toBe(`--out "${join(other, 'bestand')}" is een bestand, geen map; kies een map voor de site.`);
  });

  it('allows a missing folder, an empty one, a marked earlier build and an unmarked one with this site’s shape', () => {
    const root = project();
    const other = mkdtempSync(join(tmpdir(), 'kb-other-'));
    mkdirSync(join(other, 'leeg'));
    mkdirSync(join(other, 'gemarkeerd'));
    writeFileSync(join(other, 'gemarkeerd', MARKER), '');
    writeFileSync(join(other, 'gemarkeerd/index.html'), '');
    for (const f of ['index.html', 'feed.xml', 'data/findings.json', 'data/findings.csv', 'search/index.json']) {
      mkdirSync(dirname(join(other, 'oud', f)), { recursive: true });
      writeFileSync(join(other, 'oud', f), '');
    }
    const opts = { root, sourcesDir: 'sources' };
    for (const ok of ['nieuw/site', 'leeg', 'gemarkeerd', 'oud']) expect(refuseOutput(join(other, ok), opts), ok).toBeNull();
    expect(refuse(root, '_site')).toBeNull();
  });
});

describe('building through the CLI with a refused --out', () => {
  for (const out of ['sources', '.', '..']) {
    it(`refuses --out ${out} with one line and exit 2, touching nothing`, () => {
      const root = project();
      const before = treeHashes(dirname(root));
      const r = cli(['build', '--out', out], { cwd: root });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^Bouwen geweigerd: --out "${out.replace(/\./g, '\\.')}" [^\\n]+\\n$`));
      expect(treeHashes(dirname(root))).toEqual(before);
    });
  }
});

describe('a build that is stopped', () => {
  it('removes its temporary folder on SIGTERM and leaves the site as it was', async () => {
    const { spawn } = await import('node:child_process');
    const parent = mkdtempSync(join(tmpdir(), 'kb-stop-'));
    const out = join(parent, 'site');
    expect(cli(['build', '--sources', BASIC, '--out', out, '--quiet']).code).toBe(0);
    const before = treeHashes(out);
    const child = spawn(process.execPath, ['--import', TSX, join(PROJECT_ROOT, 'pipeline/cli.ts'), 'build', '--sources', BASIC, '--out', out, '--quiet'], { env: { ...process.env, KB_SOURCES: '' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
    // wait until the temporary folder exists, then stop the build
    for (let i = 0; i < 600 && !readdirSync(parent).some((f) => f.startsWith('site.tmp-')); i++) await new Promise((r) => setTimeout(r, 100));
    expect(readdirSync(parent).some((f) => f.startsWith('site.tmp-'))).toBe(true);
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(stderr).toBe('Bouwen afgebroken (SIGTERM). De vorige site in ' + out + '/ is niet aangeraakt.\n');
    expect(readdirSync(parent)).toEqual(['site']);
    expect(treeHashes(out)).toEqual(before);
  }, 180_000);
});

describe('replacing the output folder', () => {
  const tree = (d: string) => Object.fromEntries(Object.entries(treeHashes(d)).map(([k]) => [k, readFileSync(join(d, k), 'utf8')]));
  const setup = () => {
    const parent = mkdtempSync(join(tmpdir(), 'kb-swap-'));
    const out = join(parent, '_site');
    mkdirSync(join(out, 'oud'), { recursive: true });
    writeFileSync(join(out, 'oud/index.html'), 'oud');
    writeFileSync(join(out, MARKER), '');
    const tmp = makeTemp(out);
    mkdirSync(join(tmp, 'nieuw'));
    writeFileSync(join(tmp, 'nieuw/index.html'), 'nieuw');
    return { parent, out, tmp };
  };

  it('swaps the new site in with renames and leaves nothing beside it', () => {
    const { parent, out, tmp } = setup();
    swapIn(tmp, out);
    expect(tree(out)).toEqual({ [MARKER]: expect.stringContaining('npm run build'), 'nieuw/index.html': 'nieuw' });
    expect(readdirSync(parent)).toEqual(['_site']);
  });

  // the CLI's way: the build does not wait for the old site's removal
  it('leaves the old site to a background removal, under a name an interrupted build never puts back', async () => {
    const { parent, out, tmp } = setup();
    swapIn(tmp, out, fs, (old) => discardInBackground(old, out));
    expect(tree(out)).toEqual({ [MARKER]: expect.stringContaining('npm run build'), 'nieuw/index.html': 'nieuw' });
    expect(readdirSync(parent).filter((f) => f !== '_site')).toEqual(readdirSync(parent).filter((f) => /^_site\.trash-[0-9a-f]{8}$/.test(f)));
    await expect.poll(() => readdirSync(parent), { timeout: 60_000, interval: 100 }).toEqual(['_site']);
  });

  it('removes what a background removal left, and never puts it back as the site', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'kb-trash-'));
    const out = join(parent, '_site');
    mkdirSync(join(`${out}.trash-0badf00d`, 'oud'), { recursive: true });
    writeFileSync(join(`${out}.trash-0badf00d`, 'oud/index.html'), 'oud');
    expect(recoverInterrupted(out)).toBe(false);
    expect(existsSync(out)).toBe(false);
    await expect.poll(() => readdirSync(parent), { timeout: 60_000, interval: 100 }).toEqual([]);
  });

  // A mount point (a container volume) cannot be renamed: simulated here by an fs whose rename of
  // the output folder itself fails with EBUSY (and, for the copy path, EXDEV per entry).
  it('replaces the contents in place when the output folder is a mount point (rename gives EBUSY)', () => {
    const { parent, out, tmp } = setup();
    const calls: string[] = [];
    const mountFs: Fs = {
      ...fs,
      renameSync: (from, to) => {
        calls.push(`${basename(String(from))} → ${basename(String(to))}`);
        if (from === out) throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
        fs.renameSync(from, to);
      },
    };
    swapIn(tmp, out, mountFs);
    expect(calls[0]).toMatch(/^_site → _site\.old-[0-9a-f]{8}$/);
    expect(tree(out)).toEqual({ [MARKER]: expect.stringContaining('npm run build'), 'nieuw/index.html': 'nieuw' });
    expect(readdirSync(parent)).toEqual(['_site']);
  });

  it('copies across devices when even the entries cannot be renamed into the mount (EXDEV)', () => {
    const { parent, out, tmp } = setup();
    const crossDevice: Fs = {
      ...fs,
      renameSync: () => {
        throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
      },
    };
    swapIn(tmp, out, crossDevice);
    expect(tree(out)).toEqual({ [MARKER]: expect.stringContaining('npm run build'), 'nieuw/index.html': 'nieuw' });
    expect(readdirSync(parent)).toEqual(['_site']);
  });

  it('gives one line for a read-only place (simulated EROFS) and leaves no temporary folder', () => {
    const parent = mkdtempSync(join(tmpdir(), 'kb-ro-'));
    const readOnly: Fs = {
      ...fs,
      mkdirSync: () => {
        throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
      },
    };
    let error: unknown;
    try {
      makeTemp(join(parent, 'site'), readOnly);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OutputError);
    expect((error as Error).message).toBe(`Kan geen buildmap maken in ${parent}: alleen-lezen bestandssysteem (EROFS). Kies met --out een map waarin je mag schrijven.`);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('gives one line, not a TemplatePassthroughManagerCopyError, for a place it may not write (real)', () => {
    // root ignores file modes, so as root a place under /sys (where nothing can be created) stands in
    const asRoot = process.getuid?.() === 0;
    const locked = asRoot ? '/sys/kb-alleen-lezen' : mkdtempSync(join(tmpdir(), 'kb-locked-'));
    if (!asRoot) chmodSync(locked, 0o555);
    const r = cli(['build', '--sources', BASIC, '--out', join(locked, 'site')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Bouwen mislukt: Kan geen buildmap maken in \/\S+: (geen toestemming \(EPERM\)|geen schrijfrechten \(EACCES\))\. Kies met --out een map waarin je mag schrijven\.\n$/);
    expect(existsSync(join(locked, 'site'))).toBe(false);
  });
});
