import { describe, expect, it } from 'vitest';
import { Decimal } from '../../decimal/decimal.js';
import { sankeyLayout, sankeySvg, type SankeyDiagram } from './sankey.js';

const D = (v: string) => new Decimal(v);

// Two sources feed a refinery and a potline; the potline also takes the refinery's output.
// Flows: pfc → potline 1, power → refinery 1, power → potline 2, refinery → potline 1, potline → product 4.
const diagram: SankeyDiagram = {
  nodes: [
    { id: 'pfc', label: 'PFC', kind: 'source' },
    { id: 'power', label: 'Power', kind: 'source' },
    { id: 'refinery', label: 'refinery' },
    { id: 'potline', label: 'potline' },
    { id: 'product', label: 'ingot', kind: 'product' },
    { id: 'idle', label: 'idle' },
  ],
  links: [
    { source: 'pfc', target: 'potline', value: D('1') },
    { source: 'power', target: 'refinery', value: D('1') },
    { source: 'power', target: 'potline', value: D('2') },
    { source: 'refinery', target: 'potline', value: D('1') },
    { source: 'potline', target: 'product', value: D('4') },
  ],
};

describe('sankeyLayout', () => {
  const layout = sankeyLayout(diagram, { width: 800, height: 400, nodePadding: 10 });
  const node = (id: string) => layout.nodes.find((n) => n.id === id)!;

  it('puts nodes in columns by the longest path from the sources and drops nodes without flow', () => {
    expect(Object.fromEntries(layout.nodes.map((n) => [n.id, n.column]))).toEqual({ pfc: 0, power: 0, refinery: 1, potline: 2, product: 3 });
    expect(node('pfc').x).toBeLessThan(node('refinery').x);
  });

  it('sizes nodes by the larger of inflow and outflow, with one scale', () => {
    expect(node('potline').value.toFixed()).toBe('4');
    expect(node('power').value.toFixed()).toBe('3');
    // potline (4) and product (4) fill the usable height 400 − 16 − 16 = 368 alone in their columns;
    // column 0 holds 1 + 3 = 4 plus one 10 px gap, so its scale (358 / 4) is the smallest and rules.
    expect(node('potline').height).toBeCloseTo((358 / 4) * 4, 6);
    expect(node('pfc').height).toBeCloseTo(358 / 4, 6);
  });

  it('stacks ribbons so that each node is covered exactly by its links', () => {
    const potline = node('potline');
    const arriving = layout.links.filter((l) => l.target === 'potline').sort((a, b) => a.targetY - b.targetY);
    expect(arriving[0]!.targetY).toBeCloseTo(potline.y, 6);
    const last = arriving[arriving.length - 1]!;
    expect(last.targetY + last.thickness).toBeCloseTo(potline.y + potline.height, 6);
  });

  it('leaves out zero and negative links, and keeps loops as backward links', () => {
    const looped = sankeyLayout({
      nodes: [{ id: 's', label: 's' }, { id: 'a', label: 'a' }, { id: 'b', label: 'b' }],
      links: [
        { source: 's', target: 'a', value: D('2') },
        { source: 'a', target: 'b', value: D('2.5') },
        { source: 'b', target: 'a', value: D('0.5') },
        { source: 's', target: 'b', value: D('0') },
        { source: 's', target: 'b', value: D('-1') },
      ],
    });
    expect(looped.links).toHaveLength(3);
    expect(looped.links.filter((l) => l.backward).map((l) => `${l.source}→${l.target}`)).toEqual(['b→a']);
    expect(looped.nodes.map((n) => n.column)).toEqual([0, 1, 2]);
  });
});

describe('sankeySvg', () => {
  it('draws one filled Bézier ribbon per link and one rectangle per node, escaping labels', () => {
    const svg = sankeySvg(
      { nodes: [{ id: 'a', label: '<b>&' }, { id: 'b', label: 'potline' }], links: [{ source: 'a', target: 'b', value: D('1.5') }] },
      { title: 'flows "x"', formatValue: (v) => `${v.toFixed()} t` },
    );
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<title>flows &quot;x&quot;</title>');
    expect(svg.match(/<path class="sankey-link"/g)).toHaveLength(1);
    expect(svg).toMatch(/d="M[\d.]+,[\d.]+ C[\d., ]+ L[\d.,]+ C[\d., ]+ Z"/);
    expect(svg.match(/<rect class="sankey-node/g)).toHaveLength(2);
    expect(svg).toContain('&lt;b&gt;&amp; (1.5 t)');
    expect(svg).not.toContain('<b>');
  });

  it('draws an empty picture for a diagram without flows', () => {
    const svg = sankeySvg({ nodes: [{ id: 'a', label: 'a' }], links: [] });
    expect(svg).not.toContain('<rect');
    expect(svg.endsWith('</svg>')).toBe(true);
  });
});
