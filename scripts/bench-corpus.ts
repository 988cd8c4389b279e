// Synthetic corpora for the benchmark that look like the real one. Everything is learned from a
// real corpus folder (default: the project's `sources/`), so nothing depends on `../shared`:
//  - text: a word chain (order 1) over the real cases' and notes' sentences, recombined, with now
//    and then a new compound of two corpus words, so the vocabulary keeps growing with N as in
//    real Dutch text; finding and prose lengths follow the real ones;
//  - themes: the real codebook, weighted by how often the real findings use each theme (plus one
//    use each, so every theme occurs), and clustered per case around a few focus themes;
//  - places: all twelve provinces, weighted by population, about ten towns each (bench-places.ts);
//  - cases: 8-20 findings (3-7 knelpunten, 3-8 succesfactoren, lessen), some grouped under `###`;
//  - notes (one per ten cases): lessen, some knelpunten and succesfactoren, and in a third of them
//    rode draden whose `steunt` cites findings of the cases the note is about.
// Deterministic: the same source folder, N and seed give the same files.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import YAML from 'yaml';
import { deriveId } from '../pipeline/parse/findings.ts';
import { slugify } from '../pipeline/util/text.ts';
import { isReservedId } from '../pipeline/validate/site-ids.ts';
import { ROUTE_TYPES, SECTORS } from '../pipeline/vocabulary.ts';
import { BENCH_PROVINCES } from './bench-places.ts';

export interface CorpusOptions {
  /** Real corpus to learn text, themes and documents from (default: the project's `sources/`). */
  from?: string;
  seed?: number;
}

export interface CorpusSummary {
  cases: number;
  notes: number;
  findings: number;
  threads: number;
  words: number;
}

type Rng = () => number;

