import { describe, expect, it } from 'vitest';
import { computeFootprints } from '../../src/compute/computeFootprints.js';
import { demoModelDocument } from '../../src/demo/index.js';
import { keyProductHtml, keyProductMarkdown, keyProductReport } from '../../src/report/keyproduct/index.js';
import { doc, proc } from '../helpers.js';
import { unbalancedTags } from './keyproductMarkup.js';

const demo = computeFootprints(demoModelDocument());
const zh = keyProductReport(demo, { lang: 'zh' });
const en = keyProductReport(demo, { lang: 'en' });

describe('keyProductMarkdown', () => {
  it('has the sections of the GB/T 44905-2024 report template, in Chinese', () => {
    const markdown = keyProductMarkdown(zh);
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# 重熔用铝锭产品碳足迹报告',
      '## 1 基本信息',
      '## 2 目的与范围',
      '### 2.1 声明单位',
      '### 2.2 系统边界与生命周期阶段',
      '### 2.3 取舍准则',
      '### 2.4 分配',
      '## 3 数据来源与数据质量',
      '## 4 全球变暖潜势（GWP100）',
      '## 5 产品碳足迹结果',
      '### 5.1 按生命周期阶段',
      '### 5.2 按排放源',
      '### 5.3 按过程',
      '### 5.4 按温室气体',
      '### 5.5 按范围',
      '### 5.6 排放在过程图中的流动',
      '### 5.7 贡献分析',
      '### 5.8 精确值',
      '## 6 说明与局限性',
    ]);
    expect(markdown).toContain('**1 t 重熔用铝锭**');
    expect(markdown).toContain('从摇篮到大门');
  });

  it('has the same sections in English', () => {
    const markdown = keyProductMarkdown(en);
    for (const heading of ['## 1 General information', '### 2.1 Declared unit', '### 2.2 System boundary and life-cycle stages', '### 2.3 Cut-off criteria',
      '### 2.4 Allocation', '## 3 Data sources and data quality', '## 4 Global warming potentials (GWP100)', '### 5.1 By life-cycle stage',
      '### 5.2 By emission source', '### 5.8 Exact values', '## 6 Notes and limitations']) {
      expect(markdown).toContain(`\n${heading}\n`);
    }
  });

  it('shows rounded values, says how they are rounded, and keeps the exact ones', () => {
    const markdown = keyProductMarkdown(en);
    // total 10.90443434… rounded to 4 places, half-even
    expect(markdown).toContain('Carbon footprint of the product: 10.9044 t CO2e per 1 t');
    expect(markdown).toContain(`| Carbon footprint of the product | ${en.total.toFixed()} |`);
    expect(markdown).toContain('Displayed values are rounded to 4 decimal places (HALF\\_EVEN)');
    // the GWP table: CF4 6630 (IPCC AR5 WG1 Table 8.A.1)
    expect(markdown).toMatch(/\| Tetrafluoromethane \(CF4\) \| 6630 \|/);
  });

  it('says exact values may carry more than 34 digits, as the demo total does', () => {
    const markdown = keyProductMarkdown(en);
    // The total is an exact sum of products each rounded to 34 digits: its digits run longer.
    const digits = en.total.toFixed().replace(/^[-0.]+/, '').replace('.', '');
    expect(digits.length).toBeGreaterThan(34);
    expect(markdown).toContain('each product or quotient rounded once to 34 significant digits, sums exact, so they may carry more digits');
    expect(keyProductMarkdown(zh)).toContain('加法精确，故可能多于 34 位');
  });

  it('follows the rounding option', () => {
    const markdown = keyProductMarkdown(keyProductReport(demo, { lang: 'en', rounding: { places: 2, mode: 'HALF_UP' } }));
    expect(markdown).toContain('Carbon footprint of the product: 10.90 t CO2e per 1 t');
  });
});

describe('keyProductHtml', () => {
  const html = keyProductHtml(zh);

  it('is one self-contained page: inline style, no scripts, nothing fetched', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<title>${zh.title}</title>`);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\bsrc=|\bhref=/i);
    // The only URL is the SVG namespace name, which is never fetched.
    expect(html.match(/https?:\/\/[^"\s]+/g)?.every((url) => url === 'http://www.w3.org/2000/svg')).toBe(true);
  });

  it('has a Sankey diagram and bar charts as inline SVG', () => {
    expect(html.match(/<svg /g)).toHaveLength(4); // Sankey; bars by stage, by source, by process
    expect(html).toContain('class="sankey"');
    expect(html.match(/<path class="sankey-link/g)).toHaveLength(zh.sankey.links.length);
    expect(html.match(/<rect class="bar-rect/g)).toHaveLength(zh.byStage.length + zh.bySource.length + zh.byProcess!.length);
  });

  it('is well-formed: every tag closed in order, in the page and in each SVG', () => {
    expect(unbalancedTags(html)).toEqual([]);
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.length).toBeGreaterThan(0);
    for (const svg of svgs) expect(unbalancedTags(svg)).toEqual([]);
  });

  it('keeps exact values in a details table', () => {
    expect(html).toContain('<details>');
    expect(html).toContain(`<td class="num">${zh.total.toFixed()}</td>`);
  });
});

describe('escaping of user text', () => {
  const hostile = '<script>alert(1)</script>';
  const tricky = 'a|b*c_[d]&"e"';
  const result = computeFootprints(doc([
    proc(tricky, ['zinc-concentrate', '10'], '1'),
    proc(hostile, ['zinc-ingot', '5'], '2', [{ flow: 'zinc-concentrate', amount: '10', unit: 't', from: tricky }]),
  ], { name: `Plant ${hostile}` }));
  const report = keyProductReport(result, { lang: 'en' });

  it('escapes process ids and names in HTML, including inside the SVGs', () => {
    const html = keyProductHtml(report);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a|b*c_[d]&amp;&quot;e&quot;');
    expect(unbalancedTags(html)).toEqual([]);
    const sankey = html.match(/<svg [^>]*class="sankey"[\s\S]*?<\/svg>/)![0];
    expect(sankey).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('escapes them in Markdown so they neither become HTML nor break a table', () => {
    const markdown = keyProductMarkdown(report);
    expect(markdown).not.toContain('<script');
    expect(markdown).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const row = markdown.split('\n').find((line) => line.startsWith('| a\\|b'))!;
    expect(row).toBeDefined();
    // "a|b" stays in one cell: a process table row has 3 cells, so 4 unescaped bars
    expect(row.replace(/\\\|/g, '').match(/\|/g)).toHaveLength(4);
    expect(row).toContain('a\\|b\\*c\\_\\[d\\]&amp;"e"');
  });
});
