// Shared model types for the pipeline stages.
// Ids are branded strings so a case id cannot be passed where a theme id is expected.

import type { InferableCaseField, InferableDocumentField } from './vocabulary.ts';

export type Brand<T, B extends string> = T & { readonly __brand: B };
export type CaseId = Brand<string, 'CaseId'>;
export type NoteId = Brand<string, 'NoteId'>;
export type ThemeId = Brand<string, 'ThemeId'>;
export type FindingId = Brand<string, 'FindingId'>;
export type DocumentId = Brand<string, 'DocumentId'>;
export type PlaceId = Brand<string, 'PlaceId'>;
export type ProvinceId = Brand<string, 'ProvinceId'>;

export const FINDING_TYPES = ['knelpunt', 'succesfactor', 'rode-draad', 'les'] as const;
export type FindingType = (typeof FINDING_TYPES)[number];

export type Collection = 'cases' | 'notes';

/** A point in a source file, 1-based like editors show it. */
export interface Point {
  line: number;
  column: number;
}

/** A raw source file as read from disk. */
export interface SourceFile {
  /** Path relative to the project root, with forward slashes. */
  path: string;
  /** Decoded text: BOM removed, CRLF normalised to LF. */
  text: string;
}

export interface FindingSource {
  document: DocumentId;
  section: string;
}

export interface Finding {
  /** Global id: `<owner-id>#<local-id>`. */
  id: FindingId;
  localId: string;
  /** Whether the id was written by the author or derived from the text. */
  explicitId: boolean;
  type: FindingType;
  text: string;
  html: string;
  /** For rode draden: the short title the author gave (`titel` in the attribute block). */
  title?: string;
  themes: ThemeId[];
  /** Optional `###` label the finding sits under. */
  group: string | null;
  owner: { collection: Collection; id: string };
  source: FindingSource;
  /** For rode draden: ids of findings that support the thread. */
  supports: FindingId[];
  position: Point;
}

export interface Schools {
  vo: string[];
  mbo: string[];
}

export interface CaseMeta {
  titel: string;
  regio: string;
  provincie: ProvinceId;
  plaatsen: PlaceId[];
  scholen: Schools;
  sectoren: string[];
  opleidingen: string[];
  routetype: string;
  niveaus: string[];
  periode: string;
  bron: DocumentId;
  sectie: string;
  samenvatting: string;
  kanttekening?: string;
  /** Fields whose value is inferred, not stated by the source: field → why. */
  afgeleid?: Partial<Record<InferableCaseField, string>>;
}

export interface NoteMeta {
  titel: string;
  soort: string;
  bron: DocumentId;
  sectie: string;
  samenvatting: string;
  cases: CaseId[];
}

interface EntryBase {
  path: string;
  url: string;
  /** Sanitized HTML of the prose (everything that is not a finding list). */
  proseHtml: string;
  /** Plain text of the prose, for search. */
  proseText: string;
  findings: Finding[];
}

export interface CaseEntry extends EntryBase {
  collection: 'cases';
  id: CaseId;
  meta: CaseMeta;
}

export interface NoteEntry extends EntryBase {
  collection: 'notes';
  id: NoteId;
  meta: NoteMeta;
}

export type Entry = CaseEntry | NoteEntry;

export interface Domain {
  id: string;
  label: string;
  definitie: string;
}

export interface Theme {
  id: ThemeId;
  label: string;
  domein: string;
  gebied?: string;
  definitie: string;
  synoniemen: string[];
}

export interface Codebook {
  domeinen: Domain[];
  themas: Theme[];
}

export interface SourceDocument {
  id: DocumentId;
  titel: string;
  uitgever: string;
  jaar: number;
  soort: string;
  auteurs?: string;
  url?: string;
  /** Fields whose value is inferred, not stated by the document itself: field → why. */
  afgeleid?: Partial<Record<InferableDocumentField, string>>;
}

export interface Place {
  id: PlaceId;
  naam: string;
  provincie: ProvinceId;
  lat: number;
  lon: number;
}
