import { describe, expect, it } from 'vitest';
import { ModelValidationError } from '../core/errors.js';
import { parseUncertaintyMap } from './parseUncertaintyMap.js';

describe('parseUncertaintyMap', () => {
  it('reads distributions keyed by factor id or document path, amounts exactly', () => {
    const map = parseUncertaintyMap({
      'cn-mee/grid/national/2023': { distribution: 'range', percent: '7.5' },
      'processes[0].emissions[1]': { distribution: 'triangular', min: 90, mode: '100', max: '130' },
    });
    expect(map['cn-mee/grid/national/2023']).toEqual({ distribution: 'range', percent: expect.anything() });
    const triangular = map['processes[0].emissions[1]'];
    expect(triangular?.distribution === 'triangular' && triangular.max.toFixed()).toBe('130');
  });

  it('lists every problem with its path', () => {
    try {
      parseUncertaintyMap({ a: { distribution: 'normal' }, b: { distribution: 'cauchy', scale: 1 } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ModelValidationError);
      const paths = (error as ModelValidationError).issues.map((i) => i.path[0]);
      expect(paths).toEqual(expect.arrayContaining(['a', 'b']));
    }
  });
});
