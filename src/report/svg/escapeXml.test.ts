import { describe, expect, it } from 'vitest';
import { escapeXml } from './escapeXml.js';

describe('escapeXml', () => {
  it('turns markup characters into character references', () => {
    expect(escapeXml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeXml(`a & "b" 'c'`)).toBe('a &amp; &quot;b&quot; &#39;c&#39;');
  });

  it('keeps Chinese text and characters outside the basic plane', () => {
    expect(escapeXml('电解铝 𝔸')).toBe('电解铝 𝔸');
  });

  it('drops characters XML 1.0 forbids (C0 controls, lone surrogates) and keeps tab and line breaks', () => {
    expect(escapeXml('a\u0000b\u0007c\td\ne\rf')).toBe('abc\td\ne\rf');
    expect(escapeXml('x\uD800y')).toBe('xy');
  });
});
