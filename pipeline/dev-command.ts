// `npm run dev [-- --port N --sources DIR --out DIR]`: Eleventy's dev server (watch, rebuild, reload)
// on the port the author asks for. The options are checked here, before Eleventy starts: its own
// parser turns a second --port into a list and crashes after its watchers have started. Eleventy
// runs as a child process with this process's stdin/stdout; Ctrl-C ends both.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { refuseOutput } from './output.ts';
import { UsageError } from './report-file.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_PORT = 8080;

export function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || port < 1 || port > 65535) throw new UsageError(`--port "${value}" is geen poortnummer; kies een getal van 1 tot 65535, bijvoorbeeld --port 8081.`);
  return port;
}

export async function devCommand(args: string[], usage: string): Promise<number> {
  const { values } = parseArgs({ args, options: { port: { type: 'string' }, sources: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const port = parsePort(values.port);
  const sourcesDir = resolve(values.sources ?? 'sources');
  const out = resolve(values.out ?? join(ROOT, '_site'));
  // the same guard as a build: the dev server writes (and prunes) its folder too
  const refused = refuseOutput(out, { root: ROOT, sourcesDir });
  if (refused) throw new UsageError(`Dev server niet gestart: ${refused}`);
  const env = { ...process.env, ...(values.sources ? { KB_SOURCES: sourcesDir } : {}) };
  process.stdout.write(`Dev server op http://localhost:${port}/ (is die poort bezet, dan de eerstvolgende vrije; Eleventy meldt het adres). Stoppen: Ctrl-C.\n`);
  const child = spawn(process.execPath, [...process.execArgv, join(ROOT, 'node_modules/@11ty/eleventy/cmd.cjs'), '--serve', '--incremental', `--port=${port}`, `--output=${out}`], { cwd: ROOT, env, stdio: 'inherit' });
  // Ctrl-C reaches both processes (one process group); a signal sent to this one only is passed on
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward).on('SIGTERM', forward);
  return new Promise((ok) => {
    child.on('error', (e) => {
      process.stderr.write(`De dev server kon niet starten: ${e.message}\n`);
      ok(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      ok(code ?? (signal === 'SIGINT' ? 130 : 143));
    });
  });
}
