import { productsByOutput, type FootprintResult } from '../../graph/results.js';
import type { Model } from '../../model/types.js';
import { finding } from '../finding.js';
import type { PrimaryAluminiumProcess } from '../primaryAluminium.js';
import type { Finding, Rulebook } from '../types.js';

// Aluminium method ids that give each required source (methods layer: publisher-edition/aluminium/name).
const SOURCE_METHOD: Readonly<Record<'anode' | 'pfc', RegExp>> = {
  anode: /\/aluminium\/(?:[\w-]*anode-co2|soderberg-paste-co2|tier1-co2)$/i,
  pfc: /\/aluminium\/pfc[\w-]*$/i,
};
const SOURCE_NAME: Readonly<Record<string, string>> = {
  anode: 'anode CO2 (consumption of prebaked anodes or Søderberg paste)',
  pfc: 'PFC emissions from anode effects (CF4, C2F6)',
  'fuel-combustion': 'fossil fuel combustion (化石燃料燃烧)',
  carbonate: 'carbonate decomposition (碳酸盐分解)',
  electricity: 'purchased electricity (净购入电力)',
};

/**
 * Required emission sources: a primary aluminium process without anode CO2 or PFC emissions is an
 * error (a zero result from a declared source is a warning); sources a report lists but the model
 * lacks are noted.
 *
 * @example
 * checkRequiredSources(getRulebook('gb-t-44905-aluminium'), model, result, primaryAluminiumProcesses(model, result));
 */
export function checkRequiredSources(
  rulebook: Rulebook,
  model: Model,
  result: FootprintResult,
  smelters: readonly PrimaryAluminiumProcess[],
): Finding[] {
  const findings: Finding[] = [];
  const required = rulebook.requiredSources.primaryAluminium;
  if (smelters.length === 0 && required.length > 0) {
    findings.push(finding('required-sources', 'no_primary_aluminium', [], 'no primary aluminium (electrolysis) process recognised: the anode CO2 and PFC requirement does not apply', 'info'));
  }
  const productMadeBy = productsByOutput(result);
  for (const smelter of smelters) {
    const footprint = productMadeBy(smelter.processId, smelter.product);
    const path = [...smelter.process.path, 'emissions'];
    for (const category of required) {
      const amount = footprint?.byCategory[category];
      if (amount !== undefined && amount.gt(0)) continue;
      const declared = smelter.process.emissions.some((e) =>
        e.kind === 'declared' ? e.category === category : SOURCE_METHOD[category].test(e.method),
      );
      findings.push(
        declared
          ? finding('required-sources', `zero_${category}_emissions`, path, `primary aluminium process "${smelter.processId}" declares ${SOURCE_NAME[category]}, but they come to zero: check the activity data`, 'warning')
          : finding('required-sources', `missing_${category}_emissions`, path, `primary aluminium process "${smelter.processId}" (${smelter.evidence.join('; ')}) has no ${SOURCE_NAME[category]}: ${rulebook.id} requires them`, 'error'),
      );
    }
  }
  for (const category of rulebook.requiredSources.listed) {
    const inModel = model.processes.some(
      (p) => p.emissions.some((e) => e.kind === 'declared' && e.category === category) || p.inputs.some((i) => i.category === category),
    );
    const inResults = result.products.some((p) => p.byCategory[category]?.gt(0) === true);
    if (!inModel && !inResults) {
      findings.push(finding('required-sources', `no_${category.replace(/-/g, '_')}_source`, [], `the model has no ${SOURCE_NAME[category] ?? category}; ${rulebook.id} reports it: confirm the enterprise has none`, 'info'));
    }
  }
  return findings;
}
