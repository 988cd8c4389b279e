// One typed configuration object with defaults; the CLI and .eleventy.js merge overrides once.
//
// The public address of the site (absolute links in the Atom feed, canonical links, sitemap,
// robots.txt) is one setting, read from, in this order:
//   1. `npm run build -- --site-url https://…`
//   2. the environment variable KB_SITE_URL
//   3. `siteUrl` in kennisbank.config.json at the project root
// Without any of them the site is built for http://localhost:8080 (fine for `npm start`), and a
// build says so; `--production` refuses to build without it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ThreadRule } from './link/threads.ts';

export const CONFIG_FILE = 'kennisbank.config.json';
export const LOCAL_SITE_URL = 'http://localhost:8080';

/** Who publishes the site: shown in the colofon, the accessibility statement and the privacy page. */
export interface Publisher {
  /** Name of the organisation that publishes and maintains this site. */
  beheerder?: string;
  /** Where to send questions and accessibility problems: an e-mail address or a web address. */
  contact?: string;
  /** Web address of the project's source repository (for "bijdragen"). */
  repository?: string;
}

export type SiteUrlSource = 'flag' | 'env' | 'file' | 'default';

export interface Config {
  /** Project root: the folder with sources/, site/ and package.json. */
  root: string;
  /** Source folder, relative to root. */
  sourcesDir: string;
  /** Output folder, relative to root. */
  outputDir: string;
  /** Absolute site URL without a trailing slash, e.g. `https://kennisbank.example.nl`. */
  siteUrl: string;
  /** Where siteUrl came from; `default` means nobody set it. */
  siteUrlSource: SiteUrlSource;
  publisher: Publisher;
  threadRule: ThreadRule;
}

export const DEFAULT_CONFIG: Omit<Config, 'root'> = {
  sourcesDir: 'sources',
  outputDir: '_site',
  siteUrl: LOCAL_SITE_URL,
  siteUrlSource: 'default',
  publisher: {},
  threadRule: { minCases: 3, minProvinces: 2 },
};

/** A setting that cannot be used; the message says where it came from and how to fix it. */
export class ConfigError extends Error {}

const FROM: Record<Exclude<SiteUrlSource, 'default'>, string> = {
  flag: '--site-url',
  env: 'KB_SITE_URL',
  file: `siteUrl in ${CONFIG_FILE}`,
};

/** `https://example.nl/` → `https://example.nl`; anything that is not a site root is an error. */
export function normalizeSiteUrl(raw: string, source: Exclude<SiteUrlSource, 'default'>): string {
  const where = FROM[source];
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError(`${where}: "${raw}" is geen volledig webadres. Schrijf het met https://, bijvoorbeeld https://kennisbank.example.nl`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`${where}: "${raw}" moet met https:// (of http://) beginnen.`);
  if (url.username || url.password || url.search || url.hash) throw new ConfigError(`${where}: "${raw}" mag geen gebruikersnaam, ?vraag of #anker bevatten.`);
  if (url.pathname !== '/') {
    throw new ConfigError(`${where}: "${raw}" wijst naar een submap (${url.pathname}). De site gebruikt adressen vanaf de hoofdmap (/cases/…) en moet dus op de hoofdmap van een (sub)domein staan, zoals https://kennisbank.example.nl`);
  }
  return url.origin;
}

interface ConfigFile extends Publisher {
  siteUrl?: string;
}

function readConfigFile(root: string): ConfigFile {
  const path = join(root, CONFIG_FILE);
  if (!existsSync(path)) return {};
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ConfigError(`${CONFIG_FILE}: geen geldige JSON (${(e as Error).message}).`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ConfigError(`${CONFIG_FILE}: verwacht een object, zoals {"siteUrl": "https://kennisbank.example.nl"}.`);
  const allowed = ['siteUrl', 'beheerder', 'contact', 'repository'];
  const out: ConfigFile = {};
  for (const [key, value] of Object.entries(data)) {
    if (!allowed.includes(key)) throw new ConfigError(`${CONFIG_FILE}: onbekende instelling "${key}". Toegestaan: ${allowed.join(', ')}.`);
    if (typeof value !== 'string') throw new ConfigError(`${CONFIG_FILE}: "${key}" moet tekst zijn.`);
    if (value.trim()) out[key as keyof ConfigFile] = value.trim();
  }
  if (out.repository) out.repository = checkAddress(out.repository, 'repository', false);
  if (out.contact) out.contact = checkAddress(out.contact, 'contact', true);
  return out;
}

/** A web address, or (for contact) an e-mail address, which becomes a mailto: link. */
function checkAddress(value: string, key: string, mailAllowed: boolean): string {
  if (mailAllowed && /^[^\s@/:]+@[^\s@/]+\.[^\s@/]+$/.test(value)) return `mailto:${value}`;
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:' || (mailAllowed && url.protocol === 'mailto:')) return url.href;
  } catch {
    /* reported below */
  }
  throw new ConfigError(`${CONFIG_FILE}: "${key}" moet ${mailAllowed ? 'een e-mailadres of ' : ''}een webadres met https:// zijn, niet "${value}".`);
}

export function makeConfig(root: string, overrides: Partial<Omit<Config, 'root'>> = {}): Config {
  const file = readConfigFile(root);
  const env: Partial<Config> = {};
  if (file.siteUrl) Object.assign(env, { siteUrl: normalizeSiteUrl(file.siteUrl, 'file'), siteUrlSource: 'file' });
  if (process.env.KB_SITE_URL) Object.assign(env, { siteUrl: normalizeSiteUrl(process.env.KB_SITE_URL, 'env'), siteUrlSource: 'env' });
  if (process.env.KB_SOURCES) env.sourcesDir = process.env.KB_SOURCES;
  const { siteUrl: _url, ...publisher } = file;
  return { ...DEFAULT_CONFIG, publisher, ...env, ...overrides, root };
}

/**
 * What a build should say before it publishes: nothing when the public address is set; a warning
 * when it is not (local preview is fine); an error for a production build without it or with one
 * that points to this machine. A production build also warns when nobody is named as publisher.
 */
export function publishNotices(config: Config, production: boolean): { level: 'warning' | 'error'; message: string }[] {
  const how = `Stel het publieke adres in met --site-url https://…, met KB_SITE_URL of met "siteUrl" in ${CONFIG_FILE}.`;
  const local = /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(config.siteUrl);
  const out: { level: 'warning' | 'error'; message: string }[] = [];
  if (production && (config.siteUrlSource === 'default' || local)) {
    out.push({ level: 'error', message: `Productiebuild afgebroken: de feed, de sitemap en de canonieke links zouden naar ${config.siteUrl} wijzen. ${how}` });
  } else if (config.siteUrlSource === 'default') {
    out.push({ level: 'warning', message: `Let op: geen publieke URL ingesteld; de feed, de sitemap en de canonieke links wijzen naar ${config.siteUrl}. Goed voor bekijken op deze computer, niet om te publiceren. ${how}` });
  }
  const missing = (['beheerder', 'contact'] as const).filter((k) => !config.publisher[k]);
  if (production && missing.length) {
    out.push({ level: 'warning', message: `Let op: ${missing.join(' en ')} ${missing.length > 1 ? 'ontbreken' : 'ontbreekt'} in ${CONFIG_FILE}; colofon, toegankelijkheidsverklaring en privacyverklaring noemen dan geen organisatie of contactadres.` });
  }
  return out;
}
