// Findings inside a document: list items under a heading that names their type.
//
//   ## Knelpunten
//   - Tekst in eigen woorden. {id: reistijd-bus; thema: vervoer-en-afstand; sectie: Interview}
//
// The attribute block `{…}` ends the item's last paragraph: keys separated by `;`, values by `,`.
// Ids: explicit `id`, or derived from the type and the first six words of the text — so an edit
// to one finding never changes the id of another.
import type { Heading, Html, List, ListItem, Paragraph, Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { problem, type Problem } from '../problems.ts';
import type { FindingType, Point } from '../types.ts';
import { ID_PATTERN, LineIndex, slugify, squash } from '../util/text.ts';
import { ATTR_RE, readAttributes, type AttributeKey, type ListValue } from './attributes.ts';
import { HEADING_BY_TYPE, headingType, suggestHeading } from './headings.ts';
import { toHtml } from './html.ts';

export { HEADING_BY_TYPE, headingType } from './headings.ts';

const ID_PREFIX: Record<FindingType, string> = { knelpunt: 'kp', succesfactor: 'sf', 'rode-draad': 'rd', les: 'les' };

export interface RawFinding {
  localId: string;
  explicitId: boolean;
  type: FindingType;
  /** Sanitized HTML of the item, attribute block removed (the item's tree is not kept). */
  html: string;
  text: string;
  group: string | null;
  themes: string[];
  sectie?: string;
  bron?: string;
  steunt: string[];
  titel?: string;
  position: Point;
  at: Partial<Record<AttributeKey, Point>>;
  /** The values of `thema` and `steunt`, each with its position. */
  lists: { thema: ListValue[]; steunt: ListValue[] };
  /** Where the attribute block `{` starts; undefined when the item has none. */
  block?: Point;
}

export interface DocumentBody {
  findings: RawFinding[];
  /** Top-level nodes that are not findings (prose), in document order. */
  prose: RootContent[];
  problems: Problem[];
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

/** The first HTML block directly in a list item (`- <script>…`, `- <div>…`), if any. */
function htmlBlock(item: ListItem): Html | undefined {
  return item.children.find((c): c is Html => c.type === 'html');
}

/** The tag an HTML block opens with, for the message: "<script>". */
const tagOf = (html: string) => /^<\/?[A-Za-z][\w-]*/.exec(html.trim())?.[0].concat('>') ?? html.trim().slice(0, 12);

export function extractFindings(path: string, src: string, tree: Root): DocumentBody {
  const problems: Problem[] = [];
  const findings: RawFinding[] = [];
  const prose: RootContent[] = [];
  const lines = new LineIndex(src);
  let section: { type: FindingType; depth: number } | null = null;
  let group: string | null = null;
  /** The last heading that named no type (or null before any heading), and whether it was reported. */
  let plainHeading: { node: Heading | null; reported: boolean } = { node: null, reported: false };

  /** The attribute block at the end of the item's last paragraph, as source text and offset. */
  const attributeBlock = (item: ListItem) => {
    const para = lastParagraph(item);
    if (!para) return undefined;
    const paraSrc = src.slice(para.position!.start.offset!, para.position!.end.offset!);
    const m = ATTR_RE.exec(paraSrc);
    return m ? { para, m, offset: para.position!.start.offset! + m.index } : undefined;
  };

  const readItem = (item: ListItem, type: FindingType) => {
    const start = item.position!.start;
    const found = attributeBlock(item);
    const html = htmlBlock(item);
    if (html) {
      const first = item.children[0] === html;
      problems.push(
        problem(
          'finding-html',
          path,
          html.position!.start,
          first
            ? `deze bevinding begint met HTML (${tagOf(html.value)}): een regel die met een HTML-tag begint, wordt niet gepubliceerd — ook de tekst en het kenmerkenblok {…} erachter niet`
            : `deze bevinding bevat een regel die met HTML begint (${tagOf(html.value)}); die regel wordt niet gepubliceerd`,
        ),
      );
      if (!found) return;
    }
    let block: ReturnType<typeof readAttributes> | undefined;
    if (!found) {
      const endPoint = item.position!.end;
      problems.push(
        problem('finding-attributes', path, { line: endPoint.line, column: endPoint.column }, 'bevinding zonder kenmerken: de thema\'s ontbreken', 'Sluit de bevinding af met {thema: thema-id} — bijvoorbeeld {thema: lob, kennismaking-mbo}.'),
      );
    } else {
      const { para, m, offset } = found;
      const lastText = para.children.at(-1);
      if (lastText?.type !== 'text' || !ATTR_RE.test((lastText as Text).value)) {
        problems.push(problem('finding-attributes', path, lines.point(offset), 'het kenmerkenblok {…} bevat opmaak', 'Schrijf het blok {…} als platte tekst, zonder *, _ of `.'));
      } else {
        (lastText as Text).value = (lastText as Text).value.replace(ATTR_RE, '').trimEnd();
      }
      block = readAttributes(path, m[1], offset + 1, lines);
      problems.push(...block.problems);
    }
    const attrs = block?.attrs ?? {};
    const text = squash(toString(item));
    const position: Point = { line: start.line, column: start.column };
    if (!text) {
      problems.push(problem('finding-empty', path, position, `lege bevinding onder "${HEADING_BY_TYPE[type]}"`));
      return;
    }
    let localId = attrs.id ?? '';
    const explicitId = attrs.id !== undefined;
    const at = block?.at ?? {};
    if (explicitId && !ID_PATTERN.test(localId)) {
      problems.push(problem('invalid-id', path, at.id ?? position, `id "${localId}" mag alleen kleine letters, cijfers en streepjes bevatten`, `Bijvoorbeeld "${slugify(localId) || 'reistijd-bus'}".`));
      localId = slugify(localId);
    }
    if (!localId) localId = deriveId(type, text);
    const lists = block?.lists ?? { thema: [], steunt: [] };
    findings.push({
      localId,
      explicitId,
      type,
      html: toHtml(item.children),
      text,
      group,
      themes: lists.thema.map((v) => v.value),
      sectie: attrs.sectie || undefined,
      bron: attrs.bron || undefined,
      steunt: lists.steunt.map((v) => v.value),
      titel: attrs.titel,
      position,
      at,
      lists,
      ...(found ? { block: lines.point(found.offset) } : {}),
    });
  };

  /** A list outside a type heading whose items end in {…}: the author meant findings. */
  const checkPlainList = (list: List) => {
    if (plainHeading.reported) return;
    const item = list.children.find((i) => attributeBlock(i));
    if (!item) return;
    plainHeading.reported = true;
    const h = plainHeading.node;
    const fix = 'Bevindingen staan onder ## Knelpunten, ## Succesfactoren, ## Lessen (of ## Aanbevelingen) of ## Rode draden; onder een andere kop is een lijst gewone tekst en hoort er geen {…} achter.';
    if (!h) {
      problems.push(problem('finding-heading', path, item.position!.start, 'lijstitems met een kenmerkenblok {…} staan niet onder een kop die het type bevinding noemt, en worden daardoor gewone tekst', fix));
      return;
    }
    const title = squash(toString(h));
    const meant = suggestHeading(title);
    problems.push(
      problem(
        'finding-heading',
        path,
        h.position!.start,
        `de kop "${title}" noemt geen type bevinding, dus de lijstitems eronder met {…} worden gewone tekst${meant ? ` — bedoel je "${'#'.repeat(h.depth)} ${meant}"?` : ''}`,
        fix,
      ),
    );
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
      plainHeading = { node: h, reported: false };
      prose.push(node);
      continue;
    }
    if (section && node.type === 'list') {
      for (const item of (node as List).children) readItem(item, section.type);
      continue;
    }
    if (node.type === 'list') checkPlainList(node as List);
    prose.push(node);
  }
  return { findings, prose, problems };
}
