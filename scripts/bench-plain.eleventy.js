// Plain Eleventy for the benchmark baseline: default markdown rendering, nothing else.
export default function () {}
export const config = { templateFormats: ['md'] };
