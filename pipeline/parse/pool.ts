// Parse many files on every core: the main thread and worker threads take batches of files from
// one queue (so a slow or late-starting thread takes fewer), and results keep the input order.
// A parsed entry crosses threads as plain data; its `pointAt` (a function) is rebuilt in the main
// thread from the file's text, lazily: validation only asks for a position when it reports a
// problem. Small inputs are parsed in the main thread alone (starting a worker costs more).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Collection, SourceFile } from '../types.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { parseEntry, type ParsedEntry } from './index.ts';

export interface ParseItem {
  file: SourceFile;
  collection: Collection;
}

/** Below this many bytes of markdown the workers' start-up costs more than they save. */
const MIN_BYTES_FOR_WORKERS = 1_500_000;
const BATCH = 40;

/** What a worker sends back: the entry without its `pointAt` function. */
export type ShippedEntry = Omit<ParsedEntry, 'frontmatter'> & { frontmatter: Omit<ParsedEntry['frontmatter'], 'pointAt'> };

export function shipEntry(e: ParsedEntry): ShippedEntry {
  const { pointAt: _, ...frontmatter } = e.frontmatter;
  return { ...e, frontmatter };
}

function reviveEntry(s: ShippedEntry, file: SourceFile): ParsedEntry {
  let pointAt: ParsedEntry['frontmatter']['pointAt'] | null = null;
  return { ...s, frontmatter: { ...s.frontmatter, pointAt: (path) => (pointAt ??= parseFrontmatter(file.path, file.text).pointAt)(path) } };
}

/**
 * The pipeline is TypeScript run through tsx, whose loader a worker thread does not inherit on
 * Node 20: the worker registers it before it imports worker.ts.
 */
function startWorker(): Worker {
  const entry = new URL('./worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
}

export function defaultThreads(): number {
  const env = Number(process.env.KB_PARSE_THREADS);
  return Number.isInteger(env) && env > 0 ? env : availableParallelism();
}

/** Parse every item; `threads` counts the main thread (1 = no workers). */
export async function parseAll(items: readonly ParseItem[], threads = defaultThreads(), minBytes = MIN_BYTES_FOR_WORKERS): Promise<ParsedEntry[]> {
  const bytes = items.reduce((n, it) => n + it.file.text.length, 0);
  if (threads <= 1 || bytes < minBytes) return items.map((it) => parseEntry(it.file, it.collection));

  const out: ParsedEntry[] = new Array(items.length);
  let next = 0;
  const take = () => {
    const from = next;
    next = Math.min(items.length, next + BATCH);
    return { from, to: next };
  };
  const workers = Array.from({ length: threads - 1 }, startWorker);
  try {
    const done = workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          let batch = { from: 0, to: 0 };
          const send = () => {
            batch = take();
            if (batch.from === batch.to) return resolve();
            w.postMessage(items.slice(batch.from, batch.to));
          };
          // the first message says the worker has loaded; each later one answers a batch
          w.on('message', (shipped: ShippedEntry[] | 'ready') => {
            if (shipped !== 'ready') shipped.forEach((s, i) => (out[batch.from + i] = reviveEntry(s, items[batch.from + i].file)));
            send();
          });
          w.on('error', reject);
          w.on('exit', (code) => batch.from !== batch.to && reject(new Error(`parse worker stopped (exit ${code})`)));
        }),
    );
    // the main thread takes batches too, yielding between them so worker results come in. Its
    // entries are copied like a worker's: their strings are otherwise slices of the file's text
    // (micromark and yaml cut values out of it), which keeps every source file in memory for as
    // long as the site data lives (90 MB at 10 000 cases).
    for (;;) {
      const { from, to } = take();
      if (from === to) break;
      for (let i = from; i < to; i++) out[i] = reviveEntry(structuredClone(shipEntry(parseEntry(items[i].file, items[i].collection))), items[i].file);
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(done);
    return out;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * For a long-lived process (the dev server): the entries of the last run, by path. `parseAll`
 * through it parses only the files whose text changed (parseEntry is pure, so an unchanged file
 * gives the same entry); files no longer given are forgotten.
 */
export class ParseMemo {
  private last = new Map<string, { text: string; collection: Collection; entry: ParsedEntry }>();
  /** How many files the last call parsed (the others were reused). */
  parsedLast = 0;

  async parseAll(items: readonly ParseItem[], threads?: number): Promise<ParsedEntry[]> {
    const out: ParsedEntry[] = new Array(items.length);
    const todo: number[] = [];
    items.forEach((it, i) => {
      const m = this.last.get(it.file.path);
      if (m && m.text === it.file.text && m.collection === it.collection) out[i] = m.entry;
      else todo.push(i);
    });
    const fresh = await parseAll(todo.map((i) => items[i]), threads);
    todo.forEach((i, k) => (out[i] = fresh[k]));
    this.parsedLast = todo.length;
    this.last = new Map(items.map((it, i) => [it.file.path, { text: it.file.text, collection: it.collection, entry: out[i] }]));
    return out;
  }
}
