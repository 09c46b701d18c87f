import type { Decimal } from '../../decimal/decimal.js';
import { toFixedString } from '../../decimal/rounding.js';
import { messagesFor } from './messages.js';
import type { ContributionRow, KeyProductReport } from './types.js';

/** A piece of a rendered report; text is plain (renderers escape it for their format). */
export type ReportBlock =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string; readonly id?: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly strong?: boolean }
  | { readonly kind: 'fields'; readonly rows: readonly (readonly [string, string])[] }
  | {
      readonly kind: 'table';
      readonly head: readonly string[];
      readonly rows: readonly (readonly string[])[];
      /** Columns holding numbers, right-aligned. */
      readonly numeric: readonly number[];
      /** Rows to emphasize (e.g. flagged cut-off inputs). */
      readonly flagged?: readonly number[];
    }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'figure'; readonly figure: 'sankey' | 'bars-source' | 'bars-process' | 'bars-stage'; readonly caption: string }
  | { readonly kind: 'details'; readonly summary: string; readonly blocks: readonly ReportBlock[] };

/**
 * The report laid out as a sequence of blocks in the order of GB/T 44905-2024's report template
 * (general information, goal and scope with declared unit, boundary, cut-off and allocation, data
 * quality, GWP values, results, notes), so the Markdown and HTML renderers say the same things.
 * Numbers are rounded as `report.rounding` says; exact values are in a `details` block.
 *
 * @example
 * reportBlocks(keyProductReport(result, { lang: 'en' })).filter((b) => b.kind === 'heading').length;
 */
