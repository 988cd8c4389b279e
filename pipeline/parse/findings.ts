// Findings inside a document: list items under a heading that names their type.
//
//   ## Knelpunten
//   - Tekst in eigen woorden. {id: reistijd-bus; thema: vervoer-en-afstand; sectie: Interview}
//
// The attribute block `{…}` ends the item's last paragraph: keys separated by `;`, values by `,`.
// Ids: explicit `id`, or derived from the type and the first six words of the text — so an edit
// to one finding never changes the id of another.
import type { Heading, List, ListItem, Paragraph, Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { problem, type Problem } from '../problems.ts';
import type { FindingType, Point } from '../types.ts';
import { didYouMean } from '../util/suggest.ts';
import { fold, ID_PATTERN, LineIndex, slugify, squash } from '../util/text.ts';

const TYPE_BY_HEADING: Record<string, FindingType> = {
  knelpunten: 'knelpunt',
  knelpunt: 'knelpunt',
  succesfactoren: 'succesfactor',
  succesfactor: 'succesfactor',
  'rode draden': 'rode-draad',
  'rode draad': 'rode-draad',
  lessen: 'les',
  les: 'les',
  aanbevelingen: 'les',
  'lessen en aanbevelingen': 'les',
};

export const HEADING_BY_TYPE: Record<FindingType, string> = {
  knelpunt: 'Knelpunten',
  succesfactor: 'Succesfactoren',
  'rode-draad': 'Rode draden',
  les: 'Lessen',
};

const ID_PREFIX: Record<FindingType, string> = { knelpunt: 'kp', succesfactor: 'sf', 'rode-draad': 'rd', les: 'les' };

export const ATTRIBUTE_KEYS = ['id', 'thema', 'sectie', 'bron', 'steunt', 'titel'] as const;
type AttributeKey = (typeof ATTRIBUTE_KEYS)[number];
const KEY_ALIASES: Record<string, AttributeKey> = { themas: 'thema', "thema's": 'thema', themes: 'thema', section: 'sectie' };

export interface RawFinding {
  localId: string;
  explicitId: boolean;
  type: FindingType;
  item: ListItem;
  text: string;
  group: string | null;
  themes: string[];
  sectie?: string;
  bron?: string;
  steunt: string[];
  titel?: string;
  position: Point;
  at: Partial<Record<AttributeKey, Point>>;
}

export interface DocumentBody {
  findings: RawFinding[];
  /** Top-level nodes that are not findings (prose), in document order. */
  prose: RootContent[];
  problems: Problem[];
}

const ATTR_RE = /\{([^{}]*)\}\s*$/;

/** Own-property lookup: a heading or key such as "constructor" must not find Object's members. */
const own = <T>(table: Record<string, T>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

export function headingType(text: string): FindingType | undefined {
  return own(TYPE_BY_HEADING, fold(squash(text)).replace(/[:.]$/, ''));
}

/** Derived id: type prefix + the first six words of the text, slugged. */
export function deriveId(type: FindingType, text: string): string {
  const words = slugify(text).split('-').filter(Boolean).slice(0, 6).join('-');
  return `${ID_PREFIX[type]}-${words}`.slice(0, 60).replace(/-+$/, '');
}

function lastParagraph(item: ListItem): Paragraph | undefined {
  for (let i = item.children.length - 1; i >= 0; i--) {
    const c = item.children[i];
    if (c.type === 'paragraph') return c;
  }
  return undefined;
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function extractFindings(path: string, src: string, tree: Root): DocumentBody {
  const problems: Problem[] = [];
  const findings: RawFinding[] = [];
  const prose: RootContent[] = [];
  const lines = new LineIndex(src);
  let section: { type: FindingType; depth: number } | null = null;
  let group: string | null = null;

  const readItem = (item: ListItem, type: FindingType) => {
    const start = item.position!.start;
    const para = lastParagraph(item);
    const lastText = para?.children.at(-1);
    const paraSrc = para ? src.slice(para.position!.start.offset!, para.position!.end.offset!) : '';
    const m = ATTR_RE.exec(paraSrc);
    const at: RawFinding['at'] = {};
    const attrs: Partial<Record<AttributeKey, string>> = {};
    if (!m || !para) {
      const endPoint = item.position!.end;
      problems.push(
        problem('finding-attributes', path, { line: endPoint.line, column: endPoint.column }, 'bevinding zonder kenmerken: de thema\'s ontbreken', 'Sluit de bevinding af met {thema: thema-id} — bijvoorbeeld {thema: lob, kennismaking-mbo}.'),
      );
    } else {
      if (lastText?.type !== 'text' || !ATTR_RE.test((lastText as Text).value)) {
        problems.push(problem('finding-attributes', path, lines.point(para.position!.start.offset! + m.index), 'het kenmerkenblok {…} bevat opmaak', 'Schrijf het blok {…} als platte tekst, zonder *, _ of `.'));
      } else {
        (lastText as Text).value = (lastText as Text).value.replace(ATTR_RE, '').trimEnd();
      }
      const blockOffset = para.position!.start.offset! + m.index + 1;
      let cursor = 0;
      for (const part of m[1].split(';')) {
        const partOffset = blockOffset + cursor + (part.length - part.trimStart().length);
        cursor += part.length + 1;
        if (!part.trim()) continue;
        const colon = part.indexOf(':');
        const point = lines.point(partOffset);
        if (colon < 0) {
          problems.push(problem('finding-attributes', path, point, `"${part.trim()}" is geen kenmerk in de vorm "naam: waarde"`, 'Schrijf kenmerken als {thema: a, b; id: c}, gescheiden door ";".'));
          continue;
        }
        const rawKey = fold(part.slice(0, colon).trim());
        const key = (ATTRIBUTE_KEYS as readonly string[]).includes(rawKey) ? (rawKey as AttributeKey) : own(KEY_ALIASES, rawKey);
        if (!key) {
          problems.push(problem('finding-attributes', path, point, `onbekend kenmerk "${rawKey}" ${didYouMean(rawKey, ATTRIBUTE_KEYS)}`.trim(), `Toegestaan: ${ATTRIBUTE_KEYS.join(', ')}.`));
          continue;
        }
        if (attrs[key] !== undefined) {
          problems.push(problem('finding-attributes', path, point, `kenmerk "${key}" staat twee keer in dezelfde bevinding`, 'Noem elk kenmerk één keer; meerdere waarden scheid je met komma\'s.'));
          continue;
        }
        attrs[key] = part.slice(colon + 1).trim();
        at[key] = point;
      }
    }
    const text = squash(toString(item));
    const position: Point = { line: start.line, column: start.column };
    if (!text) {
      problems.push(problem('finding-empty', path, position, `lege bevinding onder "${HEADING_BY_TYPE[type]}"`));
      return;
    }
    let localId = attrs.id ?? '';
    const explicitId = attrs.id !== undefined;
    if (explicitId && !ID_PATTERN.test(localId)) {
      problems.push(problem('invalid-id', path, at.id ?? position, `id "${localId}" mag alleen kleine letters, cijfers en streepjes bevatten`, `Bijvoorbeeld "${slugify(localId) || 'reistijd-bus'}".`));
      localId = slugify(localId);
    }
    if (!localId) localId = deriveId(type, text);
    findings.push({
      localId,
      explicitId,
      type,
      item,
      text,
      group,
      themes: splitList(attrs.thema ?? ''),
      sectie: attrs.sectie || undefined,
      bron: attrs.bron || undefined,
      steunt: splitList(attrs.steunt ?? ''),
      titel: attrs.titel || undefined,
      position,
      at,
    });
  };

  for (const node of tree.children) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading') {
      const h = node as Heading;
      const type = headingType(toString(h));
      if (type) {
        section = { type, depth: h.depth };
        group = null;
        continue;
      }
      if (section && h.depth > section.depth) {
        group = squash(toString(h));
        continue;
      }
      section = null;
      group = null;
      prose.push(node);
      continue;
    }
    if (section && node.type === 'list') {
      for (const item of (node as List).children) readItem(item, section.type);
      continue;
    }
    prose.push(node);
  }
  return { findings, prose, problems };
}
