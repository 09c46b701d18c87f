import { messagesFor, type Messages } from './messages.js';
import { reportBlocks, type ReportBlock } from './reportBlocks.js';
import type { KeyProductReport } from './types.js';

/**
 * The key-product report as Markdown (CommonMark with GitHub tables): the sections of
 * `reportBlocks`, numbers rounded as the report states, exact values in their own table.
 * Figures are drawn in the HTML page only; Markdown names them and points there. User text is
 * escaped so that ids and labels cannot become markup or break a table.
 *
 * @example
 * const markdown = keyProductMarkdown(keyProductReport(computeFootprints(demoModelDocument()), { lang: 'en' }));
 * markdown.startsWith('# Product carbon footprint report'); // true
 */
export function keyProductMarkdown(report: KeyProductReport): string {
  const m = messagesFor(report.lang);
  const lines: string[] = [];
  for (const block of reportBlocks(report)) render(block, lines, m);
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

function render(block: ReportBlock, lines: string[], m: Messages): void {
  switch (block.kind) {
    case 'heading':
      lines.push('', `${'#'.repeat(block.level)} ${inline(block.text)}`, '');
      return;
    case 'paragraph':
      lines.push(block.strong === true ? `**${inline(block.text)}**` : inline(block.text), '');
      return;
    case 'fields':
      for (const [label, value] of block.rows) lines.push(`- ${inline(label)}: ${inline(value)}`);
      lines.push('');
      return;
    case 'list':
      for (const item of block.items) lines.push(`- ${inline(item)}`);
      lines.push('');
      return;
    case 'table': {
      const align = block.head.map((_, i) => (block.numeric.includes(i) ? '---:' : '---'));
      lines.push(row(block.head.map(inline)), row(align));
      const flagged = new Set(block.flagged ?? []);
      block.rows.forEach((cells, k) => lines.push(row(cells.map((cell, i) => (flagged.has(k) && i === 0 ? `**${inline(cell)}**` : inline(cell))))));
      lines.push('');
      return;
    }
    case 'figure':
      lines.push(`*${inline(m.figureInHtml(block.caption))}*`, '');
      return;
    case 'details':
      lines.push('', `### ${inline(block.summary)}`, '');
      for (const inner of block.blocks) render(inner, lines, m);
  }
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/**
 * Escapes text for a Markdown paragraph or table cell: backslash-escapes the ASCII punctuation
 * CommonMark and GitHub tables give meaning to inline (so `*`, `_`, `[`, `|`… stay literal), writes `<`, `>` and `&` as
 * entities (no raw HTML gets through), and folds line breaks into spaces.
 */
function inline(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\`*_[\]#|~]/g, (ch) => `\\${ch}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
