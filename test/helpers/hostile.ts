// Hostile inputs shared by the tests of untrusted content.

/** Billion laughs: each level repeats the one before nine times (9^7 strings when expanded). */
export const ALIAS_BOMB = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`)].join('\n') + '\n';
