// Short titles of rode draden: a whole phrase of the text, never a sentence cut off mid-way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, makeConfig } from '../pipeline/build.ts';
import { link } from '../pipeline/link/index.ts';
import { SHORT_TITLE_MAX, shortTitle } from '../pipeline/link/short-title.ts';
import { BASIC, corpusWith } from './helpers/corpus.ts';

describe('shortTitle', () => {
  it.each([
    ['a first sentence that fits', 'Samenwerken is mensenwerk. Vertrouwen groeit door elkaar te ontmoeten.', 'Samenwerken is mensenwerk', 'sentence'],
    ['a question keeps its mark', 'Is het werkbaar voor docenten? In Amsterdam-IJburg werd het beter.', 'Is het werkbaar voor docenten?', 'sentence'],
    ['the claim before a colon', 'Het achtje dichtorganiseren: bestuurders, management en docenten moeten binnen elke school op één lijn zitten en tussen de scholen afstemmen.', 'Het achtje dichtorganiseren', 'clause'],
    ['the claim before a semicolon', 'Belangen zijn er altijd; bespreek ze open en zonder oordeel, want wie van de ander verwacht dat hij zijn belang opzij zet, krijgt geen duurzame verbinding.', 'Belangen zijn er altijd', 'clause'],
    ['the claim before a spaced dash', 'Een knelpuntgerichte aanpak schiet tekort – knelpunten verschuiven en zijn niet eenduidig, dus helpt ruimte en flexibiliteit meer dan losse oplossingen.', 'Een knelpuntgerichte aanpak schiet tekort', 'clause'],
    ['whole clauses before a comma, as many as fit', 'Voor docenten gaat het om ontmoeting, professionalisering en uitwisseling, bijvoorbeeld gastlessen van mbo-docenten op het vmbo in drie regio\'s.', 'Voor docenten gaat het om ontmoeting, professionalisering en uitwisseling', 'phrase'],
    ['never a comma inside parentheses', 'Gastlessen werken goed als brug tussen de scholen (Helmond, West-Brabant, Heerhugowaard en nog een aantal andere leerlabs die het ook deden) en docenten.', 'Gastlessen werken goed als brug tussen de scholen', 'phrase'],
    ['not fooled by an abbreviation', 'Er zijn o.a. gastlessen en stages, en die zijn goed.', 'Er zijn o.a. gastlessen en stages, en die zijn goed', 'sentence'],
  ])('%s', (_, text, title, rule) => {
    expect(shortTitle(text)).toEqual({ title, rule });
  });

  it('should not cut inside a list of adjectives, nor keep only a subordinate clause', () => {
    expect(shortTitle('Routes lukken vooral waar een wil is, een vooraf gedeelde, integrale visie en doel, partners die zich gelijkwaardig voelen en elkaar iets gunnen, en een lerende aanpak.')).toEqual({ title: 'Routes lukken vooral waar een wil is', rule: 'phrase' });
    expect(shortTitle('Voordat een leerlab acties kiest, moet het weten waaraan het wil werken en wat er beter moet, hoe het nu gaat en waar iedereen samen naartoe wil in de komende jaren.')).toEqual({ title: 'Voordat een leerlab acties kiest, moet het weten waaraan het wil werken en wat er beter moet', rule: 'phrase' });
  });

  it('should rather keep a long claim whole than cut it', () => {
    const text = 'Het werk in de route lijkt volgens het onderzoek meer op dat van een mbo-docent dan op dat van een vo-leraar: een brede rol, vooral in begeleiding en contact met instanties en werkveld.';
    expect(shortTitle(text)).toEqual({ title: 'Het werk in de route lijkt volgens het onderzoek meer op dat van een mbo-docent dan op dat van een vo-leraar', rule: 'clause' });
  });

  it('should keep a long sentence whole when it has no phrase boundary, rather than cut it', () => {
    const text = 'Doorlopendeleerroutesvragenomeenlangeademvanalledocentenbestuurdersenleerlingendieerzelfmeewerkenaanhetsamenwerkingsverband en meer.';
    expect(shortTitle(text)).toEqual({ title: text.replace(/\.$/, ''), rule: 'whole' });
  });

  it('should return a prefix of the text of at most the maximum length for ordinary sentences', () => {
    const text = 'Met meerdere vo-scholen wordt één leerlijn complexer, omdat elke school een ander aanbod heeft; leerlabs kozen elk een eigen antwoord: avo-vakken, vier aparte routes, LOB of programmatische aansluiting.';
    const { title } = shortTitle(text);
    expect(text.startsWith(title)).toBe(true);
    expect(title.length).toBeLessThanOrEqual(SHORT_TITLE_MAX);
    expect(title).toBe('Met meerdere vo-scholen wordt één leerlijn complexer, omdat elke school een ander aanbod heeft');
  });
});

describe('thread titles', () => {
  const graphOf = async (dir: string) => {
    const r = await check(makeConfig(dir, { sourcesDir: '.' }));
    expect(r.ok).toBe(true);
    return link(r.model);
  };
  const threadsOf = async (dir: string) => (await graphOf(dir)).threads;

  it('should use the titel an author gives a rode draad, and a phrase of the text otherwise', async () => {
    const note = readFileSync(join(BASIC, 'notes/synthese.md'), 'utf8');
    const long = '- Vervoer is overal een drempel: in landelijke regio\'s bepaalt de reistijd wat kan, en dat weegt zwaarder dan alle andere factoren samen bij elkaar opgeteld. {id: vervoer; thema: vervoer-en-afstand; steunt: alfa#bus, bravo#reistijd, charlie#reis}';
    const withTitle = long.replace('{id: vervoer;', '{id: vervoer; titel: Zonder bus geen route;');
    const authored = async (line: string) => (await threadsOf(corpusWith({ 'notes/synthese.md': note.replace(/^- Vervoer is overal.*$/m, line) }))).find((t) => t.kind === 'authored')!;
    expect(await authored(long)).toMatchObject({ title: 'Vervoer is overal een drempel', titleFrom: 'clause' });
    expect(await authored(withTitle)).toMatchObject({ title: 'Zonder bus geen route', titleFrom: 'titel' });
  });

  it('should title a computed thread with its theme\'s label', async () => {
    const g = await graphOf(corpusWith());
    const computed = g.threads.filter((t) => t.kind === 'computed');
    expect(computed.length).toBeGreaterThan(0);
    for (const t of computed) expect(t).toMatchObject({ title: g.themes.find((th) => th.id === t.themes[0])!.label, titleFrom: 'thema' });
  });
});
