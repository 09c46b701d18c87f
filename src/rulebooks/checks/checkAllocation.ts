import type { Model, Output } from '../../model/types.js';
import { finding } from '../finding.js';
import type { Finding, Rulebook } from '../types.js';

const HIERARCHY = 'ISO 14044 4.3.4.2 / ISO 14067 6.4.6: avoid allocation, then physical relationships, then economic value (formats.md §4.1)';

/**
 * The allocation hierarchy: a warning when economic allocation is used where a physical
 * relationship is available (all allocated outputs in mass units, or a property they all carry),
 * an info for manual shares (to be justified) and for system expansion (allocation avoided).
 *
 * @example
 * checkAllocation(getRulebook('iso-14067'), model);
 */
export function checkAllocation(rulebook: Rulebook, model: Model): Finding[] {
  if (rulebook.allocation === 'not-applicable') return [];
  const findings: Finding[] = [];
  for (const process of model.processes) {
    const carriers = process.outputs.filter((o) => !o.waste && o.substitutes === undefined);
    const substituted = process.outputs.filter((o) => o.substitutes !== undefined);
    for (const output of substituted) {
      findings.push(finding('allocation', 'allocation_avoided', output.path, `"${output.flow}" is credited by system expansion: allocation avoided (${HIERARCHY})`, 'info'));
    }
    if (carriers.length < 2 || process.allocation === undefined) continue;
    const path = [...process.path, 'allocation'];
    const method = process.allocation.method;
    if (method === 'economic') {
      const physical = physicalAlternative(carriers);
      findings.push(
        physical === undefined
          ? finding('allocation', 'allocation_economic', path, `process "${process.id}" allocates economically; no physical relationship is given for its outputs — justify it (${HIERARCHY})`, 'info')
          : finding('allocation', 'allocation_economic_where_physical', path, `process "${process.id}" allocates economically although ${physical} would do: ${HIERARCHY}`, 'warning'),
      );
    } else if (method === 'manual') {
      findings.push(finding('allocation', 'allocation_manual', path, `process "${process.id}" uses manual shares: state the physical or economic basis and justify it (${HIERARCHY})`, 'info'));
    }
  }
  return findings;
}

function physicalAlternative(outputs: readonly Output[]): string | undefined {
  if (outputs.every((o) => o.quantity.unit.dimensionKey === 'mass')) return 'mass allocation';
  const [first, ...rest] = outputs;
  const shared = Object.keys(first!.properties).filter((name) => rest.every((o) => name in o.properties));
  return shared.length === 0 ? undefined : `physical allocation by "${shared.sort()[0]!}"`;
}
