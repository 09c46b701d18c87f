import { Decimal, ZERO, sum } from '../../decimal/decimal.js';
import { escapeXml } from './escapeXml.js';
import { formatPixels as px } from './formatPixels.js';
import { maxOf } from '../../core/lists.js';

/** A node of a Sankey diagram: an emission source, a process or the product. */
export interface SankeyNode {
  readonly id: string;
  readonly label: string;
  /** Used for colouring and CSS classes only. */
  readonly kind?: 'source' | 'process' | 'product';
}

/** A flow between two nodes; `value` is the quantity carried (here t CO2e per declared unit). */
export interface SankeyLink {
  readonly source: string;
  readonly target: string;
  readonly value: Decimal;
}

export interface SankeyDiagram {
  readonly nodes: readonly SankeyNode[];
  readonly links: readonly SankeyLink[];
}

export interface SankeyOptions {
  readonly width?: number;
  readonly height?: number;
  readonly nodeWidth?: number;
  /** Vertical gap between nodes of a column, in pixels. */
  readonly nodePadding?: number;
  /** Accessible title of the picture. */
  readonly title?: string;
  /** Text of a value in labels and tooltips (e.g. rounded with its unit). */
  readonly formatValue?: (value: Decimal) => string;
}

/** A node placed on the canvas (pixels; geometry only, never used for accounting). */
export interface PlacedNode {
  readonly id: string;
  readonly label: string;
  readonly kind: 'source' | 'process' | 'product';
  readonly value: Decimal;
  readonly column: number;
  readonly x: number;
  readonly y: number;
  readonly height: number;
}

/** A ribbon: from the right edge of `source` at `sourceY` to the left edge of `target` at `targetY`. */
export interface PlacedLink {
  readonly source: string;
  readonly target: string;
  readonly value: Decimal;
  readonly thickness: number;
  readonly sourceY: number;
  readonly targetY: number;
  /** True when the link goes back to an earlier (or the same) column: a loop in the graph. */
  readonly backward: boolean;
}

export interface SankeyLayout {
  readonly width: number;
  readonly height: number;
  readonly nodeWidth: number;
  readonly nodes: readonly PlacedNode[];
  readonly links: readonly PlacedLink[];
}

const DEFAULTS = { width: 1100, height: 520, nodeWidth: 14, nodePadding: 14 } as const;
const MARGIN = { top: 16, bottom: 16, left: 8 } as const;
// Labels sit right of their node; the last column's labels need this much room at least, more
// when they are long (estimated from their characters, at most a third of the width).
const MIN_RIGHT_MARGIN = 120;
/** A node or ribbon thinner than this is drawn at this thickness so it stays visible. */
const MIN_THICKNESS = 1;

/**
 * Places a Sankey diagram: columns by the longest path from the sources (nodes without incoming
 * links), nodes stacked top to bottom in the order given and centred in their column, heights and
 * ribbon thicknesses proportional to the values with one scale for the whole picture. Links of
 * zero or negative value are left out (a diagram of flows cannot draw credits); nodes left without
 * any flow are dropped. Links that close a loop are kept and marked `backward`. Pure function.
 *
 * @example
 * const layout = sankeyLayout({
 *   nodes: [{ id: 'pfc', label: 'PFC' }, { id: 'potline', label: 'potline' }],
 *   links: [{ source: 'pfc', target: 'potline', value: new Decimal('0.27') }],
 * });
 * layout.nodes.map((n) => n.column); // [0, 1]
 */
