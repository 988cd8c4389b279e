// The indexed units, page by page: each case or note, followed by its findings (so a finding's
// page is the nearest page before it, and a result can deep-link to the finding's anchor).
// Text fields are searched; theme, province and sector ids become concept lists (see postings.ts).
import type { Graph } from '../link/index.ts';
import type { FacetTable } from '../../search/core/facet-table.ts';
import type { Fragment } from '../../search/core/types.ts';
import { placeForms } from './place-forms.ts';

/** Searched fields and their boosts: names and places above body text. */
export const TEXT_FIELDS = [
  { name: 'title', boost: 5 },
  { name: 'places', boost: 4 },
  /** a finding's case by place name: "stage Weert" finds Weert's findings, a bare town name the case first */
  { name: 'ctx', boost: 0.5 },
  { name: 'body', boost: 1 },
] as const;
/** Boosts of the concept fields (lunr token fields in the first version of the index). */
export const TOKEN_BOOSTS = { themes: 3, province: 2, sector: 1 } as const;

export type UnitKind = 'c' | 'n' | 'f';

export interface Unit {
  kind: UnitKind;
  /** index of its page (case or note) */
  page: number;
  /** texts of TEXT_FIELDS, in that order */
  text: string[];
  themes: string[];
  province: string | null;
  sectors: string[];
}

/** Result types: the page kinds, then the finding types (facet "Soort"). */
export const TYPES: [string, string][] = [
  ['case', 'Case'],
  ['notitie', 'Notitie'],
  ['knelpunt', 'Knelpunt'],
  ['succesfactor', 'Succesfactor'],
  ['les', 'Les'],
  ['rode-draad', 'Rode draad'],
];

/** Other names people use for places in the corpus (by place id, sources/places.yml): everyday names and irregular adjectives. */
const PLACE_ALIASES: Record<string, string[]> = {
  's-hertogenbosch': ['Den Bosch', 'Bossche'],
  gorinchem: ['Gorkum'],
};

/** A case's other names for its places: the aliases, and the adjective forms of the one-word names (place-forms.ts). */
function placeAliases(ids: readonly string[], names: readonly string[]): string[] {
  const aliases = ids.flatMap((id) => PLACE_ALIASES[id] ?? []);
  return [...aliases, ...[...names, ...aliases].filter((n) => !/\s/.test(n)).flatMap(placeForms)];
}

export interface Units {
  units: Unit[];
  /** per page, what a result shows */
  fragments: Fragment[];
  facets: FacetTable;
  levels: string[];
}

export function searchUnits(graph: Graph): Units {
  const units: Unit[] = [];
  const fragments: Fragment[] = [];
  const typeIndex = new Map(TYPES.map(([id], i) => [id, i]));
  const themeIndex = new Map(graph.themes.map((t, i) => [t.id, i]));
  const provinceIndex = new Map(graph.vocab.provinces.map((p, i) => [p.id, i]));
  const routeIndex = new Map(graph.vocab.routeTypes.map((r, i) => [r.id, i]));
  const sectorIndex = new Map(graph.vocab.sectors.map((s, i) => [s.id, i]));
  const levels = [...new Set(graph.cases.flatMap((c) => c.meta.niveaus))].sort();
  const levelIndex = new Map(levels.map((l, i) => [l, i]));
  const findingById = new Map(graph.findings.map((f) => [f.id, f]));
  const facets: FacetTable = { findings: [], kind: [], province: [], route: [], levels: [], sectors: [], themes: [], type: [] };
  const idx = (m: Map<string, number>, ids: readonly string[]) => ids.map((id) => m.get(id)).filter((i): i is number => i !== undefined);

  const pages = [...graph.cases.map((c) => ({ c, n: null })), ...graph.notes.map((n) => ({ c: null, n }))];
  pages.forEach(({ c, n }, p) => {
    const entry = (c ?? n)!;
    const findings = entry.findingIds.map((id) => findingById.get(id)!).filter(Boolean);
    const aliases = c ? placeAliases(c.meta.plaatsen, c.placeNames) : [];
    if (c) {
      units.push({
        kind: 'c',
        page: p,
        text: [
          c.title,
          [c.meta.regio, ...c.placeNames, c.provinceLabel, ...c.meta.scholen.vo, ...c.meta.scholen.mbo, ...aliases].join(' · '),
          '',
          [c.summary, c.proseText, c.meta.opleidingen.join(' · '), c.routeLabel, c.sectorLabels.join(' · '), c.meta.niveaus.join(' · ')].join(' · '),
        ],
        themes: c.themes,
        province: c.meta.provincie,
        sectors: c.meta.sectoren,
      });
    } else {
      units.push({ kind: 'n', page: p, text: [n!.title, '', '', [n!.summary, n!.proseText].join(' · ')], themes: n!.themes, province: null, sectors: [] });
    }
    facets.findings.push(findings.length);
    facets.kind.push(c ? 0 : 1);
    facets.province.push(c ? (provinceIndex.get(c.meta.provincie) ?? -1) : -1);
    facets.route.push(c ? (routeIndex.get(c.meta.routetype) ?? -1) : -1);
    facets.levels.push(c ? idx(levelIndex, c.meta.niveaus) : []);
    facets.sectors.push(c ? idx(sectorIndex, c.meta.sectoren) : []);
    facets.themes.push(idx(themeIndex, entry.themes));
    facets.type.push(c ? 0 : 1);
    for (const f of findings) {
      units.push({
        kind: 'f',
        page: p,
        text: ['', '', c ? [...c.placeNames, ...aliases].join(' · ') : '', [f.text, f.group ?? ''].join(' · ')],
        themes: f.themes,
        province: c ? c.meta.provincie : null,
        sectors: c ? c.meta.sectoren : [],
      });
      facets.themes.push(idx(themeIndex, f.themes));
      facets.type.push(typeIndex.get(f.type) ?? 2);
    }
    fragments.push({ id: entry.id, kind: c ? 'c' : 'n', title: entry.title, url: entry.url, summary: entry.summary, findings: findings.map((f) => [f.localId, typeIndex.get(f.type) ?? 2, f.text]) });
  });
  return { units, fragments, facets, levels };
}
