// Adjective and inhabitant forms of a place name, derived by rule, so that "Weerter vmbo",
// "Bredase scholen" and "Zwolse leerlingen" find the case of that town (and "Limburgse", "Zeelander"
// the province), as "Amsterdamse" does: the name + -se / -s / -er, a final -e dropped with its
// doubled consonant undoubled ("Zwolle" → "Zwolse"), a final -en dropped before -er ("Assen" →
// "Asser"), the final consonant doubled after a single short vowel ("Haarlem" → "Haarlemmer").
// Forms nobody writes ("Bredaer") cost a few bytes and match nothing.

/** The derived forms of a place name (as written: case and hyphens kept), the name itself not included. */
export function placeForms(name: string): string[] {
  const n = name.trim();
  if (!/[a-zà-ÿ]$/i.test(n) || n.length < 3) return [];
  const out = new Set<string>();
  const lower = n.toLowerCase();
  if (/[aiouy]$/.test(lower)) {
    // Breda → Bredase, Ermelo → Ermelose
    out.add(`${n}se`);
  } else if (/([bcdfghklmnprstvwz])\1e$/.test(lower)) {
    // Zwolle → Zwolse, Zwols, Zwoller
    const root = n.slice(0, -2);
    out.add(`${root}se`).add(`${root}s`).add(`${n}r`);
  } else if (/e$/.test(lower)) {
    // another final -e: Drenthe → Drenther
    out.add(`${n.slice(0, -1)}se`).add(`${n}r`);
  } else {
    // Weert → Weertse, Weerts, Weerter; Assen → Assense, Asser
    out.add(`${n}se`).add(`${n}s`).add(`${n}er`);
    if (/[^aeiou]en$/.test(lower)) out.add(`${n.slice(0, -2)}er`);
    // Haarlem → Haarlemmer, Amsterdam → Amsterdammer (a single short vowel before the last consonant)
    if (/[^aeiou][aeiou][bdfgklmnprt]$/.test(lower)) out.add(`${n}${n.slice(-1)}er`);
  }
  return [...out];
}
