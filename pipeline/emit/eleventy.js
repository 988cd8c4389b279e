// Eleventy plugin: before each build (npm run build, and every rebuild of npm run dev) the files
// of the pipeline's emit stage — exports, feed, the compare page's data — are written into the
// output folder, one at a time: each file's bytes are made as it is written and then dropped. As
// pages, Eleventy kept them all until the build ended (278 MB at 10 000 cases); made after the
// pages, they would add to the peak. Plain JavaScript, like search/eleventy.js, so .eleventy.js
// can import it statically; TypeScript is loaded dynamically.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Write the emitted files of the last pipeline run into `out` (nothing when the sources have errors). */
export async function writeEmittedFiles(out) {
  const { pipelineFor } = await import('../eleventy-data.ts');
  const { makeConfig } = await import('../config.ts');
  const { result } = await pipelineFor(makeConfig(process.cwd()));
  if (!result.files.length) return;
  // the compare data's file names depend on the number of cases: none left over from an earlier build
  await rm(join(out, 'data/vergelijk'), { recursive: true, force: true });
  for (const f of result.files) {
    const path = join(out, f.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, f.bytes);
  }
}

export function emitPlugin(eleventyConfig) {
  eleventyConfig.on('eleventy.before', ({ directories }) => writeEmittedFiles(directories.output));
}
