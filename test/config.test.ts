// The public site URL and the publisher: where they come from, what is refused, and what a build
// says when the URL is missing.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, makeConfig, normalizeSiteUrl, publishNotices } from '../pipeline/config.ts';
import { cli } from './helpers/cli.ts';

let saved: string | undefined;
beforeEach(() => {
  saved = process.env.KB_SITE_URL;
  delete process.env.KB_SITE_URL;
});
afterEach(() => {
  if (saved === undefined) delete process.env.KB_SITE_URL;
  else process.env.KB_SITE_URL = saved;
});

const rootWith = (config?: unknown) => {
  const dir = mkdtempSync(join(tmpdir(), 'kb-config-'));
  if (config !== undefined) writeFileSync(join(dir, 'kennisbank.config.json'), typeof config === 'string' ? config : JSON.stringify(config));
  return dir;
};

describe('normalizeSiteUrl', () => {
  it.each([
    ['https://kennisbank.example.nl', 'https://kennisbank.example.nl'],
    ['https://kennisbank.example.nl/', 'https://kennisbank.example.nl'],
    ['  HTTPS://Kennisbank.Example.NL:8443/ ', 'https://kennisbank.example.nl:8443'],
    ['http://127.0.0.1:4000', 'http://127.0.0.1:4000'],
  ])('should accept %s', (raw, url) => {
    expect(normalizeSiteUrl(raw, 'flag')).toBe(url);
  });

  it.each([
    ['kennisbank.example.nl', 'is geen volledig webadres'],
    ['ftp://kennisbank.example.nl', 'moet met https:// (of http://) beginnen'],
    ['https://kennisbank.example.nl/?x=1', 'mag geen gebruikersnaam, ?vraag of #anker bevatten'],
    ['https://user@kennisbank.example.nl', 'mag geen gebruikersnaam, ?vraag of #anker bevatten'],
    ['https://example.github.io/kennisbank/', 'wijst naar een submap (/kennisbank/)'],
  ])('should refuse %s, saying where the value came from', (raw, message) => {
    expect(() => normalizeSiteUrl(raw, 'env')).toThrow(ConfigError);
    expect(() => normalizeSiteUrl(raw, 'env')).toThrow(new RegExp(`^KB_SITE_URL: .*${message.replace(/[?()/.]/g, '\\$&')}`));
  });
});

describe('makeConfig', () => {
  it('should default to localhost, marked as not set', () => {
    expect(makeConfig(rootWith())).toMatchObject({ siteUrl: 'http://localhost:8080', siteUrlSource: 'default', publisher: {} });
  });

  it('should read kennisbank.config.json, with the environment above it', () => {
    const root = rootWith({ siteUrl: 'https://uit-bestand.example.nl/', beheerder: 'Stichting Voorbeeld', contact: 'info@voorbeeld.nl', repository: 'https://code.example.nl/kennisbank' });
    expect(makeConfig(root)).toMatchObject({
      siteUrl: 'https://uit-bestand.example.nl',
      siteUrlSource: 'file',
      publisher: { beheerder: 'Stichting Voorbeeld', contact: 'mailto:info@voorbeeld.nl', repository: 'https://code.example.nl/kennisbank' },
    });
    process.env.KB_SITE_URL = 'https://uit-omgeving.example.nl';
    expect(makeConfig(root)).toMatchObject({ siteUrl: 'https://uit-omgeving.example.nl', siteUrlSource: 'env' });
  });

  it.each([
    ['{"siteUrl": ', 'kennisbank.config.json: geen geldige JSON'],
    ['[]', 'kennisbank.config.json: verwacht een object'],
    [{ siteurl: 'https://x.nl' }, 'kennisbank.config.json: onbekende instelling "siteurl"'],
    [{ beheerder: 3 }, 'kennisbank.config.json: "beheerder" moet tekst zijn'],
    [{ contact: 'bel ons' }, 'kennisbank.config.json: "contact" moet een e-mailadres of een webadres met https:// zijn'],
    [{ siteUrl: 'kennisbank.nl' }, 'siteUrl in kennisbank.config.json: "kennisbank.nl" is geen volledig webadres'],
  ])('should refuse a bad file (%j) with a message', (content, message) => {
    expect(() => makeConfig(rootWith(content))).toThrow(message);
  });
});

describe('publishNotices', () => {
  const config = (over: object) => ({ ...makeConfig(rootWith()), ...over });
  it('should warn for a local build without a public URL and stop a production build', () => {
    expect(publishNotices(config({}), false)).toEqual([{ level: 'warning', message: expect.stringContaining('geen publieke URL ingesteld') }]);
    expect(publishNotices(config({}), true)[0]).toEqual({ level: 'error', message: expect.stringContaining('Productiebuild afgebroken') });
    expect(publishNotices(config({ siteUrl: 'http://localhost:8080', siteUrlSource: 'env' }), true)[0].level).toBe('error');
  });

  it('should say nothing when the URL and the publisher are set', () => {
    const set = config({ siteUrl: 'https://kennisbank.example.nl', siteUrlSource: 'flag', publisher: { beheerder: 'X', contact: 'mailto:x@x.nl' } });
    expect(publishNotices(set, true)).toEqual([]);
    expect(publishNotices({ ...set, publisher: {} }, true)).toEqual([{ level: 'warning', message: expect.stringContaining('beheerder en contact ontbreken') }]);
  });
});

describe('build command', () => {
  it('should refuse a production build without a public URL, before writing anything', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kb-prod-')), 'site');
    const r = cli(['build', '--production', '--out', out], { env: { KB_SITE_URL: '' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Productiebuild afgebroken: de feed, de sitemap en de canonieke links zouden naar http://localhost:8080 wijzen.');
    expect(existsSync(out)).toBe(false);
  });

  it('should refuse a --site-url that is not a site root, in one line', () => {
    const r = cli(['build', '--site-url', 'https://example.github.io/kennisbank/', '--out', join(tmpdir(), 'kb-never')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^--site-url: "https:\/\/example\.github\.io\/kennisbank\/" wijst naar een submap/);
  });
});
