// Fixed vocabularies of the content model: the allowed values of enumerated frontmatter fields.
// Themes are not here: they live in sources/codebook.yml, which authors can extend.

export interface Term {
  id: string;
  label: string;
  /** What people type for it (used by search). */
  synoniemen?: string[];
  /** Other forms an author may write for it (only for "bedoel je …?"): "Zeeuws" for zeeland. */
  vormen?: string[];
  definitie?: string;
}

export const PROVINCES: readonly Term[] = [
  { id: 'groningen', label: 'Groningen', vormen: ['Gronings', 'Groningse', 'Stad en Ommeland'] },
  { id: 'friesland', label: 'Friesland', synoniemen: ['Fryslân', 'Fryslan'], vormen: ['Fries', 'Friese'] },
  { id: 'drenthe', label: 'Drenthe', vormen: ['Drents', 'Drentse'] },
  { id: 'overijssel', label: 'Overijssel', vormen: ['Overijssels', 'Overijsselse', 'Twente', 'Twents'] },
  { id: 'flevoland', label: 'Flevoland', vormen: ['Flevolands', 'Flevolandse'] },
  { id: 'gelderland', label: 'Gelderland', vormen: ['Gelders', 'Gelderse', 'Veluwe', 'Achterhoek'] },
  { id: 'utrecht', label: 'Utrecht', vormen: ['Utrechts', 'Utrechtse'] },
  { id: 'noord-holland', label: 'Noord-Holland', vormen: ['Noord-Hollands', 'Noord-Hollandse'] },
  { id: 'zuid-holland', label: 'Zuid-Holland', vormen: ['Zuid-Hollands', 'Zuid-Hollandse'] },
  { id: 'zeeland', label: 'Zeeland', vormen: ['Zeeuws', 'Zeeuwse', 'Zeeuws-Vlaanderen'] },
  { id: 'noord-brabant', label: 'Noord-Brabant', synoniemen: ['Brabant'], vormen: ['Brabants', 'Brabantse'] },
  { id: 'limburg', label: 'Limburg', vormen: ['Limburgs', 'Limburgse'] },
];

export const SECTORS: readonly Term[] = [
  { id: 'bouw', label: 'Bouw, wonen en interieur', synoniemen: ['BWI', 'bouw'] },
  { id: 'techniek', label: 'Techniek en installatie', synoniemen: ['PIE', 'techniek', 'installatietechniek', 'elektrotechniek', 'werktuigbouw', 'mechatronica'] },
  { id: 'mobiliteit', label: 'Mobiliteit en transport', synoniemen: ['MT', 'motorvoertuigentechniek', 'transport', 'autotechniek'] },
  { id: 'maritiem', label: 'Maritiem', synoniemen: ['MaT', 'maritiem'] },
  { id: 'ict-media', label: 'ICT en media', synoniemen: ['IT', 'ICT', 'MVI', 'media', 'vormgeving'] },
  { id: 'dienstverlening', label: 'Dienstverlening en producten', synoniemen: ['D&P', 'DP', 'dienstverlening'] },
  { id: 'economie', label: 'Economie en ondernemen', synoniemen: ['E&O', 'EO', 'handel', 'retail', 'logistiek', 'commercie'] },
  { id: 'horeca', label: 'Horeca, bakkerij en recreatie', synoniemen: ['HBR', 'horeca', 'bakkerij', 'recreatie', 'toerisme', 'koken'] },
  { id: 'zorg-welzijn', label: 'Zorg en welzijn', synoniemen: ['Z&W', 'ZW', 'zorg', 'welzijn', 'kinderopvang'] },
  { id: 'groen', label: 'Groen', synoniemen: ['groen', 'agrarisch', 'dier', 'plant'] },
  { id: 'sport-veiligheid', label: 'Sport en veiligheid', synoniemen: ['sport', 'veiligheid'] },
  { id: 'breed', label: 'Alle sectoren', synoniemen: ['alle profielen', 'breed'] },
];

