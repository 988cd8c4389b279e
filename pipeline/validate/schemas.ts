// Schemas as code (zod): required fields, types and allowed values of every source file.
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { DOCUMENT_KINDS, ids, INFERABLE_CASE_FIELDS, INFERABLE_DOCUMENT_FIELDS, LEVEL_PATTERN, NOTE_KINDS, PROVINCES, ROUTE_TYPES, SECTORS } from '../vocabulary.ts';

const text = z.string().trim().min(1);
const textOrNumber = z.union([z.string(), z.number()]).transform(String).pipe(text);
const list = z.array(text);
const level = z
  .string()
  .transform((s) => s.trim().replace(/\s*-+>\s*|\s*→\s*/, ' → '))
  .pipe(z.string().regex(LEVEL_PATTERN, { message: 'level' }));

const enumOf = (values: string[]) => z.enum(values as [string, ...string[]]);
/** `afgeleid`: which fields hold an inferred value, each with the reason (field → why). */
const inferred = (fields: readonly string[]) => z.partialRecord(enumOf([...fields]), text);

export const caseSchema = z.object({
  titel: text,
  regio: text,
  provincie: enumOf(ids(PROVINCES)),
  plaatsen: list.min(1),
  scholen: z.object({ vo: list.min(1), mbo: list.min(1) }),
  sectoren: z.array(enumOf(ids(SECTORS))).min(1),
  opleidingen: list.default([]),
  routetype: enumOf(ids(ROUTE_TYPES)),
  niveaus: z.array(level).min(1),
  periode: textOrNumber,
  bron: text,
  sectie: text,
  samenvatting: text,
  kanttekening: text.optional(),
  afgeleid: inferred(INFERABLE_CASE_FIELDS).optional(),
});

export const noteSchema = z.object({
  titel: text,
  soort: enumOf(ids(NOTE_KINDS)),
  bron: text,
  sectie: text,
  samenvatting: text,
  cases: list.default([]),
});

const idField = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'id' })
  .max(LIMITS.idChars, { message: 'id-length' });

export const codebookSchema = z.object({
  domeinen: z.array(z.object({ id: idField, label: text, definitie: text })).min(1),
  themas: z
    .array(
      z.object({
        id: idField,
        label: text,
        domein: text,
        gebied: enumOf(['curriculum', 'leerling', 'docent']).optional(),
        definitie: text,
        synoniemen: list.default([]),
      }),
    )
    .min(1),
});

export const documentsSchema = z.array(
  z.object({
    id: idField,
    titel: text,
    uitgever: text,
    jaar: z.number().int().min(1990).max(2100),
    soort: enumOf(ids(DOCUMENT_KINDS)),
    auteurs: text.optional(),
    // only web addresses: a `javascript:` or `data:` link must never reach a page
    url: z.url({ protocol: /^https?$/, message: 'url' }).optional(),
    afgeleid: inferred(INFERABLE_DOCUMENT_FIELDS).optional(),
  }),
);

export const placesSchema = z.array(
  z.object({
    id: idField,
    naam: text,
    provincie: enumOf(ids(PROVINCES)),
    lat: z.number().min(50.7).max(53.6),
    lon: z.number().min(3.3).max(7.3),
  }),
);

/** Field names each schema knows, for "unknown field" warnings. */
export const knownKeys = (schema: z.ZodObject): string[] => Object.keys(schema.shape);