export function reportBlocks(report: KeyProductReport): ReportBlock[] {
  const m = messagesFor(report.lang);
  const s = m.sections;
  const c = m.columns;
  const value = (d: Decimal) => toFixedString(d, report.rounding);
  const pct = (d: Decimal | undefined) => (d === undefined ? '' : `${toFixedString(d.times(100), { places: 2, mode: 'HALF_EVEN' })} %`);
  const unitLabel = m.unitLabel(report.declaredUnit.text);
  const contribution = (rows: readonly ContributionRow[], first: string): ReportBlock => ({
    kind: 'table',
    head: [first, unitLabel, c.share],
    rows: rows.map((r) => [r.label, value(r.value), pct(r.share)]),
    numeric: [1, 2],
  });
  const blocks: ReportBlock[] = [];
  const heading = (level: 1 | 2 | 3, text: string, id?: string) => blocks.push({ kind: 'heading', level, text, ...(id === undefined ? {} : { id }) });

  heading(1, report.title);
  heading(2, `1 ${s.general}`, 'general');
  blocks.push({
    kind: 'fields',
    rows: [
      [m.fields.product, m.withRemark(report.product.description, report.product.flow)],
      [m.fields.producedBy, report.product.process],
      [m.fields.metal, m.metals[report.metal]],
      [m.fields.model, report.model.name === undefined ? report.model.id : m.withRemark(report.model.name, report.model.id)],
      [m.fields.period, `${report.period.start} – ${report.period.end}`],
      ...(report.region === undefined ? [] : [[m.fields.region, report.region] as const]),
      [m.fields.total, `${value(report.total)} ${unitLabel}`],
    ],
  });
  blocks.push({ kind: 'table', head: [c.standard, m.fields.standards, c.role], rows: report.standards.map((st) => [st.id, st.title, st.role]), numeric: [] });

  heading(2, `2 ${s.goalAndScope}`, 'scope');
  heading(3, `2.1 ${s.declaredUnit}`);
  blocks.push({ kind: 'paragraph', text: `${report.declaredUnit.text} ${report.declaredUnit.description}`, strong: true });
  if (!report.declaredUnit.conforms) blocks.push({ kind: 'paragraph', text: m.declaredUnitNotConforming(report.declaredUnit.text) });
  heading(3, `2.2 ${s.boundary}`);
  blocks.push({ kind: 'fields', rows: [[m.fields.boundaryType, m.cradleToGate]] });
  blocks.push({ kind: 'paragraph', text: report.boundary.description });
  blocks.push({ kind: 'paragraph', text: `${m.fields.stageRule}: ${report.boundary.stageRule}` });
  blocks.push({
    kind: 'table',
    head: [c.process, c.stage, c.assignedBy],
    rows: report.boundary.processes.map((p) => [p.id, p.stageLabel, p.assignedBy === 'option' ? m.assignedByOption : m.assignedByDefault]),
    numeric: [],
  });
  heading(3, `2.3 ${s.cutOff}`);
  blocks.push({ kind: 'paragraph', text: report.cutOff.rule });
  blocks.push({
    kind: 'fields',
    rows: [
      [m.fields.perStepLimit, pct(report.cutOff.perStepLimit)],
      [m.fields.totalLimit, pct(report.cutOff.totalLimit)],
      ...(report.cutOff.totalShare === undefined ? [] : [[m.fields.totalShare, pct(report.cutOff.totalShare)] as const]),
    ],
  });
  if (report.cutOff.items.length > 0) {
    blocks.push({
      kind: 'table',
      head: [c.process, c.flow, c.quantity, c.share, c.reason, c.flagged],
      rows: report.cutOff.items.map((i) => [i.process, i.flow, i.quantity, i.share === undefined ? m.notAssessed : pct(i.share), i.reason, i.flagged ? m.yes : m.no]),
      numeric: [2, 3],
      flagged: report.cutOff.items.flatMap((i, k) => (i.flagged ? [k] : [])),
    });
  }
  blocks.push({ kind: 'list', items: report.cutOff.findings });
  heading(3, `2.4 ${s.allocation}`);
  blocks.push({ kind: 'fields', rows: [[m.fields.productShare, pct(report.allocation.productShare)]] });
  if (report.allocation.statements.length === 0) {
    blocks.push({ kind: 'paragraph', text: m.allocationJustification.noMultiOutput });
  } else {
    blocks.push({
      kind: 'table',
      head: [c.process, c.method, c.shares, c.justification],
      rows: report.allocation.statements.map((a) => [
        a.process,
        a.method,
        Object.entries(a.shares).map(([flow, share]) => `${flow}: ${share}`).join('; '),
        a.justification,
      ]),
      numeric: [],
    });
  }

  heading(2, `3 ${s.dataQuality}`, 'data');
  blocks.push({ kind: 'paragraph', text: m.dataQualityRule });
  blocks.push({ kind: 'fields', rows: [[m.fields.primaryShare, pct(report.dataQuality.primaryShare)]] });
  blocks.push({
    kind: 'table',
    head: [c.process, c.item, c.quality, unitLabel, c.factor, c.source, c.confidence],
    rows: report.dataQuality.items.map((d) => [
      d.process,
      m.withRemark(d.label, m.itemKinds[d.kind] ?? d.kind),
      m.quality[d.quality],
      value(d.value),
      d.factors.map((f) => `${f.id} = ${f.value} ${f.unit}`).join('; '),
      [...d.factors.map((f) => f.source), ...(d.citation === undefined ? [] : [d.citation])].join('; '),
      d.factors.map((f) => (f.unverified ? m.withRemark(f.confidence, m.unverified) : f.confidence)).join('; '),
    ]),
    numeric: [3],
    flagged: report.dataQuality.items.flatMap((d, k) => (d.factors.some((f) => f.unverified) ? [k] : [])),
  });

  heading(2, `4 ${s.gwp}`, 'gwp');
  blocks.push({ kind: 'fields', rows: [[m.fields.gwpSet, `${report.gwp.set}: ${report.gwp.name}`], [m.fields.gwpSource, report.gwp.source]] });
  blocks.push({
    kind: 'table',
    head: [c.gas, c.gwp100, c.source],
    rows: report.gwp.rows.map((g) => [g.label, g.value === undefined ? '—' : toFixedString(g.value), g.source]),
    numeric: [1],
  });

  heading(2, `5 ${s.results}`, 'results');
  blocks.push({ kind: 'paragraph', text: `${m.fields.total}: ${value(report.total)} ${unitLabel}`, strong: true });
  heading(3, `5.1 ${s.byStage}`);
  blocks.push(contribution(report.byStage, c.stage));
  heading(3, `5.2 ${s.bySource}`);
  blocks.push(contribution(report.bySource, c.source));
  let next = 3;
  if (report.byProcess !== undefined) {
    heading(3, `5.${next++} ${s.byProcess}`);
    blocks.push(contribution(report.byProcess, c.process));
  }
  heading(3, `5.${next++} ${s.byGas}`);
  blocks.push({
    kind: 'table',
    head: [c.gas, c.mass, unitLabel, c.share],
    rows: report.byGas.map((g) => [g.label, toFixedString(g.mass, { places: Math.max(report.rounding.places, 8), mode: report.rounding.mode }), value(g.value), pct(g.share)]),
    numeric: [1, 2, 3],
  });
  heading(3, `5.${next++} ${s.byScope}`);
  blocks.push(contribution(report.byScope, c.item));
  heading(3, `5.${next++} ${s.sankey}`);
  blocks.push({ kind: 'figure', figure: 'sankey', caption: s.sankey });
  heading(3, `5.${next++} ${s.contribution}`);
  blocks.push({ kind: 'figure', figure: 'bars-stage', caption: s.byStage });
  blocks.push({ kind: 'figure', figure: 'bars-source', caption: s.bySource });
  if (report.byProcess !== undefined) blocks.push({ kind: 'figure', figure: 'bars-process', caption: s.byProcess });
  if (report.credits.length > 0) {
    heading(3, `5.${next++} ${s.credits}`);
    blocks.push({
      kind: 'table',
      head: [c.from, c.to, unitLabel],
      rows: report.credits.map((f) => [f.source, f.target, value(f.value)]),
      numeric: [2],
    });
  }
  blocks.push({
    kind: 'details',
    summary: `5.${next} ${s.details}`,
    blocks: [
      {
        kind: 'table',
        head: [c.item, c.exactValue],
        rows: [
          [m.fields.total, toFixedString(report.total)],
          ...report.byStage.map((r) => [`${s.byStage}: ${r.label}`, toFixedString(r.value)]),
          ...report.bySource.map((r) => [`${s.bySource}: ${r.label}`, toFixedString(r.value)]),
          ...(report.byProcess ?? []).map((r) => [`${s.byProcess}: ${r.label}`, toFixedString(r.value)]),
          ...report.byGas.map((r) => [`${s.byGas}: ${r.label}`, toFixedString(r.value)]),
          ...report.byScope.map((r) => [`${s.byScope}: ${r.label}`, toFixedString(r.value)]),
          ...sankeyRows(report, s.sankey),
        ],
        numeric: [1],
      },
    ],
  });

  heading(2, `6 ${s.notes}`, 'notes');
  blocks.push({
    kind: 'list',
    items: [
      ...report.notes,
      ...report.warnings.map((w) => m.notes.warning(w.severity, w.message)),
      `${m.fields.rounding}: ${m.roundingStatement(report.rounding.places, report.rounding.mode)}`,
    ],
  });
  return blocks;
}

/** The Sankey links as table rows; labels looked up in one map (a link list is as long as the supply chain). */
function sankeyRows(report: KeyProductReport, caption: string): string[][] {
  const labels = new Map(report.sankey.nodes.map((n) => [n.id, n.label]));
  const label = (id: string) => labels.get(id) ?? id;
  return report.sankey.links.map((l) => [`${caption}: ${label(l.source)} → ${label(l.target)}`, toFixedString(l.value)]);
}
