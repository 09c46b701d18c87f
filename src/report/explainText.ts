import { toFixedString, type Rounding } from '../decimal/rounding.js';
import type { ExplainNode } from '../graph/explain.js';

const DISPLAY: Rounding = { places: 6, mode: 'HALF_EVEN' };

/**
 * The audit tree as indented text: each node with its t CO2e, formula, factors and their sources.
 *
 * @example
 * console.log(explainText(result.explain('aluminium-ingot')));
 */
export function explainText(root: ExplainNode, rounding: Rounding = DISPLAY): string {
  const lines: string[] = [];
  // An explicit stack, not recursion: explanations of long chains nest 2000 levels deep, which
  // overflowed the call stack.
  const stack: [node: ExplainNode, prefix: string, last: boolean, top: boolean][] = [[root, '', true, true]];
  while (stack.length > 0) {
    const [node, prefix, last, top] = stack.pop()!;
    const branch = top ? '' : last ? '└─ ' : '├─ ';
    const value = `${toFixedString(node.value, rounding)} t CO2e`;
    const extra = [
      node.quantity === undefined ? undefined : node.quantity,
      node.coefficient === undefined ? undefined : `× ${node.unitFootprint ?? '?'} t CO2e per unit (${node.coefficient} per unit above)`,
    ].filter((s) => s !== undefined);
    lines.push(`${prefix}${branch}${node.label}: ${value}${extra.length > 0 ? `  [${extra.join('; ')}]` : ''}`);
    const childPrefix = top ? '' : `${prefix}${last ? '   ' : '│  '}`;
    const info: string[] = [];
    if (node.path !== undefined) info.push(`at ${node.path}`);
    if (node.detail?.formula !== undefined) info.push(`formula: ${node.detail.formula}`);
    if (node.detail?.citation !== undefined) info.push(`source: ${node.detail.citation}`);
    for (const v of node.detail?.values ?? []) info.push(`${v.name} = ${v.value} ${v.unit} (${v.origin}${v.source === undefined ? '' : `: ${v.source}`})`);
    for (const f of node.detail?.factors ?? []) {
      info.push(`factor ${f.id} = ${f.value} ${f.unit} — ${f.source} [${f.confidence}]${f.selection === undefined ? '' : `; ${f.selection}`}`);
    }
    for (const n of node.detail?.notes ?? []) info.push(`note: ${n}`);
    if (node.note !== undefined) info.push(`note: ${node.note}`);
    const gases = Object.entries(node.gases);
    if (gases.length > 1 || (gases.length === 1 && gases[0]![0] !== 'CO2')) {
      info.push(`gases: ${gases.map(([g, m]) => `${g} ${toFixedString(m, { places: 9, mode: 'HALF_EVEN' })} t`).join(', ')}`);
    }
    const infoPrefix = `${childPrefix}${node.children.length > 0 ? '│  ' : '   '}`;
    for (const line of info) lines.push(`${infoPrefix}${line}`);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i]!, childPrefix, i === node.children.length - 1, false]);
  }
  return `${lines.join('\n')}\n`;
}
