// Which data file of the compare page holds a case: /data/vergelijk/<partOf(id, parts)>.json, with
// `parts` from the page. One function for the build (pipeline/emit/compare.ts) and the browser
// (compare.js), so a link to /vergelijk/?a=…&b=… finds both cases in two small files.

/** FNV-1a (32 bits) over the id's UTF-16 code units, modulo the number of parts. */
export function partOf(id, parts) {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % parts;
}
