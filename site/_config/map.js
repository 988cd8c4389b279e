// The map of the Netherlands, drawn at build time as SVG: the outline from world-atlas (Natural Earth,
// public domain), projected with d3-geo; one marker per case at its first place. Deterministic output.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const WIDTH = 400;
const HEIGHT = 470;

let cached = null;
/** The European part of the Netherlands (the Caribbean islands are left out of this map). */
function outline() {
  if (cached) return cached;
  // read, not required: require would keep the whole world (30 MB in memory) for the rest of the build
  const world = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8'));
  // only the Netherlands' geometry is decoded, not the whole world
  const nl = feature(world, world.objects.countries.geometries.find((g) => g.id === '528'));
  const european = nl.geometry.coordinates.filter((poly) => poly[0].every(([lon, lat]) => lon > 3 && lon < 8 && lat > 50 && lat < 54));
  const geo = { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: european } };
  const projection = geoMercator().fitExtent([[10, 10], [WIDTH - 10, HEIGHT - 10]], geo);
  const round = (d) => d.replace(/\d+\.\d+/g, (n) => Number(n).toFixed(1));
  cached = { projection, path: round(geoPath(projection)(geo)) };
  return cached;
}

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Inline SVG with one linked, named marker per case. `cases` are graph case views. With more than
 * `perCaseUpTo` cases, one marker per place instead (sized by its number of cases), linking to the
 * province page: thousands of markers would neither fit the map nor make a usable page.
 */
export function nlMap(cases, placeById, perCaseUpTo = Infinity) {
  const { projection, path } = outline();
  const list = cases ?? [];
  if (list.length > perCaseUpTo) return placeMap(list, placeById, projection, path);
  const seen = new Map();
  const markers = list
    .map((c) => {
      const place = placeById?.[c.meta.plaatsen[0]];
      if (!place) return '';
      let [x, y] = projection([place.lon, place.lat]);
      const key = `${x.toFixed(0)},${y.toFixed(0)}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      x += n * 9;
      return `<a href="${esc(c.url)}" class="map__marker"><title>${esc(c.title)} (${esc(place.naam)}, ${esc(c.provinceLabel)})</title><circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="7"/></a>`;
    })
    .join('');
  return svg(path, 'Elke stip is een case; kies een stip om de case te openen. Dezelfde cases staan in de lijst naast de kaart.', markers);
}

const svg = (path, explanation, markers) =>
  `<svg class="map" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="group" aria-labelledby="kaart-titel kaart-uitleg"><title id="kaart-titel">Kaart van Nederland met de cases</title><desc id="kaart-uitleg">${explanation}</desc><path class="map__land" d="${path}"/>${markers}</svg>`;

/** One marker per place (the first place of each case), its area growing with its cases; biggest drawn first. */
function placeMap(cases, placeById, projection, path) {
  const byPlace = new Map();
  for (const c of cases) {
    const place = placeById?.[c.meta.plaatsen[0]];
    if (!place) continue;
    const entry = byPlace.get(place.id) ?? { place, province: c.meta.provincie, provinceLabel: c.provinceLabel, n: 0 };
    entry.n++;
    byPlace.set(place.id, entry);
  }
  const markers = [...byPlace.values()]
    .sort((a, b) => b.n - a.n || (a.place.id < b.place.id ? -1 : 1))
    .map(({ place, province, provinceLabel, n }) => {
      const [x, y] = projection([place.lon, place.lat]);
      const r = Math.min(16, 4 + 2 * Math.sqrt(n));
      return `<a href="/provincies/${esc(province)}/" class="map__marker"><title>${esc(place.naam)}: ${n} ${n === 1 ? 'case' : 'cases'} (${esc(provinceLabel)})</title><circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}"/></a>`;
    })
    .join('');
  return svg(path, 'Elke stip is een plaats met cases, groter naarmate er meer zijn; kies een stip om de cases van die provincie te zien. De aantallen per provincie staan ook naast de kaart.', markers);
}
