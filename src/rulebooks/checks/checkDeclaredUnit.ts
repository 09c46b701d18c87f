import type { FootprintResult } from '../../graph/results.js';
import type { Model } from '../../model/types.js';
import { processesById } from '../../model/processesById.js';
import { amountIn, formatQuantity } from '../../quantity/index.js';
import { isConvertible, parseUnit } from '../../units/index.js';
import { toDecimal } from '../../decimal/decimal.js';
import { finding } from '../finding.js';
import type { PrimaryAluminiumProcess } from '../primaryAluminium.js';
import type { Finding, Rulebook } from '../types.js';

/**
 * Each product's declared unit against the rulebook's: an error for the primary aluminium
 * products the rulebook is about, a warning for the model's other products.
 *
 * @example
 * checkDeclaredUnit(getRulebook('gb-t-44905-aluminium'), model, result, smelters);
 */
export function checkDeclaredUnit(rulebook: Rulebook, model: Model, result: FootprintResult, smelters: readonly PrimaryAluminiumProcess[]): Finding[] {
  const rule = rulebook.declaredUnit;
  const findings: Finding[] = [];
  const processes = processesById(model);
  const mainProducts = new Set(smelters.map((s) => s.product));
  // Intermediates the model consumes itself (captive power, steam) are not what is declared.
  const consumed = new Set(model.processes.flatMap((p) => p.inputs.flatMap((i) => (i.from === undefined ? [] : [`${i.from}\u0000${i.flow}`]))));
  for (const product of result.products) {
    const output = processes.get(product.process)?.outputs.find((o) => o.flow === product.flow);
    const path = output?.path ?? [];
    const declared = formatQuantity(product.declaredUnit);
    const main = mainProducts.has(product.flow);
    const severity = main ? 'error' : 'warning';
    if (rule.kind === 'defined') {
      findings.push(finding('declared-unit', 'declared_unit', path, `"${product.flow}" is declared per ${declared} (${rule.note})`, 'info'));
      continue;
    }
    const unit = parseUnit(rule.unit);
    if (!isConvertible(product.declaredUnit.unit, unit)) {
      const intermediate = consumed.has(`${product.process}\u0000${product.flow}`);
      findings.push(finding('declared-unit', 'declared_unit_not_mass', path, `"${product.flow}" is declared per ${declared}, not per a mass: ${rule.note}`, !main && intermediate ? 'info' : severity));
      continue;
    }
    const amount = amountIn(product.declaredUnit, unit);
    const allowed = rule.kind === 'mass' ? [rule.amount] : rule.amounts;
    if (!allowed.some((a) => toDecimal(a).eq(amount))) {
      findings.push(
        finding(
          'declared-unit',
          'declared_unit_amount',
          path,
          `"${product.flow}" is declared per ${declared} (${amount.toFixed()} ${rule.unit}); ${rule.note}`,
          // A mass unit of another size is rescaled by the output layer; it is a problem only for the product the rulebook is about.
          main ? 'error' : 'info',
        ),
      );
    }
  }
  return findings;
}
