// When a source file was first published and last changed, from git: the committer dates of the
// first and the last commit that touched it. Never the clock, so a build stays byte-identical for
// the same commit. Outside a git checkout (a copy, a tarball) or for a file not yet committed
// there is no date here, and the caller falls back to a date from the content.
import { execFileSync } from 'node:child_process';
import { relative, resolve } from 'node:path';

export interface FileDates {
  published: string;
  updated: string;
}

/** RFC 3339 in UTC without fractions: 2026-11-29T10:15:00Z. */
export const rfc3339 = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Dates per file under `dir`, keyed by the path relative to `dir` with forward slashes.
 * One `git log` for the whole folder; an empty map when git or the history is not there.
 */
export function gitDates(dir: string): Map<string, FileDates> {
  const dates = new Map<string, FileDates>();
  let out: string;
  try {
    out = execFileSync('git', ['log', '--format=%x00%cI', '--name-only', '--relative', '--no-renames', '--', '.'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
    });
  } catch {
    return dates;
  }
  for (const block of out.split('\0')) {
    const [date, ...files] = block.split('\n').filter(Boolean);
    if (!date) continue;
    const when = rfc3339(new Date(date)); // fixed width, so strings compare as dates
    for (const f of files) {
      const seen = dates.get(f);
      if (!seen) dates.set(f, { published: when, updated: when });
      else {
        if (when < seen.published) seen.published = when;
        if (when > seen.updated) seen.updated = when;
      }
    }
  }
  return dates;
}

/** Look up a source path (relative to the project root) in the result of gitDates(root/sourcesDir). */
export function datesFor(dates: Map<string, FileDates>, root: string, sourcesDir: string, path: string): FileDates | undefined {
  return dates.get(relative(resolve(root, sourcesDir), resolve(root, path)).split('\\').join('/'));
}
