import { mdCell, mdInline, mdText } from './markdown';

describe('Markdown escaping', () => {
  it('escapes markup, HTML and line breaks', () => {
    expect(mdText('<b>x</b> & *y* `z` [l](u) a|b \\')).toBe('&lt;b&gt;x&lt;/b&gt; &amp; \\*y\\* \\`z\\` \\[l\\](u) a\\|b \\\\');
    expect(mdText('one\ntwo\r\nthree\u2028four')).toBe('one two three four');
  });

  it('escapes a leading block marker on its punctuation (CommonMark escapes punctuation only)', () => {
    expect(mdText('# heading')).toBe('\\# heading');
    expect(mdText('- item')).toBe('\\- item');
    expect(mdText('1. item')).toBe('1\\. item');
    expect(mdText('172.16.0.11')).toBe('172\\.16.0.11');
    expect(mdText('2) item')).toBe('2\\) item');
    expect(mdText('> quote')).toBe('&gt; quote');
  });

  it('mdInline leaves line-start markers alone, mdCell is never empty', () => {
    expect(mdInline('172.16.0.11')).toBe('172.16.0.11');
    expect(mdInline('# x <y>')).toBe('# x &lt;y&gt;');
    expect(mdCell('')).toBe(' ');
    expect(mdCell('a|b')).toBe('a\\|b');
  });
});