/** mulberry32: small, fast, good enough for picking. */
function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** Weighted choice; `cum` holds running totals of the weights. */
class Weighted<T> {
  private readonly cum: number[] = [];
  constructor(readonly items: T[], weights: number[]) {
    let s = 0;
    for (const w of weights) this.cum.push((s += w));
  }
  pick(r: Rng): T {
    const x = r() * this.cum[this.cum.length - 1];
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
  /** k distinct items (fewer when there are not enough). */
  distinct(r: Rng, k: number): T[] {
    const out = new Set<T>();
    for (let tries = 0; out.size < Math.min(k, this.items.length) && tries < k * 20; tries++) out.add(this.pick(r));
    return [...out];
  }
}

/** What the generator learns from a real corpus. */
interface Learned {
  chain: Map<string, string[]>;
  starts: string[];
  compoundParts: string[];
  findingWords: number[];
  themes: Weighted<string>;
  themeCounts: number[];
  documents: string[];
}

const stripFrontmatter = (s: string) => s.replace(/^---\n[\s\S]*?\n---\n/, '');
// characters that would turn generated prose into markup: emphasis, links, html, tables, headings
const clean = (s: string) => s.replace(/\{[^}]*\}/g, ' ').replace(/[*_`#<>[\]|{}\\]/g, ' ');

function learn(from: string): Learned {
  const files = ['cases', 'notes'].flatMap((d) => {
    try {
      return readdirSync(join(from, d)).filter((f) => f.endsWith('.md')).sort().map((f) => readFileSync(join(from, d, f), 'utf8'));
    } catch {
      return [];
    }
  });
  const chain = new Map<string, string[]>();
  const starts: string[] = [];
  const findingWords: number[] = [];
  const themeUse = new Map<string, number>();
  const themeCounts: number[] = [];
  for (const file of files) {
    const body = stripFrontmatter(file);
    for (const m of body.matchAll(/^- (.*)\{([^}]*)\}\s*$/gm)) {
      findingWords.push(m[1].split(/\s+/).filter(Boolean).length);
      const themes = /(?:^|;)\s*thema\s*:([^;]*)/.exec(m[2])?.[1].split(',').map((t) => t.trim()).filter(Boolean) ?? [];
      if (themes.length) themeCounts.push(themes.length);
      for (const t of themes) themeUse.set(t, (themeUse.get(t) ?? 0) + 1);
    }
    const text = body
      .split('\n')
      .filter((l) => !/^\s*#/.test(l))
      .map((l) => clean(l.replace(/^\s*[-*+]\s+|^\s*\d+\.\s+/, '')))
      .join(' ');
    for (const sentence of text.split(/(?<=[.!?])\s+(?=[A-Z"'‘(])/)) {
      const words = sentence.split(/\s+/).filter(Boolean);
      if (words.length < 4 || !/^[A-Za-zÀ-ÿ]/.test(words[0])) continue;
      starts.push(words[0]);
      for (let i = 0; i + 1 < words.length; i++) {
        const list = chain.get(words[i]);
        if (list) list.push(words[i + 1]);
        else chain.set(words[i], [words[i + 1]]);
      }
    }
  }
  if (!starts.length) throw new Error(`${from}: geen tekst om van te leren`);
  const codebook = YAML.parse(readFileSync(join(from, 'codebook.yml'), 'utf8')) as { themas: { id: string }[] };
  const themeIds = codebook.themas.map((t) => t.id);
  const documents = (YAML.parse(readFileSync(join(from, 'documents.yml'), 'utf8')) as { id: string }[]).map((d) => d.id);
  const compoundParts = [...new Set([...chain.keys()].filter((w) => /^[a-zë]{4,12}$/.test(w)))].sort();
  return {
    chain,
    starts,
    compoundParts,
    findingWords: findingWords.length ? findingWords : [22],
    themes: new Weighted(themeIds, themeIds.map((t) => (themeUse.get(t) ?? 0) + 1)),
    themeCounts: themeCounts.length ? themeCounts : [2],
    documents,
  };
}

/** Text generator over the learned chain. */
class Writer {
  words = 0;
  constructor(
    private readonly r: Rng,
    private readonly l: Learned,
  ) {}

  private word(w: string): string {
    // a new compound now and then ("leerling" + "begeleiding"), as Dutch makes them freely
    if (this.r() < 0.03 && /^[a-zë]{4,}$/.test(w)) return w + pick(this.r, this.l.compoundParts);
    return w;
  }

  sentence(min: number, max: number): string {
    const out: string[] = [];
    let w = pick(this.r, this.l.starts);
    for (;;) {
      out.push(this.word(w));
      if (/[.!?]["')]?$/.test(w) && out.length >= min) break;
      const next = this.l.chain.get(w);
      if (!next || out.length >= max) {
        out[out.length - 1] = out[out.length - 1].replace(/[,;:–-]+$/, '');
        if (!/[.!?]["')]?$/.test(out[out.length - 1])) out[out.length - 1] += '.';
        break;
      }
      w = pick(this.r, next);
    }
    this.words += out.length;
    return out.join(' ');
  }

  /** Sentences until about `target` words. */
  text(target: number, sentenceMax = 28): string {
    const parts: string[] = [];
    let n = 0;
    while (n < target) {
      const s = this.sentence(Math.min(6, target - n), Math.max(6, Math.min(sentenceMax, target - n + 4)));
      parts.push(s);
      n += s.split(' ').length;
    }
    return parts.join(' ');
  }

  /** A short phrase for titles, sections and list items: no sentence punctuation or brackets. */
  phrase(min: number, max: number): string {
    return this.sentence(min, max).replace(/[();:,.!?"'‘’“”]+/g, ' ').replace(/\s+/g, ' ').trim();
  }

  paragraph(): string {
    const p = this.text(int(this.r, 40, 90));
    // now and then a bold phrase, as in the real prose
    return this.r() < 0.4 ? p.replace(/ ([a-zë]{6,}) /, ' **$1** ') : p;
  }

  findingText(): string {
    return this.text(Math.max(8, pick(this.r, this.l.findingWords)), 30);
  }
}

const yamlList = (xs: string[]) => `[${xs.map((x) => JSON.stringify(x)).join(', ')}]`;
const folded = (s: string) => `>-\n${s.replace(/(.{1,100})(\s+|$)/g, '  $1\n').trimEnd()}`;

const TYPE_HEADINGS = { knelpunt: 'Knelpunten', succesfactor: 'Succesfactoren', les: 'Lessen', 'rode-draad': 'Rode draden' } as const;
type BenchType = keyof typeof TYPE_HEADINGS;
const LEVELS = ['vmbo-bb → mbo-2', 'vmbo-kb → mbo-3', 'vmbo-gl → mbo-3', 'vmbo-gl → mbo-4', 'vmbo-tl → mbo-4', 'vmbo-gl/tl → mbo-4', 'vmbo → mbo'];
const ROUTE_WEIGHTS: Record<string, number> = { 'keuzedeel-samenwerking': 4, 'lob-en-overstap': 3, 'doorlopende-leerroute': 2, 'programmatische-aansluiting': 2, 'geintegreerde-leerroute': 1, verkenning: 1 };
const CASE_KINDS = ['Leerlab', 'Leerlab', 'Pilot', 'Doorlopende route', 'Samenwerking'];
const VO_NAMES = ['College', 'Scholengemeenschap', 'Lyceum', 'Vakcollege', 'Technasium', 'Mavo'];
const MBO_NAMES = ['ROC', 'Vakschool', 'Technisch College', 'Zorgcollege', 'Groencollege'];
const NOTE_KINDS = ['praktijkonderzoek', 'interview', 'notitie', 'synthese', 'verkenning'];

interface GenFinding {
  localId: string;
  themes: string[];
}

/** Findings of one type as markdown list items; ids are unique within the file (`used`) and never one the site's pages use. */
function findingItems(w: Writer, r: Rng, type: BenchType, count: number, themesOf: (i: number) => string[], used: Set<string>, extra: (i: number) => string = () => ''): { md: string; findings: GenFinding[] } {
  const findings: GenFinding[] = [];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = w.findingText();
    const themes = themesOf(i);
    const derived = deriveId(type, text);
    let attrs: string;
    let localId: string;
    if (r() < 0.2 && !used.has(derived) && !isReservedId(derived)) {
      localId = derived;
      attrs = `thema: ${themes.join(', ')}`;
    } else {
      const base = slugify(text).split('-').slice(0, int(r, 2, 4)).join('-') || 'bevinding';
      localId = base;
      for (let k = 2; used.has(localId) || isReservedId(localId); k++) localId = `${base}-${k}`;
      attrs = `id: ${localId}; thema: ${themes.join(', ')}`;
    }
    used.add(localId);
    if (r() < 0.1) attrs += `; sectie: ${w.phrase(2, 5)}`;
    lines.push(`- ${text} {${attrs}${extra(i)}}`);
    findings.push({ localId, themes });
  }
  return { md: lines.join('\n'), findings };
}

/**
 * Write N synthetic cases (and N/10 notes) to `dir`, with the codebook and documents of the real
 * corpus and a places file for all twelve provinces. `from` may be a folder or options.
 */
export function writeCorpus(dir: string, n: number, from: string | CorpusOptions = {}): CorpusSummary {
  const opts = typeof from === 'string' ? { from } : from;
  const source = resolve(opts.from ?? join(import.meta.dirname, '..', 'sources'));
  const l = learn(source);
  const r = rng(opts.seed ?? 42);
  const w = new Writer(r, l);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'cases'), { recursive: true });
  mkdirSync(join(dir, 'notes'), { recursive: true });
  for (const f of ['codebook.yml', 'documents.yml']) cpSync(join(source, f), join(dir, f));

  const towns = BENCH_PROVINCES.flatMap((p) => p.towns.map(([naam, lat, lon]) => ({ id: slugify(naam), naam, provincie: p.id, lat, lon })));
  writeFileSync(join(dir, 'places.yml'), `# Synthetic benchmark corpus: towns in all twelve provinces.\n${YAML.stringify(towns)}`);
  const provinces = new Weighted(BENCH_PROVINCES, BENCH_PROVINCES.map((p) => p.weight));
  const routes = new Weighted(ROUTE_TYPES.map((t) => t.id), ROUTE_TYPES.map((t) => ROUTE_WEIGHTS[t.id] ?? 1));
  const sectors = SECTORS.map((s) => s.id);
  const perTown = new Map<string, number>();
  const themeCount = () => pick(r, l.themeCounts);
  const summary: CorpusSummary = { cases: n, notes: 0, findings: 0, threads: 0, words: 0 };
  const cases: { id: string; province: string; findings: GenFinding[] }[] = [];

  for (let i = 0; i < n; i++) {
    const province = provinces.pick(r);
    const [town] = pick(r, province.towns);
    const townId = slugify(town);
    const k = (perTown.get(townId) ?? 0) + 1;
    perTown.set(townId, k);
    const id = k === 1 ? townId : `${townId}-${k}`;
    const others = province.towns.filter(([t]) => t !== town).map(([t]) => slugify(t));
    const places = [townId, ...new Set(Array.from({ length: int(r, 0, 2) }, () => pick(r, others)))];
    // a case keeps coming back to a few themes, with now and then another one
    const focus = l.themes.distinct(r, int(r, 4, 9));
    const themesOf = () => {
      const want = themeCount();
      const out = new Set<string>();
      while (out.size < want) out.add(r() < 0.8 ? pick(r, focus) : l.themes.pick(r));
      return [...out];
    };
    const used = new Set<string>();
    let kp = int(r, 3, 7);
    let sf = int(r, 3, 8);
    let les = int(r, 1, 6);
    while (kp + sf + les < 8) les++;
    while (kp + sf + les > 20) les > 1 ? les-- : sf > 3 ? sf-- : kp--;
    const sections = ([['knelpunt', kp], ['succesfactor', sf], ['les', les]] as const).map(([type, count]) => {
      if (type === 'les' && count >= 4 && r() < 0.3) {
        // lessen grouped under ### labels
        const half = Math.floor(count / 2);
        const a = findingItems(w, r, type, half, themesOf, used);
        const b = findingItems(w, r, type, count - half, themesOf, used);
        return { md: `## ${TYPE_HEADINGS[type]}\n\n### Voor scholen\n\n${a.md}\n\n### Voor besturen\n\n${b.md}`, findings: [...a.findings, ...b.findings] };
      }
      const s = findingItems(w, r, type, count, themesOf, used);
      return { md: `## ${TYPE_HEADINGS[type]}\n\n${s.md}`, findings: s.findings };
    });
    const caseSectors = [...new Set(Array.from({ length: int(r, 1, 3) }, () => pick(r, sectors)))];
    const kind = pick(r, CASE_KINDS);
    const prose = Array.from({ length: int(r, 2, 4) }, () => w.paragraph());
    const fm = [
      `titel: ${JSON.stringify(`${kind} ${town}${k > 1 ? ` ${k}` : ''}`)}`,
      `regio: ${JSON.stringify(r() < 0.5 ? town : `Regio ${town}`)}`,
      `provincie: ${province.id}`,
      `plaatsen: ${yamlList(places)}`,
      'scholen:',
      `  vo: ${yamlList(Array.from({ length: int(r, 1, 3) }, (_, j) => `${pick(r, VO_NAMES)} ${town}${j ? ` ${j + 1}` : ''}`))}`,
      `  mbo: ${yamlList([`${pick(r, MBO_NAMES)} ${town}`])}`,
      `sectoren: ${yamlList(caseSectors)}`,
      ...(r() < 0.5 ? [`opleidingen: ${yamlList(Array.from({ length: int(r, 1, 3) }, () => w.phrase(3, 7)))}`] : []),
      `routetype: ${routes.pick(r)}`,
      `niveaus: ${yamlList([...new Set([pick(r, LEVELS), pick(r, LEVELS)])].slice(0, int(r, 1, 2)))}`,
      `periode: ${JSON.stringify(`${2018 + (i % 6)}–${2020 + (i % 6)}`)}`,
      `bron: ${pick(r, l.documents)}`,
      `sectie: ${JSON.stringify(`${kind} ${town}: ${w.phrase(3, 6)}`)}`,
      `samenvatting: ${folded(w.text(int(r, 35, 70)))}`,
    ];
    const body = [`## Over dit leerlab`, prose[0], ...(prose.length > 2 ? ['### Aanpak', ...prose.slice(1, -1)] : []), ...(prose.length > 1 ? ['## Resultaten', prose.at(-1)!] : []), ...sections.map((s) => s.md)].join('\n\n');
    writeFileSync(join(dir, 'cases', `${id}.md`), `---\n${fm.join('\n')}\n---\n\n${body}\n`);
    const findings = sections.flatMap((s) => s.findings);
    summary.findings += findings.length;
    cases.push({ id, province: province.id, findings });
  }

  // Notes: one per ten cases, each about a few cases of one province.
  const notes = Math.max(1, Math.round(n / 10));
  const byProvince = new Map<string, typeof cases>();
  for (const c of cases) byProvince.set(c.province, [...(byProvince.get(c.province) ?? []), c]);
  for (let i = 0; i < notes; i++) {
    const pool = pick(r, [...byProvince.values()]);
    const about = [...new Set(Array.from({ length: int(r, 2, 10) }, () => pick(r, pool)))];
    const used = new Set<string>();
    const themesOf = () => l.themes.distinct(r, themeCount());
    const parts = [findingItems(w, r, 'les', int(r, 3, 8), themesOf, used)];
    if (r() < 0.5) parts.push(findingItems(w, r, 'knelpunt', int(r, 1, 4), themesOf, used), findingItems(w, r, 'succesfactor', int(r, 1, 4), themesOf, used));
    const types: BenchType[] = parts.length === 1 ? ['les'] : ['les', 'knelpunt', 'succesfactor'];
    let threads: { md: string; findings: GenFinding[] } | null = null;
    if (r() < 0.33) {
      // rode draden citing findings of the cases this note is about; their themes are those of
      // the findings they cite
      const count = int(r, 1, 3);
      const refs = Array.from({ length: count }, () => {
        const out = new Map<string, GenFinding>();
        for (let t = int(r, 3, 6); t > 0; t--) {
          const c = pick(r, about);
          const f = pick(r, c.findings);
          out.set(`${c.id}#${f.localId}`, f);
        }
        return out;
      });
      const themes = refs.map((m) => [...new Set([...m.values()].flatMap((f) => f.themes))].slice(0, 3));
      threads = findingItems(w, r, 'rode-draad', count, (j) => themes[j], used, (j) => `; steunt: ${[...refs[j].keys()].join(', ')}`);
      summary.threads += threads.findings.length;
    }
    const fm = [
      `titel: ${JSON.stringify(`${w.phrase(4, 9)} (${i + 1})`)}`,
      `soort: ${pick(r, NOTE_KINDS)}`,
      `bron: ${pick(r, l.documents)}`,
      `sectie: ${JSON.stringify(w.phrase(3, 7))}`,
      `samenvatting: ${folded(w.text(int(r, 40, 80)))}`,
      `cases: ${yamlList(about.map((c) => c.id))}`,
    ];
    const body = [
      '## Over deze notitie',
      ...Array.from({ length: int(r, 2, 5) }, () => w.paragraph()),
      ...(threads ? [`## ${TYPE_HEADINGS['rode-draad']}\n\n${threads.md}`] : []),
      ...parts.map((p, j) => `## ${TYPE_HEADINGS[types[j]]}\n\n${p.md}`),
    ].join('\n\n');
    writeFileSync(join(dir, 'notes', `notitie-${String(i + 1).padStart(4, '0')}.md`), `---\n${fm.join('\n')}\n---\n\n${body}\n`);
    summary.findings += parts.reduce((s, p) => s + p.findings.length, 0) + (threads?.findings.length ?? 0);
  }
  summary.notes = notes;
  summary.words = w.words;
  return summary;
}
