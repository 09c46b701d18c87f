import { makeIssue, type DocumentPath, type Issue } from '../core/issues.js';
import { ONE, sum, type Decimal } from '../decimal/decimal.js';
import { amountIn } from '../quantity/index.js';
import type { Quantity } from '../quantity/types.js';
import { DIMENSIONLESS, isConvertible, multiplyUnits } from '../units/index.js';
import type { Unit } from '../units/types.js';
import type { Output, Process } from './types.js';

/**
 * The outputs that share a process's burden: not waste (waste carries none) and not substituted
 * (system expansion credits those instead of allocating to them).
 *
 * @example
 * allocatedOutputs(process).map((output) => output.flow) // ['zinc-cathode', 'sulfuric-acid']
 */
export function allocatedOutputs(process: Process): Output[] {
  return process.outputs.filter((output) => !output.waste && output.substitutes === undefined);
}

/**
 * Checks a process's allocation rule against its outputs: a rule where several outputs share the
 * burden (`missing_allocation` otherwise), prices or properties on every allocated output in
 * units that add up, mass units for mass allocation, and manual shares that name exactly the
 * allocated outputs and sum to exactly 1.
 *
 * @example
 * validateAllocation(process) // [] when the rule can be applied
 */
export function validateAllocation(process: Process): Issue[] {
  // Most processes: one output and no rule, so nothing to check.
  if (process.allocation === undefined && process.outputs.length <= 1) return [];
  const issues: Issue[] = [];
  const allocated = allocatedOutputs(process);
  const allocation = process.allocation;
  const allocationPath = [...process.path, 'allocation'];
  if (allocation === undefined) {
    if (allocated.length > 1) {
      const flows = allocated.map((output) => `"${output.flow}"`).join(', ');
      issues.push(
        makeIssue(
          'missing_allocation',
          allocationPath,
          `process "${process.id}" has ${allocated.length} co-products (${flows}) and no allocation rule: add allocation ` +
            '(mass, economic, physical or manual), mark outputs as waste, or credit them with substitutes',
        ),
      );
    }
    return issues;
  }
  if (allocated.length <= 1) {
    issues.push(
      makeIssue('unused_allocation', allocationPath, `process "${process.id}" has ${allocated.length === 0 ? 'no output' : 'one output'} to allocate to; the rule has no effect`, 'warning'),
    );
    return issues;
  }
  switch (allocation.method) {
    case 'mass':
      for (const output of allocated) {
        if (output.quantity.unit.dimensionKey !== 'mass') {
          issues.push(
            makeIssue('allocation_unit_mismatch', [...output.path, 'unit'], `mass allocation needs outputs in mass units; "${output.flow}" is in ${output.quantity.unit.symbol}`),
          );
        }
      }
      break;
    case 'economic':
      issues.push(...checkBasis(process, allocated, 'price', (output) => output.price, isRevenueUnit, 'currency per unit of output (e.g. CNY/t)'));
      break;
    case 'physical':
      issues.push(
        ...checkBasis(process, allocated, `property "${allocation.property}"`, (output) => output.properties[allocation.property], () => true, '', allocation.property),
      );
      break;
    case 'manual':
      issues.push(...checkShares(process, allocated, allocation.shares, allocation.sharesPath ?? allocationPath));
      break;
  }
  return issues;
}

/** A price times an amount must give money: exactly one currency dimension. */
function isRevenueUnit(unit: Unit): boolean {
  const key = unit.dimensionKey;
  return key.startsWith('currency:') && !key.includes('*') && !key.includes('^');
}

// Economic and physical allocation share by (value per unit) × amount; those totals must be of
// one dimension across the allocated outputs, and not all zero.
function checkBasis(
  process: Process,
  allocated: readonly Output[],
  what: string,
  basisOf: (output: Output) => Quantity | undefined,
  acceptTotal: (unit: Unit) => boolean,
  expectedTotal: string,
  propertyName?: string,
): Issue[] {
  const issues: Issue[] = [];
  let first: { output: Output; unit: Unit } | undefined;
  let allZero = true;
  let complete = true;
  for (const output of allocated) {
    const basis = basisOf(output);
    const basisPath = propertyName === undefined ? [...output.path, 'price'] : [...output.path, 'properties', propertyName];
    if (basis === undefined) {
      complete = false;
      const code = propertyName === undefined ? 'missing_price' : 'missing_property';
      const field = propertyName === undefined ? output.path.concat('price') : output.path.concat('properties');
      issues.push(makeIssue(code, field, `"${output.flow}" has no ${what}, needed by the ${propertyName === undefined ? 'economic' : 'physical'} allocation of process "${process.id}"`));
      continue;
    }
    if (!basis.amount.isZero()) allZero = false;
    const total = multiplyUnits(basis.unit, output.quantity.unit);
    if (!acceptTotal(total)) {
      complete = false;
      issues.push(makeIssue('invalid_price_unit', basisPath, `a price is ${expectedTotal}; ${basis.unit.symbol} per ${output.quantity.unit.symbol} of "${output.flow}" is not money`));
      continue;
    }
    if (first === undefined) first = { output, unit: total };
    else if (!isConvertible(first.unit, total)) {
      complete = false;
      const code = propertyName === undefined ? 'inconsistent_price_units' : 'inconsistent_property_units';
      issues.push(
        makeIssue(
          code,
          basisPath,
          `${what} of "${output.flow}" (${basis.unit.symbol} × ${output.quantity.unit.symbol}) cannot be compared with that of "${first.output.flow}" (${first.unit.symbol})`,
        ),
      );
    }
  }
  if (complete && allZero) {
    issues.push(makeIssue('zero_allocation_basis', [...process.path, 'allocation'], `every allocated output of process "${process.id}" has a ${what} of zero; nothing to share by`));
  }
  return issues;
}

function checkShares(process: Process, allocated: readonly Output[], shares: Readonly<Record<string, Quantity>>, sharesPath: DocumentPath): Issue[] {
  const issues: Issue[] = [];
  const allocatedFlows = new Set(allocated.map((output) => output.flow));
  const fractions: Decimal[] = [];
  for (const flow of Object.keys(shares)) {
    const share = shares[flow];
    if (share === undefined) continue;
    if (!allocatedFlows.has(flow)) {
      const output = process.outputs.find((candidate) => candidate.flow === flow);
      const why = output === undefined ? 'not an output of' : output.waste ? 'a waste of' : 'substituted (credited, not allocated) in';
      issues.push(makeIssue('unknown_share', [...sharesPath, flow], `"${flow}" is ${why} process "${process.id}"; shares name the allocated outputs`));
      continue;
    }
    fractions.push(amountIn(share, DIMENSIONLESS));
  }
  for (const output of allocated) {
    if (!Object.hasOwn(shares, output.flow)) {
      issues.push(makeIssue('missing_share', sharesPath, `no share for "${output.flow}" of process "${process.id}"`));
    }
  }
  if (issues.length === 0) {
    const total = sum(fractions);
    if (!total.eq(ONE)) {
      issues.push(makeIssue('shares_sum', sharesPath, `shares of process "${process.id}" sum to ${total.toFixed()}, not exactly 1`));
    }
  }
  return issues;
}
