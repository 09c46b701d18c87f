import type { Rulebook, RulebookId } from './types.js';

/**
 * The built-in rulebooks, as data. Figures and their sources: standards.md §2.2 and §2.4,
 * formats.md §1, §3, §4 and §5.2; confidence tags as those files give them.
 */
export const RULEBOOKS: Readonly<Record<RulebookId, Rulebook>> = deepFreeze({
  'gb-t-44905-aluminium': {
    id: 'gb-t-44905-aluminium',
    title: 'GB/T 44905-2024 温室气体 产品碳足迹量化方法与要求 电解铝 (carbon footprint of electrolytic aluminium)',
    citation:
      'GB/T 44905-2024 (issued 2024-10-26, effective 2025-05-01), with GB/T 24067-2024: declared unit 1 t 重熔用铝锭 or 原铝液, ' +
      'cradle-to-gate, cut-off 1 % per step and 5 % in total (standards.md §2.4, V-doc)',
    declaredUnit: { kind: 'mass', amount: '1', unit: 't', note: 'declared unit 1 t of remelting ingot (重熔用铝锭) or liquid aluminium (原铝液)' },
    boundary: 'cradle-to-gate',
    requiredSources: { primaryAluminium: ['anode', 'pfc'], listed: [] },
    cutOff: {
      kind: 'limits',
      perStep: '0.01',
      total: '0.05',
      note: 'a step may be left out below 1 %; all left-out steps together at most 5 % (GB/T 44905-2024; standards.md §2.4)',
    },
    allocation: 'hierarchy',
    gwp: {
      severity: 'info',
      note: 'the standard has a GWP table in an annex; which IPCC report it follows is not verified (formats.md §5.2: gap)',
    },
  },
  'cn-ets-aluminium': {
    id: 'cn-ets-aluminium',
    title: '企业温室气体排放核算与报告指南 铝冶炼行业 (CETS—AG—04.01—V01—2024), national carbon market, aluminium smelting',
    citation:
      'MEE 2024 guideline CETS—AG—04.01—V01—2024: electrolysis process and enterprise level; sources fossil fuel combustion, ' +
      'energy used as raw material (anodes), anode effects (PFC), carbonate decomposition; production basis 铝液产量 (standards.md §2.2; ' +
      'formulas and rounding from third-party implementations, V-3p)',
    declaredUnit: { kind: 'mass', amount: '1', unit: 't', note: 'intensities per t of liquid aluminium (铝液产量)' },
    boundary: 'enterprise',
    requiredSources: { primaryAluminium: ['anode', 'pfc'], listed: ['fuel-combustion', 'carbonate', 'electricity'] },
    cutOff: { kind: 'none', note: 'an emissions report accounts every source of the boundary; nothing is cut off' },
    allocation: 'not-applicable',
    gwp: {
      set: 'AR5',
      severity: 'warning',
      note: 'AR5 (CF4 6630, C2F6 11100) as used by a third-party implementation of the guideline (standards.md §2.2, V-3p; not verified in the official text)',
    },
    reportingRounding: {
      places: 2,
      mode: 'HALF_UP',
      note: 'every reported quantity rounded to two decimals (四舍五入保留到小数点后两位), as Chinese reporting templates require (standards.md §2.2, V-3p)',
    },
  },
  'iso-14067': {
    id: 'iso-14067',
    title: 'ISO 14067:2018 Greenhouse gases — Carbon footprint of products',
    citation: 'ISO 14067:2018 6.3.3 (declared unit), 6.3.4 (boundary and cut-off criteria), 6.4.6 (allocation); clause numbers recalled (formats.md §4.1, M)',
    declaredUnit: { kind: 'defined', note: 'the functional or declared unit shall be clearly defined and measurable (ISO 14067 6.3.3)' },
    boundary: 'cradle-to-gate',
    requiredSources: { primaryAluminium: ['anode', 'pfc'], listed: [] },
    cutOff: { kind: 'disclose', note: 'no numeric threshold: cut-off criteria must be defined and their effect assessed (formats.md §4.1)' },
    allocation: 'hierarchy',
    gwp: { set: 'AR6', severity: 'warning', note: 'IPCC GWP100, most recent values: AR6 (formats.md §5.2)' },
  },
  'pact-v3': {
    id: 'pact-v3',
    title: 'PACT Technical Specifications v3.0 (WBCSD Partnership for Carbon Transparency)',
    citation: 'PACT v3.0 data model: declaredUnitOfMeasurement kilogram with amount "1" or "1000" for metals; AR6; exemptedEmissionsPercent (formats.md §1.3, §1.5, §5.2, H)',
    declaredUnit: { kind: 'mass-amounts', amounts: ['1', '1000'], unit: 'kg', note: 'PACT has no tonne: kilogram with amount "1" or "1000" (formats.md §1.5)' },
    boundary: 'cradle-to-gate',
    requiredSources: { primaryAluminium: ['anode', 'pfc'], listed: [] },
    cutOff: { kind: 'disclose', note: 'excluded emissions are reported in exemptedEmissionsPercent and exemptedEmissionsDescription (formats.md §1.3)' },
    allocation: 'hierarchy',
    gwp: { set: 'AR6', severity: 'info', note: 'PACT v3 asks for AR6 ("latest available"); the PACT output is computed with AR6 unless the caller insists (formats.md §5.2)' },
  },
  'cbam-aluminium': {
    id: 'cbam-aluminium',
    title: 'EU CBAM, aluminium goods (Regulation (EU) 2023/956; Implementing Regulations 2023/1773 and 2025/2547)',
    citation:
      'CBAM: specific embedded emissions per t of good, installation boundary, CO2 and PFCs, AR5 GWPs (2025/2547 Annex I §3.17–3.18, ' +
      'Annex II B.7 and point G; formats.md §3, H/M)',
    declaredUnit: { kind: 'mass', amount: '1', unit: 't', note: 'specific embedded emissions are per tonne of good' },
    boundary: 'installation',
    requiredSources: { primaryAluminium: ['anode', 'pfc'], listed: [] },
    cutOff: { kind: 'none', note: 'all direct emissions of the installation are monitored; there is no cut-off' },
    allocation: 'hierarchy',
    gwp: { set: 'AR5', severity: 'info', note: 'AR5 without climate-carbon feedback (CF4 6630, C2F6 11100); cbamEmbeddedEmissions recomputes with AR5 (formats.md §3.4, §5.2)' },
  },
} satisfies Record<RulebookId, Rulebook>);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
