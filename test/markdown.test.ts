// The markdown of a source is untrusted: its HTML never carries raw HTML, scripts or unsafe addresses.
import { describe, expect, it } from 'vitest';
import { parseEntry } from '../pipeline/parse/index.ts';

const entry = (body: string) => parseEntry({ path: 'sources/cases/x.md', text: `---\ntitel: x\n---\n\n${body}` }, 'cases');

describe('HTML from markdown', () => {
  it('should drop raw HTML but keep its text in the search text', () => {
    const e = entry('Voor <b>vet</b> na.\n\n<script>alert(1)</script>\n\n<div onclick="x()">blok</div>\n');
    expect(e.proseHtml).toBe('<p>Voor vet na.</p>');
    expect(e.proseText).toContain('<script>alert(1)</script>');
  });

  it('should keep http(s), mailto and relative links, and drop other addresses but not the link text', () => {
    const e = entry('## Lessen\n\n- [a](javascript:alert(1)) [b](JAVASCRIPT:x) <vbscript:x> [c](https://x.nl) [d](mailto:a@b.nl) [e](/cases/) [f](#kop) ![g](data:image/png;base64,AA) {thema: lob}\n');
    const f = e.findings[0];
    expect(f.text).toBe('a b vbscript:x c d e f g');
    expect(f.html).toBe('<p><a>a</a> <a>b</a> <a>vbscript:x</a> <a href="https://x.nl">c</a> <a href="mailto:a@b.nl">d</a> <a href="/cases/">e</a> <a href="#kop">f</a> <img alt="g"></p>');
  });

  it('should escape what could close an attribute or open a tag', () => {
    const e = entry('[t](https://x.nl "a\\"onmouseover=x") en 1 < 2 & "q"\n');
    // hast-util-to-html escapes with character references: " in an attribute, < and & in text
    expect(e.proseHtml).toBe('<p><a href="https://x.nl" title="a&#x22;onmouseover=x">t</a> en 1 &#x3C; 2 &#x26; "q"</p>');
  });
});
