// Text analysis of the search (search/core/analysis.ts, compounds.ts), the same on the index and
// the query side: Dutch stemming with its fixes, diacritic folding, word split with hyphenated
// words joined, and compounds with and without a linking -s-/-en-.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseForm, fixStem, participleStem, fold, isBaseWord, normaliseWord, numberJoin, tokens, verbModifier, words } from '../search/core/analysis.ts';
import { decompound, linkerVariants, splitTerm } from '../search/core/compounds.ts';
import { regionProvinces } from '../search/core/regions.ts';
import { ordinalWord } from '../search/core/query.ts';
import { lunr, nodeAnalyzer } from '../search/node.ts';
import { placeForms } from '../pipeline/index/place-forms.ts';

const analyzer = nodeAnalyzer();
const s = (w: string) => analyzer.stem(w);
/** lunr-languages' Dutch stemmer alone, without the fixes. */
const rawNl = (w: string) => (lunr as unknown as { nl: { stemmer: (t: lunr.Token) => lunr.Token } }).nl.stemmer(new lunr.Token(w, {})).toString();

describe('Dutch stemming', () => {
  it('conflates the inflection pairs that matter in this domain', () => {
    const pairs = [
      ['docent', 'docenten'],
      ['leerling', 'leerlingen'],
      ['knelpunt', 'knelpunten'],
      ['school', 'scholen'],
      ['opleiding', 'opleidingen'],
      ['keuzedeel', 'keuzedelen'],
      ['keuzevak', 'keuzevakken'],
      ['werkgroep', 'werkgroepen'],
      ['bestuur', 'besturen'],
      ['rooster', 'roosters'],
      ['meeloopdag', 'meeloopdagen'],
      ['afspraak', 'afspraken'],
      ['samenwerkingsafspraak', 'samenwerkingsafspraken'],
      ['vooroordeel', 'vooroordelen'],
    ];
    for (const [a, b] of pairs) expect(s(a), `${a} / ${b}`).toBe(s(b));
  });

  it('fixes the pairs the Dutch stemmer gets wrong (and checks that it does)', () => {
    const fixed = [
      ['stage', 'stages'], // stag / stages: plural -s after -e
      ['route', 'routes'],
      ['challenge', 'challenges'],
      ['locatie', 'locaties'],
      ['subsidie', 'subsidies'],
      ['examen', 'examens'], // exam / examen: plural -ens
      ['regio', "regio's"], // apostrophe plural
      ['cao', "cao's"],
      ['bedrijf', 'bedrijven'], // f/v alternation
      ['les', 'lessen'], // double consonant
      ['gastles', 'gastlessen'],
      ['klas', 'klassen'],
      ['overstap', 'overstappen'],
      ['stageplaats', 'stageplaatsen'], // plaats → plat / plaatsen → plaats
      ['allergie', 'allergieën'], // diaeresis plural
      ['idee', 'ideeën'],
      ['zee', 'zeeën'],
      ['financieel', 'financiële'], // diaeresis adjective in -ële
      ['reëel', 'reële'],
      ['commercieel', 'commerciële'],
      ['barrière', 'barrières'], // loan-word plural in -ères
      ['carrière', 'carrières'],
      ['module', 'modules'],
    ];
    for (const [a, b] of fixed) {
      expect(rawNl(fold(a)), `the plain stemmer already conflates ${a} / ${b}`).not.toBe(rawNl(fold(b)));
      expect(s(a), `${a} / ${b}`).toBe(s(b));
    }
  });

  it('keeps a noun in -heid whose stem would be a function word ("overheid" is not "over")', () => {
    expect(rawNl(fold('overheid'))).toBe('over');
    expect(s('overheid')).toBe('overheid');
    expect(s('overheden')).toBe('overheid');
    expect(s('mogelijkheid')).toBe(s('mogelijkheden')); // other -heid nouns keep the stemmer's form
  });

  it('keeps words apart that only look alike', () => {
    for (const w of ['les', 'gastles', 'proces', 'adres', 'congres', 'twee', 'idee']) expect(normaliseWord(w)).toBe(w);
    expect(s('stage')).not.toBe(s('stad'));
    expect(s('docent')).not.toBe(s('docentschap'));
    expect(fixStem('bedrijv')).toBe('bedrijf');
    expect(fixStem('gastless')).toBe('gastles');
  });

  it('gives forms the stemmer keeps apart from their base word that base: loan verbs in -eren, -man/-mensen', () => {
    const forms = [
      ['evalueren', ['evaluatie', 'evaluaties', 'evalueert', 'evalueer', 'evalueerde', 'geëvalueerd', 'geevalueerd']],
      ['inspireren', ['inspiratie', 'geïnspireerd', 'geinspireerd']],
      ['oriënteren', ['oriëntatie', 'oriéntatie', 'georiënteerde']],
      ['vakman', ['vakmensen', 'vaklieden']],
      ['financieel', ['financiën', 'financien']],
      // separable verbs: the ge- of the participle sits inside
      ['meelopen', ['meegelopen']],
      ['samenwerken', ['samengewerkt']],
      ['afstemmen', ['afgestemd']],
    ] as const;
    for (const [base, list] of forms) {
      for (const w of list) {
        expect(s(w), `the stemmer alone keeps ${w} apart from ${base}`).not.toBe(s(base));
        expect(analyzer.baseStem(fold(w)), `${w} → ${base}`).toBe(s(base));
      }
      expect(isBaseWord(fold(base)), base).toBe(true);
      expect(analyzer.baseStem(fold(base)), `${base} is its own base`).toBe('');
    }
  });

  it('leaves words alone that only end like such a form', () => {
    for (const w of ['meer', 'leert', 'verkeerd', 'geleerd', 'natie', 'mensen', 'lieden', 'sfeer', 'stage', 'docent', 'tien', 'veertien', 'dienen', 'misschien', 'bovendien']) expect(baseForm(w), w).toBe(w);
    for (const w of ['omgeving', 'opgeven', 'ingenieur']) expect(baseForm(w), w).toBe(w);
    expect(isBaseWord('leren')).toBe(false);
    expect(isBaseWord('man')).toBe(false);
  });

  it('gives a separable verb whose stem doubles a vowel its compound modifier ("meeloopdag")', () => {
    expect(verbModifier('meelopen')).toBe('meeloop');
    expect(verbModifier('meegelopen')).toBe('meeloop');
    // no separable prefix: "lopen" is no "loopbaan"; a stem without a doubled vowel has none
    expect(verbModifier('lopen')).toBeNull();
    expect(verbModifier('aanmelden')).toBeNull();
  });

  it('drops Dutch stop words', () => {
    for (const w of ['de', 'het', 'een', 'en', 'van', 'voor']) expect(s(w)).toBe('');
  });
});

