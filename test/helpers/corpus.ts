// Build small corpora in temporary folders for tests: the basic fixture plus extra files.
import { cpSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BASIC = join(PROJECT_ROOT, 'test/fixtures/basic');

/** A copy of the basic fixture corpus with extra or replaced files (path → text or bytes). */
export function corpusWith(files: Record<string, string | Uint8Array> = {}, { withBasicCases = true } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-corpus-'));
  for (const f of ['codebook.yml', 'documents.yml', 'places.yml']) cpSync(join(BASIC, f), join(dir, f));
  mkdirSync(join(dir, 'cases'));
  mkdirSync(join(dir, 'notes'));
  if (withBasicCases) {
    cpSync(join(BASIC, 'cases'), join(dir, 'cases'), { recursive: true });
    cpSync(join(BASIC, 'notes'), join(dir, 'notes'), { recursive: true });
  }
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), content);
  }
  return dir;
}

/** A valid case file; override frontmatter lines or the body. */
export function caseFile({ frontmatter = {}, body }: { frontmatter?: Record<string, string | null>; body?: string } = {}): string {
  const fields: Record<string, string | null> = {
    titel: 'Leerlab Test',
    regio: 'Weert',
    provincie: 'limburg',
    plaatsen: '[weert]',
    scholen: '\n  vo: [School Test]\n  mbo: [ROC Test]',
    sectoren: '[techniek]',
    routetype: 'doorlopende-leerroute',
    niveaus: '[vmbo-kb → mbo-3]',
    periode: '2022–2023',
    bron: 'doc-a',
    sectie: 'Leerlab Test',
    samenvatting: 'Een testcase.',
    kanttekening: 'Testbestand.',
    ...frontmatter,
  };
  const fm = Object.entries(fields)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}:${v!.startsWith('\n') ? '' : ' '}${v}`)
    .join('\n');
  return `---\n${fm}\n---\n\n${body ?? '## Knelpunten\n\n- Een knelpunt over de bus. {id: bus; thema: vervoer-en-afstand}\n\n## Succesfactoren\n\n- Een succesfactor over stages. {id: stage; thema: beroepspraktijk}\n'}`;
}
