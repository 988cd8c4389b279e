// The HTML pages of a built site, for tests that check every page.
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

/** Every .html file under `site`, as a path relative to it (with '/'), sorted. */
export function htmlFiles(site: string): string[] {
  return readdirSync(site, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split(sep).join('/'))
    .sort();
}

/** Every page of `site` by its address ('/cases/weert/' for cases/weert/index.html) → its HTML. */
export function htmlPages(site: string): Map<string, string> {
  return new Map(htmlFiles(site).map((f) => [`/${f.replace(/index\.html$/, '')}`, readFileSync(join(site, f), 'utf8')]));
}
