import type { Decimal } from '../../decimal/decimal.js';
import { toFixedString } from '../../decimal/rounding.js';
import { barChartSvg, type Bar } from '../svg/barChartSvg.js';
import { escapeXml } from '../svg/escapeXml.js';
import { sankeySvg } from '../svg/sankey.js';
import { messagesFor } from './messages.js';
import { reportBlocks, type ReportBlock } from './reportBlocks.js';
import type { ContributionRow, KeyProductReport } from './types.js';

// Everything the page needs is inline; the policy forbids scripts and any network fetch, so the
// page renders the same offline and cannot be made to run code by a crafted process name.
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
:root { color-scheme: light; }
body { margin: 0; background: #f6f7f9; color: #1d232b;
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
h1 { font-size: 24px; margin: 0 0 16px; border-bottom: 3px solid #0072B2; padding-bottom: 8px; }
h2 { font-size: 19px; margin: 28px 0 10px; color: #0b3d62; border-bottom: 1px solid #d6dde5; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 8px; color: #0b3d62; }
p { margin: 6px 0 10px; }
p.strong { font-weight: 600; font-size: 15px; }
table { border-collapse: collapse; margin: 6px 0 14px; width: 100%; font-size: 13px; }
th, td { border: 1px solid #d6dde5; padding: 4px 8px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #eef2f6; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.flagged td { background: #fdecea; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 6px 0 12px; }
dl.fields dt { color: #4a5662; }
dl.fields dd { margin: 0; }
ul { margin: 6px 0 12px; padding-left: 22px; }
figure { margin: 8px 0 18px; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 12px; color: #4a5662; margin-top: 4px; }
details { margin: 12px 0; }
summary { cursor: pointer; font-weight: 600; color: #0b3d62; }
svg text { font-size: 12px; fill: #1d232b; }
.bar-rect { fill: #0072B2; }
.bar-negative { fill: #009E73; }
.sankey-node { stroke: #333; stroke-width: 0.5; }
`;

/**
 * The key-product report as one self-contained HTML page: inline CSS, inline SVG figures (a Sankey
 * diagram of emissions flowing through the process graph and contribution bar charts by stage,
 * source and process), no scripts and nothing fetched from the network (a Content-Security-Policy
 * says so). Every user string is HTML-escaped. Numbers are rounded as the report states; exact
 * values are in a collapsible details table.
 *
 * @example
 * const html = keyProductHtml(keyProductReport(computeFootprints(demoModelDocument()), { lang: 'zh' }));
 * html.includes('<svg'); // true
 */
export function keyProductHtml(report: KeyProductReport): string {
  const body: string[] = [];
  for (const block of reportBlocks(report)) render(block, report, body);
  return [
    '<!DOCTYPE html>',
    `<html lang="${report.lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(report.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function render(block: ReportBlock, report: KeyProductReport, out: string[]): void {
  switch (block.kind) {
    case 'heading': {
      const id = block.id === undefined ? '' : ` id="${escapeXml(block.id)}"`;
      out.push(`<h${block.level}${id}>${escapeXml(block.text)}</h${block.level}>`);
      return;
    }
    case 'paragraph':
      out.push(`<p${block.strong === true ? ' class="strong"' : ''}>${escapeXml(block.text)}</p>`);
      return;
    case 'fields':
      out.push('<dl class="fields">');
      for (const [label, value] of block.rows) out.push(`<dt>${escapeXml(label)}</dt><dd>${escapeXml(value)}</dd>`);
      out.push('</dl>');
      return;
    case 'list':
      out.push('<ul>');
      for (const item of block.items) out.push(`<li>${escapeXml(item)}</li>`);
      out.push('</ul>');
      return;
    case 'table': {
      const cls = (i: number) => (block.numeric.includes(i) ? ' class="num"' : '');
      const flagged = new Set(block.flagged ?? []);
      out.push('<table>');
      out.push(`<thead><tr>${block.head.map((h, i) => `<th${cls(i)}>${escapeXml(h)}</th>`).join('')}</tr></thead>`);
      out.push('<tbody>');
      block.rows.forEach((cells, k) => {
        out.push(`<tr${flagged.has(k) ? ' class="flagged"' : ''}>${cells.map((cell, i) => `<td${cls(i)}>${escapeXml(cell)}</td>`).join('')}</tr>`);
      });
      out.push('</tbody>', '</table>');
      return;
    }
    case 'figure':
      out.push(`<figure class="${block.figure}">`, figure(block.figure, report, block.caption), `<figcaption>${escapeXml(block.caption)}</figcaption>`, '</figure>');
      return;
    case 'details':
      out.push('<details>', `<summary>${escapeXml(block.summary)}</summary>`);
      for (const inner of block.blocks) render(inner, report, out);
      out.push('</details>');
  }
}

function figure(kind: 'sankey' | 'bars-source' | 'bars-process' | 'bars-stage', report: KeyProductReport, caption: string): string {
  const m = messagesFor(report.lang);
  const unit = m.unitLabel(report.declaredUnit.text);
  const rounded = (v: Decimal) => `${toFixedString(v, report.rounding)} ${unit}`;
  if (kind === 'sankey') {
    return sankeySvg(report.sankey, { title: caption, formatValue: (v) => toFixedString(v, report.rounding), width: 1060, height: 460 });
  }
  const rows: readonly ContributionRow[] = kind === 'bars-stage' ? report.byStage : kind === 'bars-source' ? report.bySource : report.byProcess ?? [];
  const bars: Bar[] = rows.map((r) => ({ label: r.label, value: r.value }));
  const share = (v: Decimal) => (report.total.isZero() ? '' : ` (${toFixedString(v.div(report.total).times(100), { places: 2, mode: 'HALF_EVEN' })} %)`);
  return barChartSvg(bars, { title: caption, width: 1060, formatValue: (v) => `${rounded(v)}${share(v)}` });
}
