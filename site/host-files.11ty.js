// Security headers for static hosts (_headers, .htaccess, staticwebapp.config.json); see
// site/_config/security.js and the README ("Publiceren").
import { hostFiles } from './_config/security.js';

export const data = {
  pagination: { data: 'hostFiles', size: 1, alias: 'file' },
  hostFiles: hostFiles(),
  permalink: (data) => `/${data.file.path}`,
  eleventyExcludeFromCollections: true,
};

export function render(data) {
  return data.file.content;
}
