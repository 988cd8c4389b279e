// mdast → sanitized HTML. Raw HTML in the source is dropped (no allowDangerousHtml), and
// rehype-sanitize's GitHub schema removes `javascript:` links and the like.
import type { Root as HastRoot } from 'hast';
import type { Root, RootContent } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const toHast = unified().use(remarkRehype).use(rehypeSanitize);
const stringify = unified().use(rehypeStringify);

export function toHtml(nodes: readonly RootContent[]): string {
  const root: Root = { type: 'root', children: [...nodes] };
  const hast = toHast.runSync(root) as HastRoot;
  return stringify.stringify(hast).trim();
}