describe('folding and word split', () => {
  it('folds diacritics and case on both sides', () => {
    expect(fold('Geïntegreerde')).toBe('geintegreerde');
    expect(fold('Fryslân')).toBe('fryslan');
    for (const [a, b] of [
      ['geintegreerde', 'geïntegreerde'],
      ['cooperatie', 'coöperatie'],
      ['creche', 'crèche'],
      ['loopbaanorientatie', 'loopbaanoriëntatie'],
      // typed without the diaeresis, against the text's form and its base form
      ['ideeen', 'ideeën'],
      ['ideeen', 'idee'],
      ['orienteren', 'oriënteren'],
      ['coordinator', 'coördinator'],
      ['financiele', 'financiële'],
      ['financiele', 'financieel'],
      ['barrieres', 'barrière'],
      ['een', 'één'],
    ])
      expect(s(a), `${a} / ${b}`).toBe(s(b));
  });

  it('splits words the same way for index and query, keeping Z&W, E&O and digits', () => {
    expect(words("Noord-Brabant, 's-Hertogenbosch, Z&W en vmbo-gl/tl → mbo-4 (0,2 fte)")).toEqual(['noord', 'brabant', 's', 'hertogenbosch', 'z&w', 'en', 'vmbo', 'gl', 'tl', 'mbo', '4', '0', '2', 'fte']);
    expect(words('“Crèche’s”')).toEqual(["creche's"]);
  });

  it('also gives a hyphenated word of two or three parts joined, so "mbo-docenten" meets "mbodocenten"', () => {
    expect(tokens('mbo-docenten en stage-uren').words).toEqual(['mbo', 'docenten', 'mbodocenten', 'en', 'stage', 'uren', 'stageuren']);
    expect(tokens('mbo-docenten').joined).toEqual([false, false, true]);
    // no join of four parts
    expect(tokens('a-b-c-d').words).toEqual(['a', 'b', 'c', 'd']);
    expect(s('mbodocenten')).toBe(analyzer.terms('mbo-docenten').pop());
    expect(analyzer.terms('stage-uren')).toContain(s('stageuren'));
  });

  it('joins a word and the number after it, so "mbo2" meets "mbo-2", "mbo 2" and "mbo niveau 2"', () => {
    expect(tokens('mbo-4 en mbo 2').words).toEqual(['mbo', '4', 'mbo4', 'en', 'mbo', '2', 'mbo2']);
    expect(tokens('mbo-4 en mbo 2').joined).toEqual([false, false, true, false, false, false, true]);
    // "niveau 1" to "niveau 4" are mbo levels
    expect(tokens('mbo niveau 2, niveau 5').words).toEqual(['mbo', 'niveau', '2', 'mbo2', 'niveau', '5']);
    // only across white space, and only a number of one or two digits
    expect(tokens('mbo, 2 en jaar 2024').words).toEqual(['mbo', '2', 'en', 'jaar', '2024']);
    expect(analyzer.terms('vmbo-4')).toContain(s('vmbo4'));
    expect(numberJoin('mbo', '3')).toBe('mbo3');
    expect(numberJoin('a', '3')).toBeNull();
  });

  it('reads an ordinal in digits as the word the texts write', () => {
    expect(['4e', '4de', '1ste', '3de', '10e'].map(ordinalWord)).toEqual(['vierde', 'vierde', 'eerste', 'derde', 'tiende']);
    // not a number of years, a year or a word
    for (const w of ['4', '11e', '2024', 'mbo4', 'e']) expect(ordinalWord(w), w).toBe(w);
  });

  it('takes a participle ge-…-d/t to the stem of its verb', () => {
    expect(participleStem('geroosterd', s)).toBe(s('roosteren'));
    expect(participleStem('gestopt', s)).toBe(s('stoppen'));
    expect(participleStem('gewerkt', s)).toBe(s('werken'));
    // not a word without ge-, nor a stem of fewer than four letters, nor a vowel before the -d/-t
    for (const w of ['verwerkt', 'gezond', 'gebied', 'geeft']) expect(participleStem(w, s), w).toBeNull();
  });

  it('meets an apostrophe plural and a word with an apostrophe in it without the apostrophe', () => {
    // the index also holds "cao's" as typed without it ("caos"); "cao's" itself is "cao"
    expect(tokens("twee cao's").words).toEqual(['twee', "cao's", 'caos']);
    expect(tokens("twee cao's").joined).toEqual([false, false, true]);
    expect(s("cao's")).toBe(s('cao'));
    expect(s("vmbo'ers")).toBe(s('vmboers'));
    // short forms keep their apostrophe: "zo'n" is not "zon"
    expect(s("zo'n")).not.toBe(s('zon'));
  });

  it('splits exactly as the plain regular-expression definition (property, fixed seed)', () => {
    // the definition the fast one-pass scanner must match
    const SEP = /([\s‒–—―/\\|()[\]{}<>«»"“”„‟:;,.!?*+=~^#@%$…·•→←↔]+)/u;
    const trim = (w: string) => w.replace(/^[^a-z0-9&]+/, '').replace(/[^a-z0-9&]+$/, '');
    const numberJoined = (a: string, b: string) => (/^[0-9]{1,2}$/.test(b) && /^[a-z]{2,}$/.test(a) ? (a !== 'niveau' ? a + b : /^[1-4]$/.test(b) ? `mbo${b}` : null) : null);
    const reference = (text: string) => {
      const out: string[] = [];
      let prev = '';
      const pieces = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘`´]/g, "'").split(SEP);
      pieces.forEach((chunk, k) => {
        // odd pieces are runs of separators: anything but a space ends a "word number" pair
        if (k % 2) {
          if (/[^ ]/.test(chunk)) prev = '';
          return;
        }
        const parts = chunk.split(/[-‐‑]+/).map(trim).filter(Boolean);
        for (const p of parts) {
          out.push(p);
          const n = prev && numberJoined(prev, p);
          if (n) out.push(n);
          if (p.length > 3 && /^[a-z0-9]*[aeiouy]'s$/.test(p)) out.push(p.replace("'", ''));
          prev = p;
        }
        if (parts.length >= 2 && parts.length <= 3 && parts.every((p) => /[a-z]/.test(p))) out.push(parts.join(''));
      });
      return out;
    };
    const alphabet = fc.constantFrom(...'aeéëïoös bcdK&\'’`´-‐‑  .,;:/()“”…→·0123\n\tİß'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join('')), (text) => {
        expect(tokens(text).words).toEqual(reference(text));
      }),
      { seed: 1515, numRuns: 2000 },
    );
  });
});

