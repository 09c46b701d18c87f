/**
 * A small well-formedness check for the report's HTML and SVG: every element opened is closed in
 * order (HTML void elements excepted, `/>` self-closes). It is not a parser; it relies on the
 * renderers escaping every `<` and `>` in text and attributes, which the tests check separately.
 */
export function unbalancedTags(markup: string): string[] {
  const voidElements = new Set(['meta', 'br', 'hr', 'img', 'input', 'link', 'wbr']);
  const stack: string[] = [];
  const problems: string[] = [];
  const tag = /<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*?(\/?)>/g;
  for (const match of markup.matchAll(tag)) {
    const [, closing, name, selfClosing] = match;
    if (name === undefined) continue; // comment or doctype
    const element = name.toLowerCase();
    if (closing === '/') {
      const open = stack.pop();
      if (open !== element) problems.push(`</${element}> closes <${open ?? 'nothing'}> at ${match.index}`);
    } else if (selfClosing !== '/' && !voidElements.has(element)) {
      stack.push(element);
    }
  }
  for (const open of stack) problems.push(`<${open}> never closed`);
  return problems;
}