export function sankeyLayout(diagram: SankeyDiagram, options: SankeyOptions = {}): SankeyLayout {
  const width = options.width ?? DEFAULTS.width;
  const height = options.height ?? DEFAULTS.height;
  const nodeWidth = options.nodeWidth ?? DEFAULTS.nodeWidth;
  const padding = options.nodePadding ?? DEFAULTS.nodePadding;

  const known = new Set(diagram.nodes.map((n) => n.id));
  const links = diagram.links.filter((l) => l.value.isPositive() && !l.value.isZero() && known.has(l.source) && known.has(l.target));
  const inflow = new Map<string, Decimal[]>();
  const outflow = new Map<string, Decimal[]>();
  for (const l of links) {
    push(outflow, l.source, l.value);
    push(inflow, l.target, l.value);
  }
  const nodes = diagram.nodes.filter((n) => inflow.has(n.id) || outflow.has(n.id));
  const order = new Map(nodes.map((n, i) => [n.id, i]));
  const valueOf = new Map(nodes.map((n) => {
    const incoming = sumOrZero(inflow.get(n.id));
    const outgoing = sumOrZero(outflow.get(n.id));
    return [n.id, incoming.gt(outgoing) ? incoming : outgoing];
  }));

  const { columns, backEdges } = assignColumns(nodes.map((n) => n.id), links);
  const columnCount = maxOf(columns.values(), 0) + 1;
  const byColumn: string[][] = Array.from({ length: columnCount }, () => []);
  for (const n of nodes) byColumn[columns.get(n.id)!]!.push(n.id);

  // One scale (pixels per unit of value) for the whole picture: the fullest column fills the height.
  const usable = height - MARGIN.top - MARGIN.bottom;
  let scale: Decimal | undefined;
  for (const ids of byColumn) {
    if (ids.length === 0) continue;
    const total = sum(ids.map((id) => valueOf.get(id)!));
    const room = usable - padding * (ids.length - 1);
    if (total.isZero() || room <= 0) continue;
    const candidate = new Decimal(room).div(total);
    if (scale === undefined || candidate.lt(scale)) scale = candidate;
  }
  const pixels = (value: Decimal): number => Math.max(MIN_THICKNESS, scale === undefined ? MIN_THICKNESS : value.times(scale).toNumber());

  const format = options.formatValue ?? ((v: Decimal) => v.toFixed());
  const lastLabels = nodes.filter((n) => columns.get(n.id) === columnCount - 1).map((n) => nodeText(n.label, valueOf.get(n.id)!, format));
  const rightMargin = Math.min(width / 3, maxOf(lastLabels.map((t) => estimateTextWidth(t) + 12), MIN_RIGHT_MARGIN));
  const columnStep = columnCount <= 1 ? 0 : (width - MARGIN.left - rightMargin - nodeWidth) / (columnCount - 1);
  const placed = new Map<string, PlacedNode>();
  byColumn.forEach((ids, column) => {
    const heights = ids.map((id) => pixels(valueOf.get(id)!));
    const used = heights.reduce((a, b) => a + b, 0) + padding * (ids.length - 1);
    let y = MARGIN.top + Math.max(0, (usable - used) / 2);
    ids.forEach((id, k) => {
      const node = nodes[order.get(id)!]!;
      placed.set(id, {
        id,
        label: node.label,
        kind: node.kind ?? 'process',
        value: valueOf.get(id)!,
        column,
        x: MARGIN.left + column * columnStep,
        y,
        height: heights[k]!,
      });
      y += heights[k]! + padding;
    });
  });

  // Ribbons leave a node in the vertical order of their targets and arrive in the order of their
  // sources, which keeps crossings few without an optimisation pass.
  const centre = (id: string) => placed.get(id)!.y + placed.get(id)!.height / 2;
  const sourceOffset = new Map<string, number>();
  const targetOffset = new Map<string, number>();
  const bySourceOrder = links
    .map((l, i) => ({ l, i }))
    .sort((a, b) => centre(a.l.target) - centre(b.l.target) || a.i - b.i);
  const sourceY = new Map<number, number>();
  for (const { l, i } of bySourceOrder) {
    const offset = sourceOffset.get(l.source) ?? 0;
    sourceY.set(i, placed.get(l.source)!.y + offset);
    sourceOffset.set(l.source, offset + pixels(l.value));
  }
  const byTargetOrder = links
    .map((l, i) => ({ l, i }))
    .sort((a, b) => centre(a.l.source) - centre(b.l.source) || a.i - b.i);
  const targetY = new Map<number, number>();
  for (const { l, i } of byTargetOrder) {
    const offset = targetOffset.get(l.target) ?? 0;
    targetY.set(i, placed.get(l.target)!.y + offset);
    targetOffset.set(l.target, offset + pixels(l.value));
  }

  const placedLinks: PlacedLink[] = links.map((l, i) => ({
    source: l.source,
    target: l.target,
    value: l.value,
    thickness: pixels(l.value),
    sourceY: sourceY.get(i)!,
    targetY: targetY.get(i)!,
    backward: backEdges.has(i),
  }));
  return Object.freeze({ width, height, nodeWidth, nodes: Object.freeze([...placed.values()]), links: Object.freeze(placedLinks) });
}

/**
 * Draws a Sankey diagram as a standalone SVG string: rectangles for nodes, filled cubic-Bézier
 * ribbons for links (each with a `<title>` tooltip), labels beside the nodes. Every text is
 * XML-escaped. Pure function; no scripts, no external resources.
 *
 * @example
 * const svg = sankeySvg(
 *   { nodes: [{ id: 'pfc', label: 'PFC', kind: 'source' }, { id: 'potline', label: 'potline' }],
 *     links: [{ source: 'pfc', target: 'potline', value: new Decimal('0.27') }] },
 *   { title: 'Emissions' },
 * );
 * svg.startsWith('<svg'); // true
 */
