import { MethodNotApplicableError } from '../core/errors.js';
import { pfcEmissions } from './pfc.js';
import { PRODUCTION_PARAMETER } from './commonParameters.js';
import { enumParameter, factorTerm, methodResult, parameterTerm, productionTerm } from './terms.js';
import type { Term } from './terms.js';
import type { MethodContext, MethodResult, ParameterSpec, ParameterValue } from './types.js';

export const SLOPE_UNIT = '(kg CF4/t)/(AE-min/cell-day)';
export const RATIO_UNIT = 'kg C2F6/kg CF4';

/**
 * Parameters of a slope method (IPCC Eq. 4.26, 2006 and 2019 Tier 2a) for the given technologies.
 *
 * @example
 * const parameters = slopeParameters(['CWPB', 'SWPB', 'VSS', 'HSS']);
 */
export function slopeParameters(technologies: readonly string[]): Readonly<Record<string, ParameterSpec>> {
  return Object.freeze({
    technology: { kind: 'enum', values: technologies, required: true, description: 'cell technology' },
    anodeEffectMinutes: {
      kind: 'quantity',
      unit: 'AE-min/cell-day',
      required: true,
      description: 'anode-effect minutes per cell-day (AEM)',
    },
    slope: { kind: 'quantity', unit: SLOPE_UNIT, description: 'slope coefficient S_CF4; default by technology' },
    c2f6Ratio: { kind: 'quantity', unit: RATIO_UNIT, description: 'weight fraction F_C2F6/CF4; default by technology' },
    production: PRODUCTION_PARAMETER,
  });
}

/**
 * Eq. 4.26: E_CF4 = S_CF4 × AEM × MP, E_C2F6 = E_CF4 × F_C2F6/CF4 (kg), with the slope and ratio
 * looked up as `<prefix>/pfc-slope/<technology>` and `<prefix>/c2f6-cf4-ratio/<technology>`.
 *
 * @example
 * return evaluateSlope('ipcc-2006/aluminium', params, context, 'IPCC 2006 Vol. 3 Ch. 4, Eq. 4.26, Table 4.16');
 */
export function evaluateSlope(
  prefix: string,
  params: Readonly<Record<string, ParameterValue>>,
  context: MethodContext,
  citation: string,
  hasDefault: (technology: string) => boolean,
  notes?: readonly string[],
): MethodResult {
  const technology = enumParameter(params, 'technology');
  const anodeEffectMinutes = parameterTerm(params, 'anodeEffectMinutes', 'AE-min/cell-day') as Term;
  const givenSlope = parameterTerm(params, 'slope', SLOPE_UNIT);
  const givenRatio = parameterTerm(params, 'c2f6Ratio', RATIO_UNIT);
  if (!hasDefault(technology) && (givenSlope === undefined || givenRatio === undefined)) {
    throw new MethodNotApplicableError(
      `${citation} has no slope or C2F6/CF4 ratio for ${technology}; give both "slope" and "c2f6Ratio"`,
      { path: [...context.path, 'technology'] },
    );
  }
  const slope = givenSlope ?? factorTerm(context, 'slope', `${prefix}/pfc-slope/${technology}`, SLOPE_UNIT, 'default');
  const ratio = givenRatio ?? factorTerm(context, 'c2f6Ratio', `${prefix}/c2f6-cf4-ratio/${technology}`, RATIO_UNIT, 'default');
  const production = productionTerm(params, context);
  const cf4Kilograms = slope.value.times(anodeEffectMinutes.value).times(production.value);
  return methodResult({
    emissions: pfcEmissions(cf4Kilograms, cf4Kilograms.times(ratio.value)),
    formula: 'E_CF4 = S_CF4 × AEM × MP, E_C2F6 = E_CF4 × F_C2F6/CF4 (kg)',
    citation,
    terms: [slope, anodeEffectMinutes, production, ratio],
    path: context.path,
    ...(notes === undefined ? {} : { notes }),
  });
}
