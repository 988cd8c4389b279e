// Command line: `check`, `build`, `new`. Content problems are printed as positioned messages
// and end in exit code 1; no stack traces for them.
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { check, makeConfig } from './build.ts';
import { ConfigError, normalizeSiteUrl, publishNotices, type Config } from './config.ts';
import { pipelineFor } from './eleventy-data.ts';
import { discardInBackground, fsError, makeTemp, OutputError, recoverInterrupted, refuseOutput, removeQuietly, swapIn } from './output.ts';
import { formatReport, sortProblems } from './problems.ts';
import { formatSummary } from './summary.ts';
import { newCommand, NEW_USAGE } from './new/index.ts';
import { devCommand } from './dev-command.ts';
import { refuseReportFile, UsageError, writeReport } from './report-file.ts';

const USAGE = `Gebruik:
  npm run check [-- opties]   bronnen controleren (snel, schrijft niets)
      --format text|json      tekst (standaard) of JSON voor editors en CI
      --output BESTAND        het rapport in een bestand in plaats van op het scherm
                              (of: npm run -s check -- --format json, zonder de regels van npm)
  npm run build [-- opties]   site bouwen in _site (atomair)
      --site-url https://…    publiek adres (ook KB_SITE_URL of kennisbank.config.json)
      --production            stoppen zonder publiek adres
      --quiet                 alleen fouten tonen
  npm run dev [-- opties]     site bekijken terwijl je schrijft (http://localhost:8080)
      --port N                een andere poort dan 8080
  npm run new [-- opties]     nieuwe case maken (npm run new -- --help voor de opties)
Voor alle opdrachten: --sources MAP (standaard sources); build en dev ook --out MAP (standaard _site).`;

async function runCheck(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'text' }, sources: { type: 'string' }, output: { type: 'string' } }, allowPositionals: false });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format "${values.format}" bestaat niet; kies text of json.`);
  const config = makeConfig(process.cwd(), values.sources ? { sourcesDir: values.sources } : {});
  if (values.output) {
    const why = refuseReportFile(values.output, config);
    if (why) throw new UsageError(why);
  }
  const t0 = performance.now();
  const r = await check(config);
  const ms = Math.round(performance.now() - t0);
  const findings = [...r.model.cases, ...r.model.notes].reduce((n, e) => n + e.findings.length, 0);
  const summary = `${r.ok ? 'OK' : 'NIET OK'}: ${r.model.cases.length} cases, ${r.model.notes.length} notities, ${findings} bevindingen gecontroleerd in ${ms} ms`;
  const report =
    values.format === 'json'
      ? `${JSON.stringify({ ok: r.ok, problems: sortProblems(r.problems), cases: r.model.cases.length, notes: r.model.notes.length, findings }, null, 2)}\n`
      : `${r.problems.length ? `${formatReport(r.problems)}\n` : ''}${summary}\n`;
  if (values.output) {
    const failed = writeReport(values.output, report);
    if (failed) {
      process.stderr.write(`${failed}\n`);
      return 1;
    }
    const errors = r.problems.filter((p) => p.severity === 'error').length;
    process.stdout.write(`${summary}; ${errors} ${errors === 1 ? 'fout' : 'fouten'}, ${r.problems.length - errors} waarschuwingen in ${values.output}\n`);
  } else process.stdout.write(report);
  return r.ok ? 0 : 1;
}

async function runBuild(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { sources: { type: 'string' }, out: { type: 'string' }, quiet: { type: 'boolean', default: false }, 'site-url': { type: 'string' }, production: { type: 'boolean', default: false } } });
  const root = process.cwd();
  // via the environment, so Eleventy's own configuration (.eleventy.js, site/_data) sees it too
  if (values['site-url'] !== undefined) process.env.KB_SITE_URL = normalizeSiteUrl(values['site-url'], 'flag');
  const config = makeConfig(root, { ...(values.sources ? { sourcesDir: values.sources } : {}), ...(values.out ? { outputDir: values.out } : {}) });
  if (values.sources) process.env.KB_SOURCES = values.sources;
  const log = (s: string) => values.quiet || process.stdout.write(`${s}\n`);
  const notices = publishNotices(config, values.production);
  for (const n of notices) if (n.level === 'error') process.stderr.write(`${n.message}\n`);
  if (notices.some((n) => n.level === 'error')) return 1;
  for (const n of notices) log(n.message);

  const out = resolve(root, config.outputDir);
  const refused = refuseOutput(out, config);
  if (refused) {
    process.stderr.write(`Bouwen geweigerd: ${refused}\n`);
    return 2;
  }
  try {
    if (recoverInterrupted(out)) log(`Een eerder afgebroken build had ${config.outputDir}/ opzij gezet; die site is teruggezet.`);
  } catch (e) {
    throw fsError(e, `Kan de resten van een afgebroken build niet opruimen in ${dirname(out)}`);
  }
  const tmp = makeTemp(out);
  // Ctrl-C or a stopped CI job: no half-built folder beside the site (the swap itself is
  // synchronous, so a signal is handled before it or after it, never in between)
  const stop = (signal: NodeJS.Signals) => {
    removeQuietly(tmp);
    process.stderr.write(`Bouwen afgebroken (${signal}). De vorige site in ${config.outputDir}/ is niet aangeraakt.\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);
  try {
    return await buildInto(tmp, out, config, log);
  } finally {
    process.off('SIGINT', stop).off('SIGTERM', stop);
    removeQuietly(tmp);
  }
}

