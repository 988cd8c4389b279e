// The pipeline's output files (data exports, search index, Atom feed), written verbatim.
export const data = {
  pagination: { data: 'kb.files', size: 1, alias: 'file' },
  permalink: (data) => `/${data.file.path}`,
  eleventyExcludeFromCollections: true,
};

// In a build the bytes go out as they are (a view, no copy); the dev server's live reload reads text.
// ignoreBOM keeps the CSV's byte order mark in the text (by default a decoder drops it).
const asBytes = process.env.ELEVENTY_RUN_MODE === 'build';
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

export function render(data) {
  const { bytes } = data.file;
  return asBytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : decoder.decode(bytes);
}
