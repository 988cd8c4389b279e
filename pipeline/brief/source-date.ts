// The "geraadpleegd op" date of a brief: the date of the sources it was built from, never the
// clock, so the same sources give the same bytes.
//  1. SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds convention) when set;
//  2. otherwise the committer date of the newest git commit that touched the sources folder;
//  3. otherwise (a copy without git history) no date: the brief says the date is unknown.
// Uncommitted edits do not move the date: it is the date of the last committed state.
import { execFileSync } from 'node:child_process';

export interface SourceDate {
  /** yyyy-mm-dd (UTC), or null when unknown. */
  iso: string | null;
  /** "30 november 2026", or null. */
  label: string | null;
  from: 'SOURCE_DATE_EPOCH' | 'git' | null;
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

export function dateOf(d: Date, from: SourceDate['from']): SourceDate {
  return { iso: d.toISOString().slice(0, 10), label: `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`, from };
}

export function sourceDate(sourcesPath: string, env: NodeJS.ProcessEnv = process.env): SourceDate {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch && /^\d{1,12}$/.test(epoch)) return dateOf(new Date(Number(epoch) * 1000), 'SOURCE_DATE_EPOCH');
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%ct', '--', '.'], {
      cwd: sourcesPath,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...env, GIT_OPTIONAL_LOCKS: '0' },
    }).trim();
    if (/^\d+$/.test(out)) return dateOf(new Date(Number(out) * 1000), 'git');
  } catch {
    /* not a git checkout, or git is missing */
  }
  return { iso: null, label: null, from: null };
}