async function buildInto(tmp: string, out: string, config: Config, log: (s: string) => void): Promise<number> {
  log('[1/3] bronnen lezen en controleren …');
  const t0 = performance.now();
  const { result } = await pipelineFor(config);
  if (!result.ok) {
    process.stderr.write(`${formatReport(result.problems)}\n`);
    process.stderr.write(`Bouwen afgebroken: los de fouten hierboven op. De vorige site in ${config.outputDir}/ is niet aangeraakt.\n`);
    return 1;
  }
  const pipelineMs = Math.round(performance.now() - t0);
  const warnings = result.problems.filter((p) => p.severity === 'warning');
  if (warnings.length) log(formatReport(warnings));

  log(`[2/3] Eleventy rendert ${result.graph!.counts.cases} cases, ${result.graph!.counts.themes} thema's en ${result.graph!.counts.threads} rode draden …`);
  const t1 = performance.now();
  try {
    const { default: Eleventy } = await import('@11ty/eleventy');
    const elev = new Eleventy(join(config.root, 'site'), tmp, { quietMode: true, configPath: join(config.root, '.eleventy.js') });
    await elev.write();
  } catch (e) {
    const err = e as Error & { originalError?: Error };
    process.stderr.write(`Eleventy kon de site niet bouwen: ${firstLine(err.message)}${err.originalError ? ` — ${firstLine(err.originalError.message)}` : ''}\nDe vorige site in ${config.outputDir}/ is niet aangeraakt.\n`);
    return 1;
  }
  const eleventyMs = Math.round(performance.now() - t1);

  log(`[3/3] ${config.outputDir}/ vervangen …`);
  swapIn(tmp, out, undefined, (old) => discardInBackground(old, out));
  log(formatSummary(result, { pipeline: pipelineMs, eleventy: eleventyMs }));
  return 0;
}

const firstLine = (s: string) => s.split('\n')[0];

/** node:util's parseArgs errors, in Dutch. */
function argumentError(err: Error & { code?: string }): string {
  const quoted = /'([^']+)'/.exec(err.message)?.[1] ?? '';
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Onbekende optie ${quoted}.`;
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `De optie ${quoted.replace(/ <value>$/, '')} heeft een waarde nodig (bijvoorbeeld --port 8081), of neemt er juist geen.`;
  if (err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `Onverwacht argument "${quoted}"; opties beginnen met --.`;
  return err.message;
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    const help = rest.includes('--help') || rest.includes('-h');
    if (cmd === 'check' && !help) return await runCheck(rest);
    if (cmd === 'build' && !help) return await runBuild(rest);
    if (cmd === 'new') return await newCommand(rest);
    if (cmd === 'dev') return await devCommand(rest, USAGE);
    if (help || cmd === 'help' || cmd === '--help' || cmd === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
  } catch (e) {
    const err = e as Error & { code?: string };
    if (e instanceof UsageError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    if (e instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    if (err.code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${argumentError(err)}\n\n${cmd === 'new' ? NEW_USAGE : USAGE}\n`);
      return 2;
    }
    if (err instanceof OutputError) {
      process.stderr.write(`Bouwen mislukt: ${err.message}\n`);
      return 1;
    }
    // A bug, not a content problem: one line for the user, the stack on request.
    process.stderr.write(`Interne fout: ${firstLine(String(err?.message ?? err))}\n${process.env.KB_DEBUG ? `${err?.stack}\n` : 'Draai opnieuw met KB_DEBUG=1 voor de details, en meld het als fout.\n'}`);
    return 70;
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

// A reader that goes away (`npm run build | head`) must not stop the build half-way.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });

main(process.argv.slice(2)).then((code) => process.exit(code));