export const ROUTE_TYPES: readonly Term[] = [
  { id: 'doorlopende-leerroute', label: 'Doorlopende leerroute', definitie: 'Eén programma vmbo-mbo waarin de leerling beide diploma\'s haalt; het vmbo-examen kan worden uitgesteld.' },
  { id: 'geintegreerde-leerroute', label: 'Geïntegreerde leerroute', definitie: 'Route van vmbo-basis naar mbo-2 waarin het vmbo-examen geheel of gedeeltelijk kan vervallen.' },
  { id: 'programmatische-aansluiting', label: 'Programmatische aansluiting', definitie: 'Programma\'s van vmbo en mbo op elkaar afgestemd, zonder formele gecombineerde route.' },
  { id: 'keuzedeel-samenwerking', label: 'Samenwerking in keuzevakken en keuzedelen', definitie: 'Vmbo-leerlingen volgen mbo-keuzedelen of keuzevakken die op het mbo aansluiten.' },
  { id: 'lob-en-overstap', label: 'LOB en overstap', definitie: 'De samenwerking richt zich vooral op loopbaanoriëntatie, kennismaking met het mbo en de overstap.' },
  { id: 'verkenning', label: 'Verkenning', definitie: 'Een haalbaarheidsonderzoek of verkenning; nog geen route in uitvoering.' },
];

export const NOTE_KINDS: readonly Term[] = [
  { id: 'praktijkonderzoek', label: 'Praktijkonderzoek' },
  { id: 'interview', label: 'Interview' },
  { id: 'notitie', label: 'Notitie' },
  { id: 'synthese', label: 'Synthese' },
  { id: 'toelichting', label: 'Toelichting' },
  { id: 'verkenning', label: 'Verkenning' },
];

/** What a source document in sources/documents.yml is (`soort`). */
export const DOCUMENT_KINDS: readonly Term[] = [
  { id: 'artikel', label: 'Artikel' },
  { id: 'boek', label: 'Boek' },
  { id: 'interview', label: 'Interview' },
  { id: 'magazine', label: 'Magazine', synoniemen: ['digizine', 'tijdschrift'] },
  { id: 'notitie', label: 'Notitie' },
  { id: 'praktijkonderzoek', label: 'Praktijkonderzoek', synoniemen: ['onderzoek'] },
  { id: 'rapport', label: 'Rapport', synoniemen: ['verslag', 'evaluatie'] },
  { id: 'regelgeving', label: 'Wet- en regelgeving', synoniemen: ['wet', 'wettekst', 'memorie van toelichting'] },
  { id: 'webpagina', label: 'Webpagina', synoniemen: ['website', 'webartikel'] },
];

/**
 * Fields whose value may be inferred rather than stated by the source. A case or document marks
 * them in `afgeleid` (field → why), and the site shows the mark beside the value.
 */
export const INFERABLE_CASE_FIELDS = ['regio', 'plaatsen', 'provincie', 'scholen', 'sectoren', 'opleidingen', 'routetype', 'niveaus', 'periode'] as const;
export const INFERABLE_DOCUMENT_FIELDS = ['titel', 'uitgever', 'jaar', 'soort', 'auteurs'] as const;
export type InferableCaseField = (typeof INFERABLE_CASE_FIELDS)[number];
export type InferableDocumentField = (typeof INFERABLE_DOCUMENT_FIELDS)[number];

/** "vmbo-bb → mbo-2"; "vmbo → mbo" when the source gives no level. */
export const LEVEL_PATTERN = /^vmbo(-(bb|kb|gl|tl|gl\/tl))? → mbo(-[1-4])?$/;

export const ids = (terms: readonly Term[]): string[] => terms.map((t) => t.id);
export const labelOf = (terms: readonly Term[], id: string): string => terms.find((t) => t.id === id)?.label ?? id;
