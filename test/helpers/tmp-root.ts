// Vitest global setup: every temporary folder of a test run (os.tmpdir() in the tests, in the CLI
// processes they start, in Chromium's profiles) goes into one fresh folder, removed when the run
// ends — a run leaves nothing behind in the machine's temp folder, also when a test fails.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'kb-test-run-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
