import { describe, expect, it } from 'vitest';
import { DuplicateMethodError, UnknownMethodError } from '../core/errors.js';
import { testContext } from './__fixtures__/context.js';
import { BUILTIN_METHODS, defaultMethodRegistry } from './builtins.js';
import { genericFuelCombustion } from './generic/fuel-combustion.js';
import { carbonateDecomposition } from './generic/carbonate-decomposition.js';
import { createMethodRegistry, evaluateMethod, registerMethod } from './registry.js';

// The ids of the method table in issue 3 plus the generic fuel method of the engine issue.
const ISSUE_3_IDS = [
  'ipcc-2006/aluminium/tier1-co2',
  'ipcc-2006/aluminium/prebake-anode-co2',
  'ipcc-2006/aluminium/pitch-volatiles-co2',
  'ipcc-2006/aluminium/packing-coke-co2',
  'ipcc-2006/aluminium/soderberg-paste-co2',
  'ipcc-2006/aluminium/pfc-tier1',
  'ipcc-2006/aluminium/pfc-slope',
  'ipcc-2006/aluminium/pfc-overvoltage',
  'ipcc-2019/aluminium/pfc-tier1',
  'ipcc-2019/aluminium/pfc-slope',
  'cn-ndrc-2013/aluminium/anode-co2',
  'cn-ndrc-2013/aluminium/pfc',
  'cn-ndrc-2013/fuel-combustion',
  'carbonate-decomposition',
  'cn-ndrc-2013/aluminium/limestone',
  'cn-mee-2024/aluminium/anode-co2',
  'generic/fuel-combustion',
];

describe('method registry', () => {
  it('holds every built-in method of issue 3', () => {
    const ids = defaultMethodRegistry().ids();
    expect(ISSUE_3_IDS.filter((id) => !ids.includes(id))).toEqual([]);
    expect(BUILTIN_METHODS.length).toBe(ids.length);
  });

  it('registers into a new registry and leaves the old one unchanged', () => {
    const base = createMethodRegistry([genericFuelCombustion]);
    const extended = registerMethod(base, carbonateDecomposition);
    expect(base.has('carbonate-decomposition')).toBe(false);
    expect(extended.get('carbonate-decomposition')).toBe(carbonateDecomposition);
    expect(Object.isFrozen(extended)).toBe(true);
  });

  it('rejects duplicate ids', () => {
    expect(() => createMethodRegistry([genericFuelCombustion, genericFuelCombustion])).toThrow(DuplicateMethodError);
    expect(() => registerMethod(defaultMethodRegistry(), carbonateDecomposition)).toThrow(DuplicateMethodError);
  });

  it('reports an unknown method at the `method` field next to `with`', () => {
    try {
      evaluateMethod(defaultMethodRegistry(), 'ipcc-2006/aluminium/nope', {}, testContext());
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownMethodError);
      expect((error as UnknownMethodError).path).toEqual(['processes', 0, 'emissions', 1, 'method']);
    }
  });

  it('marks spec defaults as defaults in the explanation', () => {
    const result = evaluateMethod(defaultMethodRegistry(), 'carbonate-decomposition', { carbonate: 'CaCO3', amount: '10 t' }, testContext());
    const purity = result.values.find((v) => v.name === 'purity');
    expect(purity).toMatchObject({ origin: 'default', value: '100', unit: '%', source: 'pure carbonate assumed when no purity is given' });
  });
});
