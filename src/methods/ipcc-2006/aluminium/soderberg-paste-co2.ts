import { MethodParameterError } from '../../../core/errors.js';
import { defineMethod } from '../../defineMethod.js';
import { PRODUCTION_PARAMETER, percentParameter } from '../../commonParameters.js';
import { HUNDRED, enumParameter, factorTerm, methodResult, parameterOrDefault, parameterTerm, productionTerm } from '../../terms.js';
import type { Term } from '../../terms.js';
import type { MethodDefinition } from '../../types.js';

const CITATION = 'IPCC 2006 Vol. 3 Ch. 4, Eq. 4.24 (Tier 2/3 defaults: Tables 4.11–4.13)';
const SODERBERG = 'ipcc-2006/aluminium/soderberg';

/**
 * `ipcc-2006/aluminium/soderberg-paste-co2`: CO2 from Søderberg paste consumption (Eq. 4.24).
 * Defaults: CSM by technology (HSS 4.0, VSS 0.5 kg/t Al); BC by `paste` (dry 24 %, wet 27 %);
 * pitch S/Ash/H 0.6/0.2/3.3 %; calcined coke S/Ash 1.9/0.2 %; CD 0.01 t C/t Al.
 * `paste` (dry | wet) is an addition to the parameter list: BC has two defaults.
 *
 * @example
 * evaluateMethod(registry, 'ipcc-2006/aluminium/soderberg-paste-co2',
 *   { technology: 'VSS', pasteConsumption: '0.5 t/t', paste: 'dry', production: '1000 t' }, context);
 */
export const ipcc2006AluminiumSoderbergPasteCo2: MethodDefinition = defineMethod({
  id: 'ipcc-2006/aluminium/soderberg-paste-co2',
  title: 'Søderberg paste consumption CO2 (IPCC 2006 Tier 2/3)',
  citation: CITATION,
  parameters: {
    technology: { kind: 'enum', values: ['VSS', 'HSS'], required: true, description: 'vertical or horizontal stud Søderberg' },
    pasteConsumption: { kind: 'quantity', unit: 't/t', required: true, description: 'paste consumption (PC), t per t Al' },
    cyclohexaneSolubleMatter: {
      kind: 'quantity',
      unit: 'kg/t',
      description: 'emissions of cyclohexane-soluble matter (CSM), kg per t Al; default HSS 4.0, VSS 0.5',
    },
    binderContent: percentParameter('binder content of paste (BC), wt %; default dry paste 24 %, wet paste 27 % (choose with `paste`)'),
    paste: { kind: 'enum', values: ['dry', 'wet'], description: 'paste type, selecting the BC default' },
    pitchSulfur: percentParameter('sulphur content in pitch (S_p), wt %; default 0.6 %'),
    pitchAsh: percentParameter('ash content in pitch (Ash_p), wt %; default 0.2 %'),
    pitchHydrogen: percentParameter('hydrogen content in pitch (H_p), wt %; default 3.3 %'),
    cokeSulfur: percentParameter('sulphur content in calcined coke (S_c), wt %; default 1.9 %'),
    cokeAsh: percentParameter('ash content in calcined coke (Ash_c), wt %; default 0.2 %'),
    skimmedDustCarbon: { kind: 'quantity', unit: 't C/t', description: 'carbon in skimmed dust (CD), t C per t Al; default 0.01' },
    production: PRODUCTION_PARAMETER,
  },
  evaluate(params, context) {
    const technology = enumParameter(params, 'technology');
    const pasteConsumption = parameterTerm(params, 'pasteConsumption', 't/t') as Term;
    const csm = parameterOrDefault(params, context, 'cyclohexaneSolubleMatter', `${SODERBERG}/csm/${technology}`, 'kg/t');
    const binderContent = binderContentTerm(params, context);
    const pitchSulfur = parameterOrDefault(params, context, 'pitchSulfur', `${SODERBERG}/pitch-sulfur`, '%');
    const pitchAsh = parameterOrDefault(params, context, 'pitchAsh', `${SODERBERG}/pitch-ash`, '%');
    const pitchHydrogen = parameterOrDefault(params, context, 'pitchHydrogen', `${SODERBERG}/pitch-hydrogen`, '%');
    const cokeSulfur = parameterOrDefault(params, context, 'cokeSulfur', `${SODERBERG}/coke-sulfur`, '%');
    const cokeAsh = parameterOrDefault(params, context, 'cokeAsh', `${SODERBERG}/coke-ash`, '%');
    const skimmedDustCarbon = parameterOrDefault(params, context, 'skimmedDustCarbon', `${SODERBERG}/skimmed-dust-carbon`, 't C/t');
    const production = productionTerm(params, context);

    const mp = production.value;
    const paste = pasteConsumption.value.times(mp); // PC × MP
    const bc = binderContent.value;
    const carbon = paste
      .minus(csm.value.times(mp).div(1000)) // CSM × MP/1000 (kg → t)
      .minus(bc.div(HUNDRED).times(paste).times(pitchSulfur.value.plus(pitchAsh.value).plus(pitchHydrogen.value)).div(HUNDRED))
      .minus(HUNDRED.minus(bc).div(HUNDRED).times(paste).times(cokeSulfur.value.plus(cokeAsh.value)).div(HUNDRED))
      .minus(mp.times(skimmedDustCarbon.value));
    return methodResult({
      emissions: [{ gas: 'CO2', amount: carbon.times(44).div(12), category: 'anode' }],
      formula:
        'E_CO2 = (PC×MP − CSM×MP/1000 − BC/100×PC×MP×(S_p+Ash_p+H_p)/100 − (100−BC)/100×PC×MP×(S_c+Ash_c)/100 − MP×CD) × 44/12',
      citation: CITATION,
      terms: [pasteConsumption, production, csm, binderContent, pitchSulfur, pitchAsh, pitchHydrogen, cokeSulfur, cokeAsh, skimmedDustCarbon],
      path: context.path,
    });
  },
});

function binderContentTerm(params: Parameters<MethodDefinition['evaluate']>[0], context: Parameters<MethodDefinition['evaluate']>[1]): Term {
  const given = parameterTerm(params, 'binderContent', '%');
  if (given !== undefined) return given;
  const paste = params['paste'];
  if (paste !== 'dry' && paste !== 'wet') {
    throw new MethodParameterError(
      'give binderContent, or paste: dry | wet to use the IPCC 2006 default (dry paste 24 %, wet paste 27 %)',
      { path: [...context.path, 'binderContent'] },
    );
  }
  return factorTerm(context, 'binderContent', `${SODERBERG}/binder-content/${paste}-paste`, '%', 'default');
}
