import { defineMethod } from '../../defineMethod.js';
import { pfcEmissions } from '../../pfc.js';
import { PRODUCTION_PARAMETER } from '../../commonParameters.js';
import { derivedTerm, factorTerm, methodResult, parameterTerm, productionTerm } from '../../terms.js';
import type { MethodDefinition } from '../../types.js';

const CITATION = 'NDRC 2013 China electrolytic aluminium GHG guideline (trial), 阳极效应排放; GB/T 32151.4-2015';
const DATASET = 'cn-ndrc-2013/aluminium/pfc';

/**
 * `cn-ndrc-2013/aluminium/pfc`: anode-effect CF4 and C2F6. With `anodeEffectMinutes`,
 * EF_CF4 = 0.143 × AEM and EF_C2F6 = 0.1 × EF_CF4 (kg/t); otherwise the defaults 0.034 and
 * 0.0034 kg/t. Emits tonnes of each gas; the guideline's own CO2e uses SAR (6500 / 9200), which
 * the model applies with `gwp: SAR`.
 *
 * @example
 * evaluateMethod(registry, 'cn-ndrc-2013/aluminium/pfc', { production: '100000 t' }, context);
 * // CF4 = 0.034 × 100000 / 1000 = 3.4 t; C2F6 = 0.0034 × 100000 / 1000 = 0.34 t
 */
export const cnNdrc2013AluminiumPfc: MethodDefinition = defineMethod({
  id: 'cn-ndrc-2013/aluminium/pfc',
  title: 'Anode-effect PFC (NDRC 2013 electrolytic aluminium)',
  citation: CITATION,
  parameters: {
    anodeEffectMinutes: {
      kind: 'quantity',
      unit: 'AE-min/cell-day',
      description: '平均每天每槽阳极效应持续时间 (AEM); without it the default factors apply',
    },
    production: { ...PRODUCTION_PARAMETER, description: '原铝产量 (primary aluminium output, P), t; default: the reference output of the process' },
  },
  evaluate(params, context) {
    const production = productionTerm(params, context);
    const anodeEffectMinutes = parameterTerm(params, 'anodeEffectMinutes', 'AE-min/cell-day');
    if (anodeEffectMinutes === undefined) {
      const cf4 = factorTerm(context, 'EF_CF4', `${DATASET}/CF4`, 'kg CF4/t');
      const c2f6 = factorTerm(context, 'EF_C2F6', `${DATASET}/C2F6`, 'kg C2F6/t');
      return methodResult({
        emissions: pfcEmissions(cf4.value.times(production.value), c2f6.value.times(production.value)),
        formula: 'E_CF4 = EF_CF4 × P × 10^-3, E_C2F6 = EF_C2F6 × P × 10^-3 (t)',
        citation: CITATION,
        terms: [production, cf4, c2f6],
        path: context.path,
      });
    }
    const perMinute = factorTerm(context, 'CF4 per AEM', `${DATASET}/cf4-per-anode-effect-minute`, '(kg CF4/t)/(AE-min/cell-day)');
    const ratio = factorTerm(context, 'C2F6/CF4', `${DATASET}/c2f6-cf4-ratio`, 'kg C2F6/kg CF4');
    const cf4Factor = perMinute.value.times(anodeEffectMinutes.value);
    const c2f6Factor = ratio.value.times(cf4Factor);
    return methodResult({
      emissions: pfcEmissions(cf4Factor.times(production.value), c2f6Factor.times(production.value)),
      formula: 'EF_CF4 = 0.143 × AEM, EF_C2F6 = 0.1 × EF_CF4; E_CF4 = EF_CF4 × P × 10^-3, E_C2F6 = EF_C2F6 × P × 10^-3 (t)',
      citation: CITATION,
      terms: [
        production,
        anodeEffectMinutes,
        perMinute,
        ratio,
        derivedTerm('EF_CF4', cf4Factor, 'kg CF4/t'),
        derivedTerm('EF_C2F6', c2f6Factor, 'kg C2F6/t'),
      ],
      path: context.path,
    });
  },
});
