// The pipeline's output files (data exports, search index, Atom feed), written verbatim.
export const data = {
  pagination: { data: 'kb.files', size: 1, alias: 'file' },
  permalink: (data) => `/${data.file.path}`,
  eleventyExcludeFromCollections: true,
};

export function render(data) {
  return data.file.content;
}
