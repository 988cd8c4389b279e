// The security headers the host should send, in one place. The same Content-Security-Policy goes
// into a <meta> tag on every page (for hosts that cannot set headers) and into the header files
// for static hosts (site/host-files.11ty.js). A <meta> CSP cannot carry frame-ancestors (browsers
// ignore it there, with a console error), so that directive is only in the header.

/** Directives in order. `worker-src` for the search page's Web Worker (search/browser/worker.ts). */
export const CSP = [
  ["default-src", "'self'"],
  ["script-src", "'self'"],
  ["worker-src", "'self'"],
  ["style-src", "'self'"],
  ["img-src", "'self' data:"],
  ["connect-src", "'self'"],
  ["object-src", "'none'"],
  ["base-uri", "'self'"],
  ["form-action", "'self'"],
  ["frame-ancestors", "'none'"],
];

const HEADER_ONLY = new Set(['frame-ancestors']);
const join = (directives) => directives.map(([k, v]) => `${k} ${v}`).join('; ');

export const cspMeta = join(CSP.filter(([k]) => !HEADER_ONLY.has(k)));
export const cspHeader = join(CSP);

/** Headers for every response. Values are plain ASCII, valid in every format below. */
export const SECURITY_HEADERS = [
  ['Content-Security-Policy', cspHeader],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'same-origin'],
  // for browsers that predate frame-ancestors
  ['X-Frame-Options', 'DENY'],
  ['Permissions-Policy', 'camera=(), geolocation=(), microphone=(), payment=(), usb=()'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  // sent only over HTTPS by the browser's rules; no includeSubDomains: the rest of the domain is not ours
  ['Strict-Transport-Security', 'max-age=31536000'],
];

/** The same headers in the files common static hosts read from the site's root folder. */
export function hostFiles() {
  const netlify = ['# Netlify and Cloudflare Pages read this file: security headers for every path.', '/*', ...SECURITY_HEADERS.map(([k, v]) => `  ${k}: ${v}`), ''].join('\n');
  const apache = [
    '# Apache (mod_headers): security headers for every response, and the site\'s own 404 page.',
    '<IfModule mod_headers.c>',
    ...SECURITY_HEADERS.map(([k, v]) => `  Header always set ${k} "${v}"`),
    '</IfModule>',
    'ErrorDocument 404 /404.html',
    'AddDefaultCharset utf-8',
    '',
  ].join('\n');
  const azure = `${JSON.stringify({ globalHeaders: Object.fromEntries(SECURITY_HEADERS), responseOverrides: { 404: { rewrite: '/404.html' } } }, null, 2)}\n`;
  return [
    { path: '_headers', content: netlify },
    { path: '.htaccess', content: apache },
    { path: 'staticwebapp.config.json', content: azure },
  ];
}