describe('compounds', () => {
  const known = (...ws: string[]) => {
    const set = new Set(ws);
    return (x: string) => set.has(x);
  };

  it('stores a compound with a linking -en- or -s- under its form without it', () => {
    const k = known('docent', 'stag', 'leerling', 'aantal', 'bedrijf', 'partner', 'beroep', 'praktijk');
    expect(splitTerm('docentenstag', k)).toEqual({ canon: 'docentstag', modLen: 6, head: 'stag' });
    expect(splitTerm('docentstag', k)).toEqual({ canon: 'docentstag', modLen: 6, head: 'stag' });
    expect(splitTerm('leerlingenaantal', k)).toEqual({ canon: 'leerlingaantal', modLen: 8, head: 'aantal' });
    expect(splitTerm('bedrijfspartner', k)?.canon).toBe('bedrijfpartner');
    expect(splitTerm('beroepspraktijk', k)?.canon).toBe('beroeppraktijk');
  });

  it('splits only into known parts of three letters or more', () => {
    const k = known('docent', 'stag', 'over', 'stap', 'en');
    expect(splitTerm('docent', k)).toBeNull();
    expect(splitTerm('overstaan', k)).toBeNull();
    expect(splitTerm('docenten', k)).toBeNull(); // "en" is too short to be a head
    expect(splitTerm('mbo-docent', k)).toBeNull(); // only plain letters
  });

  it('gives a query stem its linker variants, each with the place the modifier ends', () => {
    expect(linkerVariants('docentenstag')).toContainEqual({ form: 'docentstag', modLen: 6 });
    expect(linkerVariants('bedrijfspartner')).toContainEqual({ form: 'bedrijfpartner', modLen: 7 });
    expect(linkerVariants('les')).toEqual([]);
  });

  it('splits an unknown word into two known parts, the longest head first', () => {
    const k = known('rooster', 'problem', 'horeca', 'bedrijf', 'bezoek');
    expect(decompound('roosterproblemen', k, s)).toEqual(['rooster', 'problem']);
    expect(decompound('horecabedrijf', k, s)).toEqual(['horeca', 'bedrijf']);
    expect(decompound('bedrijfsbezoek', k, s)).toEqual(['bedrijf', 'bezoek']);
    expect(decompound('kernfusie', k, s)).toBeNull();
  });
});

