// mdast → sanitized HTML with the utilities under remark-rehype, rehype-sanitize and
// rehype-stringify, called directly: no unified processor run per finding (that machinery cost
// more than the conversion itself, thousands of times a build). Raw HTML in the source is
// dropped (no allowDangerousHtml), and hast-util-sanitize's default (GitHub) schema removes
// `javascript:` links and the like.
import { sanitize } from 'hast-util-sanitize';
import { toHtml as hastToHtml } from 'hast-util-to-html';
import type { Root, RootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';

export function toHtml(nodes: readonly RootContent[]): string {
  const root: Root = { type: 'root', children: nodes as RootContent[] };
  return hastToHtml(sanitize(toHast(root))).trim();
}
