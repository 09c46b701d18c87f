import { describe, expect, it } from 'vitest';
import { Decimal } from '../../decimal/decimal.js';
import { barChartSvg } from './barChartSvg.js';

const D = (v: string) => new Decimal(v);

describe('barChartSvg', () => {
  it('draws bars proportional to their values, in the order given', () => {
    const svg = barChartSvg([{ label: 'electricity', value: D('7.5') }, { label: 'anode', value: D('1.5') }], { width: 700, labelWidth: 200 });
    const widths = [...svg.matchAll(/<rect class="bar-rect" x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    // plot width 700 − (200 + 8) − 240 = 252 px for the largest value: 7.5 → 252, 1.5 → 252 / 5
    expect(widths).toEqual([252, 50.4]);
    expect(svg.indexOf('electricity')).toBeLessThan(svg.indexOf('anode'));
  });

  it('draws credits left of the zero line', () => {
    const svg = barChartSvg([{ label: 'made', value: D('3') }, { label: 'credit', value: D('-1') }], { width: 700, labelWidth: 200 });
    expect(svg).toContain('class="bar-rect bar-negative"');
    // span 3 − (−1) = 4 over 252 px: zero line at 208 + 63 = 271
    expect(svg).toContain('x1="271"');
  });

  it('escapes labels and shortens long ones, keeping the full text in the tooltip', () => {
    const long = `${'<x>'.repeat(20)}`;
    const svg = barChartSvg([{ label: long, value: D('1') }], { formatValue: (v) => `${v.toFixed()} t` });
    expect(svg).not.toContain('<x>');
    expect(svg).toContain(`<title>${'&lt;x&gt;'.repeat(20)}: 1 t</title>`);
    expect(svg).toContain('…</text>');
  });
});
