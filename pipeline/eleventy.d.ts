// Eleventy ships no type declarations; the CLI uses only this much of its programmatic API.
declare module '@11ty/eleventy' {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: { quietMode?: boolean; configPath?: string; runMode?: 'build' | 'serve' | 'watch' });
    write(): Promise<unknown>;
  }
}
