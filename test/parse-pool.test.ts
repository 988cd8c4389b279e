// Parsing on worker threads gives exactly what parsing in the main thread gives, positions included;
// the dev server's memo re-parses only what changed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from '../pipeline/load/index.ts';
import { parseEntry, type ParsedEntry } from '../pipeline/parse/index.ts';
import { parseAll, ParseMemo, type ParseItem } from '../pipeline/parse/pool.ts';
import { writeCorpus } from '../scripts/bench-corpus.ts';

const withoutPointAt = (e: ParsedEntry) => ({ ...e, frontmatter: { ...e.frontmatter, pointAt: null } });

describe('parse on worker threads', () => {
  let dir: string;
  let items: ParseItem[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-pool-'));
    writeCorpus(join(dir, 'sources'), 120);
    const { sources } = await load(dir, 'sources');
    items = [...sources.cases.map((file) => ({ file, collection: 'cases' as const })), ...sources.notes.map((file) => ({ file, collection: 'notes' as const }))];
    // one file with a frontmatter error, so a position is asked for
    items[7] = { ...items[7], file: { ...items[7].file, text: items[7].file.text.replace(/^provincie: .*$/m, 'provincie: [limburg') } };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should give the same entries, in order, as parsing in the main thread', async () => {
    const pooled = await parseAll(items, 3, 0);
    expect(pooled).toHaveLength(items.length);
    pooled.forEach((e, i) => expect(withoutPointAt(e)).toEqual(withoutPointAt(parseEntry(items[i].file, items[i].collection))));
  });

  it('should point at the same positions', async () => {
    const pooled = await parseAll(items, 2, 0);
    for (const i of [0, 7, items.length - 1]) {
      const direct = parseEntry(items[i].file, items[i].collection);
      for (const path of [['bron'], ['plaatsen', 0], ['provincie'], ['scholen', 'vo', 1], ['bestaat-niet']]) expect(pooled[i].frontmatter.pointAt(path)).toEqual(direct.frontmatter.pointAt(path));
    }
    expect(pooled[7].problems.length).toBeGreaterThan(0);
  });

  it('should re-parse only changed files through the memo, and forget removed ones', async () => {
    const memo = new ParseMemo();
    const first = await memo.parseAll(items, 1);
    expect(memo.parsedLast).toBe(items.length);
    const edited = items.slice(1).map((it, i) => (i === 2 ? { ...it, file: { ...it.file, text: it.file.text.replace(/^(- .*?) \{/m, '$1 Proefbewerking. {') } } : it));
    const second = await memo.parseAll(edited, 1);
    expect(memo.parsedLast).toBe(1);
    second.forEach((e, i) => {
      if (i === 2) {
        expect(e).not.toBe(first[i + 1]);
        expect(e.findings[0].text).toContain('Proefbewerking');
      } else expect(e).toBe(first[i + 1]);
    });
    // the removed first file is forgotten: given again, it is parsed again
    await memo.parseAll(items, 1);
    expect(memo.parsedLast).toBe(2);
  });
});