export function sankeySvg(diagram: SankeyDiagram, options: SankeyOptions = {}): string {
  const layout = sankeyLayout(diagram, options);
  const format = options.formatValue ?? ((v: Decimal) => v.toFixed());
  const nodes = new Map(layout.nodes.map((n) => [n.id, n]));
  // Sources get the qualitative palette, so a ribbon's colour says which kind of emission it
  // started as; processes and the product are neutral so the eye follows the sources.
  let sourceIndex = 0;
  const colours = new Map(layout.nodes.map((n) => [n.id, n.kind === 'source' ? PALETTE[sourceIndex++ % PALETTE.length]! : n.kind === 'product' ? '#0b3d62' : '#5b6b7b']));
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="sankey" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img">`,
  );
  if (options.title !== undefined) out.push(`<title>${escapeXml(options.title)}</title>`);
  out.push('<g class="sankey-links">');
  for (const link of layout.links) {
    const from = nodes.get(link.source)!;
    const to = nodes.get(link.target)!;
    const d = ribbonPath(from.x + layout.nodeWidth, link.sourceY, to.x, link.targetY, link.thickness);
    const tooltip = `${from.label} → ${to.label}: ${format(link.value)}`;
    out.push(
      `<path class="sankey-link${link.backward ? ' sankey-link-backward' : ''}" d="${d}" fill="${colours.get(link.source)!}" fill-opacity="${from.kind === 'source' ? '0.45' : '0.22'}"><title>${escapeXml(tooltip)}</title></path>`,
    );
  }
  out.push('</g>', '<g class="sankey-nodes">');
  for (const node of layout.nodes) {
    const text = nodeText(node.label, node.value, format);
    out.push(
      `<rect class="sankey-node sankey-${node.kind}" x="${px(node.x)}" y="${px(node.y)}" width="${layout.nodeWidth}" height="${px(node.height)}" fill="${colours.get(node.id)!}"><title>${escapeXml(text)}</title></rect>`,
    );
    // Labels sit right of their node, with a white halo so they stay legible over ribbons.
    out.push(
      `<text x="${px(node.x + layout.nodeWidth + 5)}" y="${px(node.y + node.height / 2)}" dy="0.35em" stroke="#fff" stroke-width="3" stroke-opacity="0.85" paint-order="stroke">${escapeXml(text)}</text>`,
    );
  }
  out.push('</g>', '</svg>');
  return out.join('\n');
}

function nodeText(label: string, value: Decimal, format: (value: Decimal) => string): string {
  return `${label} (${format(value)})`;
}

/**
 * Rough width of a label at the 12 px font of the report: CJK and other wide characters about a
 * full em, the rest about 0.6 em. Only used to keep room for labels, so a rough guess is enough.
 */
function estimateTextWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(char) ? 12 : 7;
  return width;
}

/** A filled ribbon between two vertical edges: top Bézier forward, bottom Bézier back. */
function ribbonPath(x0: number, y0: number, x1: number, y1: number, thickness: number): string {
  // Control points at the horizontal midpoint give the usual S-curve; for a backward link
  // (x1 < x0) they are pushed outwards so the ribbon loops around instead of folding on itself.
  const reach = x1 > x0 ? (x1 - x0) / 2 : Math.max(60, (x0 - x1) / 2);
  const c0 = x0 + reach;
  const c1 = x1 - reach;
  const b0 = y0 + thickness;
  const b1 = y1 + thickness;
  return (
    `M${px(x0)},${px(y0)} C${px(c0)},${px(y0)} ${px(c1)},${px(y1)} ${px(x1)},${px(y1)} ` +
    `L${px(x1)},${px(b1)} C${px(c1)},${px(b1)} ${px(c0)},${px(b0)} ${px(x0)},${px(b0)} Z`
  );
}

/**
 * Columns by the longest path from the sources. Edges that close a cycle (found by a depth-first
 * search from the nodes in their given order) are ignored for the columns and reported back.
 */
function assignColumns(ids: readonly string[], links: readonly SankeyLink[]): { columns: Map<string, number>; backEdges: Set<number> } {
  const outgoing = new Map<string, number[]>();
  links.forEach((l, i) => push(outgoing, l.source, i));
  const state = new Map<string, 'open' | 'done'>();
  const backEdges = new Set<number>();
  const finished: string[] = [];
  const hasIncoming = new Set(links.map((l) => l.target));
  // Start from the sources first so loops are broken where they are entered, then from the rest.
  const starts = [...ids.filter((id) => !hasIncoming.has(id)), ...ids.filter((id) => hasIncoming.has(id))];
  for (const start of starts) {
    if (state.has(start)) continue;
    // Iterative DFS (explicit stack) so a long chain cannot overflow the call stack.
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    state.set(start, 'open');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const edges = outgoing.get(frame.id) ?? [];
      if (frame.next < edges.length) {
        const edge = edges[frame.next++]!;
        const target = links[edge]!.target;
        const seen = state.get(target);
        if (seen === 'open') backEdges.add(edge);
        else if (seen === undefined) {
          state.set(target, 'open');
          stack.push({ id: target, next: 0 });
        }
      } else {
        state.set(frame.id, 'done');
        finished.push(frame.id);
        stack.pop();
      }
    }
  }
  // Reverse finishing order is a topological order of the graph without its back edges.
  const columns = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const id of finished.reverse()) {
    for (const edge of outgoing.get(id) ?? []) {
      if (backEdges.has(edge)) continue;
      const target = links[edge]!.target;
      columns.set(target, Math.max(columns.get(target)!, columns.get(id)! + 1));
    }
  }
  return { columns, backEdges };
}

// Colour-blind-friendly qualitative palette (Okabe & Ito 2008), then a neutral grey.
const PALETTE = ['#E69F00', '#56B4E9', '#009E73', '#D55E00', '#0072B2', '#CC79A7', '#F0E442', '#999999'] as const;


function sumOrZero(values: readonly Decimal[] | undefined): Decimal {
  return values === undefined || values.length === 0 ? ZERO : sum(values);
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