describe('place forms and regions', () => {
  it('derives the adjective and inhabitant forms of a place name', () => {
    expect(placeForms('Weert')).toEqual(expect.arrayContaining(['Weertse', 'Weerter']));
    expect(placeForms('Breda')).toEqual(['Bredase']);
    expect(placeForms('Zwolle')).toEqual(expect.arrayContaining(['Zwolse', 'Zwoller']));
    expect(placeForms('Assen')).toEqual(expect.arrayContaining(['Assense', 'Asser']));
    expect(placeForms('Haarlem')).toEqual(expect.arrayContaining(['Haarlemse', 'Haarlemmer']));
    expect(placeForms('Helmond')).not.toContain('Helmondder');
    expect(placeForms('Noord-Brabant')).toContain('Noord-Brabantse');
  });

  it('names the provinces of a part of the country, on the words as typed', () => {
    expect([...regionProvinces(['leerlabs', 'noorden']).keys()].sort()).toEqual(['drenthe', 'friesland', 'groningen']);
    expect(regionProvinces(['noord', 'nederland']).get('groningen')).toEqual([0, 1]);
    expect([...regionProvinces(['zuiden']).keys()].sort()).toEqual(['limburg', 'noord-brabant']);
    expect(regionProvinces(['randstad']).has('utrecht')).toBe(true);
    // the "noord" of Noord-Holland names no region
    expect(regionProvinces(['noord', 'holland']).size).toBe(0);
  });
});
