// Synthetic corpora for the benchmark: N valid case files of ~650 words with findings,
// over the basic fixture's codebook, documents and places. Deterministic (seeded).
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WORDS = 'leerling docent school mbo vmbo route programma samenwerking stage bedrijf rooster overstap begeleiding keuzedeel examen praktijk regio leerlab ontwikkeling team bestuur ouders vervoer groep les opdracht afspraak evaluatie ambitie visie'.split(' ');
const THEMES = ['lob', 'beroepspraktijk', 'vervoer-en-afstand', 'rooster-en-logistiek', 'curriculum', 'relatie-en-vertrouwen', 'procesbegeleiding'];
const PLACES = [
  ['weert', 'limburg'],
  ['stadskanaal', 'groningen'],
  ['s-hertogenbosch', 'noord-brabant'],
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function writeCorpus(dir: string, n: number, fixture: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'cases'), { recursive: true });
  mkdirSync(join(dir, 'notes'), { recursive: true });
  for (const f of ['codebook.yml', 'documents.yml', 'places.yml']) cpSync(join(fixture, f), join(dir, f));
  const r = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const sentence = (len: number) => {
    const w = Array.from({ length: len }, () => pick(WORDS));
    return `${w[0][0].toUpperCase()}${w.join(' ').slice(1)}.`;
  };
  for (let i = 0; i < n; i++) {
    const [place, province] = pick(PLACES);
    const paragraphs = Array.from({ length: 6 }, () => Array.from({ length: 8 }, () => sentence(10)).join(' ')).join('\n\n');
    const finding = (k: number) => `- ${sentence(14)} ${sentence(10)} {id: f${k}; thema: ${pick(THEMES)}, ${pick(THEMES.slice(0, 2))}}`.replace(/thema: (\S+), \1\}/, 'thema: $1}');
    const body = `## Over dit leerlab\n\n${paragraphs}\n\n## Knelpunten\n\n${[0, 1, 2].map(finding).join('\n')}\n\n## Succesfactoren\n\n${[3, 4, 5].map(finding).join('\n')}\n`;
    const fm = `---\ntitel: Leerlab Synthetisch ${i}\nregio: Regio ${i}\nprovincie: ${province}\nplaatsen: [${place}]\nscholen:\n  vo: [Vo-school ${i}]\n  mbo: [ROC ${i % 50}]\nsectoren: [techniek]\nroutetype: doorlopende-leerroute\nniveaus: [vmbo-kb → mbo-3]\nperiode: 2022–2023\nbron: doc-a\nsectie: Synthetisch\nsamenvatting: ${sentence(30)}\n---\n\n`;
    writeFileSync(join(dir, 'cases', `case-${String(i).padStart(5, '0')}.md`), fm + body);
  }
}
