// One typed configuration object with defaults; the CLI and .eleventy.js merge overrides once.
import type { ThreadRule } from './link/threads.ts';

export interface Config {
  /** Project root: the folder with sources/, site/ and package.json. */
  root: string;
  /** Source folder, relative to root. */
  sourcesDir: string;
  /** Output folder, relative to root. */
  outputDir: string;
  /** Absolute site URL, used where a format needs one (the Atom feed). */
  siteUrl: string;
  threadRule: ThreadRule;
}

export const DEFAULT_CONFIG: Omit<Config, 'root'> = {
  sourcesDir: 'sources',
  outputDir: '_site',
  siteUrl: 'http://localhost:8080',
  threadRule: { minCases: 3, minProvinces: 2 },
};

export function makeConfig(root: string, overrides: Partial<Omit<Config, 'root'>> = {}): Config {
  const env: Partial<Config> = {};
  if (process.env.KB_SITE_URL) env.siteUrl = process.env.KB_SITE_URL;
  if (process.env.KB_SOURCES) env.sourcesDir = process.env.KB_SOURCES;
  return { ...DEFAULT_CONFIG, ...env, ...overrides, root };
}
