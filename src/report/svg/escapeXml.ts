/**
 * Escapes text for XML and HTML element content and double- or single-quoted attribute values:
 * `&`, `<`, `>`, `"` and `'` become character references, so a user's process id such as
 * `<script>alert(1)</script>` is shown as text and never parsed as markup. Control characters that
 * XML 1.0 forbids (all C0 controls except tab, line feed and carriage return) and lone surrogates are
 * dropped, since an SVG containing them is not well-formed.
 *
 * @example
 * escapeXml('<script>alert("x")</script>') // '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
 */
export function escapeXml(text: string): string {
  let out = '';
  for (const char of text) {
    switch (char) {
      case '&':
        out += '&amp;';
        break;
      case '<':
        out += '&lt;';
        break;
      case '>':
        out += '&gt;';
        break;
      case '"':
        out += '&quot;';
        break;
      case "'":
        out += '&#39;';
        break;
      default: {
        const code = char.codePointAt(0)!;
        // XML 1.0 §2.2 Char production: no C0 controls other than tab, LF, CR; no lone surrogates
        // (a valid pair arrives here as one code point above U+FFFF); no U+FFFE/U+FFFF.
        const control = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
        const surrogate = code >= 0xd800 && code <= 0xdfff;
        if (control || surrogate || code === 0xfffe || code === 0xffff) break;
        out += char;
      }
    }
  }
  return out;
}
