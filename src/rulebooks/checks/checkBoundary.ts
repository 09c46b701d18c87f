import type { FootprintResult } from '../../graph/results.js';
import type { Model } from '../../model/types.js';
import { finding } from '../finding.js';
import type { Finding, Rulebook } from '../types.js';

const ALUMINA = /alumina|氧化铝/i;
const ELECTRICITY = /electric|power|电力|电能/i;

/**
 * The boundary the rulebook asks for, and what in the model does not fit it: for CBAM the
 * installation (alumina refining is outside, alumina not being a precursor — formats.md §3.3);
 * for the China ETS report the enterprise, where power generation is accounted under its own
 * sector guideline (standards.md §2.2).
 *
 * @example
 * checkBoundary(getRulebook('cbam-aluminium'), model, result);
 */
export function checkBoundary(rulebook: Rulebook, model: Model, result: FootprintResult): Finding[] {
  const findings: Finding[] = [];
  const priced = model.processes.reduce((n, p) => n + p.inputs.filter((i) => i.factor !== undefined).length, 0);
  switch (rulebook.boundary) {
    case 'cradle-to-gate':
      findings.push(
        finding('boundary', 'boundary_cradle_to_gate', [], `cradle-to-gate: ${model.processes.length} processes of the model and ${priced} inputs priced by factors taken as cradle-to-gate (${result.products.length} products)`, 'info'),
      );
      break;
    case 'installation':
      findings.push(finding('boundary', 'boundary_installation', [], 'the CBAM boundary is the installation: name its processes (installation option of cbamEmbeddedEmissions); embedded emissions are computed from the same graph with that boundary', 'info'));
      for (const process of model.processes) {
        if (process.outputs.some((o) => ALUMINA.test(o.flow))) {
          findings.push(finding('boundary', 'boundary_upstream_process', process.path, `process "${process.id}" makes alumina: alumina refining is outside the aluminium installation (alumina is not a CBAM precursor)`, 'info'));
        }
      }
      break;
    case 'enterprise':
      findings.push(finding('boundary', 'boundary_enterprise', [], 'enterprise report: the electrolysis process and enterprise-level sources (CETS—AG—04.01—V01—2024 §5)', 'info'));
      for (const process of model.processes) {
        const power = process.outputs.find((o) => ELECTRICITY.test(o.flow) && !o.waste);
        if (power !== undefined) {
          findings.push(finding('boundary', 'boundary_power_generation', process.path, `process "${process.id}" generates "${power.flow}": power generation is accounted under its own sector guideline, not the aluminium report`, 'warning'));
        }
      }
      break;
  }
  return findings;
}
