import { InvalidOptionError, PactInputError, UnknownProductError } from '../../core/errors.js';
import { optionsObject } from '../../core/options.js';
import { compareText } from '../../factors/registry.js';
import { Decimal, sum, toDecimal } from '../../decimal/decimal.js';
import { toFixedString, type Rounding } from '../../decimal/rounding.js';
import { builtinFactorRegistry } from '../../factors/datasets/index.js';
import { GWP_SETS } from '../../gases/gwp.js';
import type { GasId, GwpSetId } from '../../gases/types.js';
import { productOf, requireResult, type FootprintResult, type ProductFootprint } from '../../graph/results.js';
import { amountIn, formatQuantity } from '../../quantity/index.js';
import { VERSION } from '../../version.js';
import { DATA_MODEL_EXTENSION_SPEC_VERSION, GAS_DETAIL_EXTENSION_SCHEMA_ID, type GasDetailExtensionData } from './gasDetailExtension.js';
import { pactFootprintId } from './pactFootprintId.js';
import { pactGeography } from './pactGeography.js';
import { parsePactMeta, type ParsedPactMeta, type PactMeta } from './pactMeta.js';
import { factsOfTree, pactAssessmentReport, type PactFacts } from './pactFacts.js';
import type { PrimaryDataSplit } from './primaryDataSplit.js';
import { PACT_V2_CROSS_SECTORAL_STANDARDS, type PactProductFootprintV2 } from './schemaV2.js';
import type { PactProductFootprintV3 } from './schemaV3.js';
import type { FactorLookup } from './secondaryFactorSources.js';
import { assertValidPactFootprint, type PactVersion } from './validatePactFootprint.js';

/** `specVersion` written for each data model version (the patch releases the field tables follow). */
export const PACT_SPEC_VERSIONS: Readonly<Record<PactVersion, string>> = Object.freeze({ '3.0': '3.0.3', '2.3': '2.3.3' });

export interface PactOptions {
  /** Data model version: `'3.0'` (default) or `'2.3'` for legacy partners. */
  readonly version?: PactVersion;
  /**
   * PACT asks for AR6 (formats.md §1.6). A result characterized with another set is refused
   * unless this is true; the set is then declared in `ipccCharacterizationFactors`.
   */
  readonly acceptGwp?: boolean;
  /** Full records of factors by id, for source names and versions (default: the built-in datasets). */
  readonly factorLookup?: FactorLookup;
  /** Rounding of `primaryDataShare` (default 2 places, HALF_EVEN). */
  readonly percentRounding?: Rounding;
}

const DEFAULT_PERCENT_ROUNDING: Rounding = { places: 2, mode: 'HALF_EVEN' };
const BIOGENIC_GASES = new Set<string>(['CO2-biogenic', 'CH4-non-fossil']);
const PFC_GASES = new Set<string>(['CF4', 'C2F6']);

/**
 * A PACT ProductFootprint of one product of a result: v3.0 by default, v2.3 with
 * `{ version: '2.3' }`. Follows formats.md §1: decimals as fixed-point strings, declared unit
 * `kilogram` with amount "1" or "1000" (exact conversion from the result's declared unit), AR6,
 * geography from the model region (one field at most), reference period from the model, primary
 * data share from the explanation, secondary factor sources from the factors used, per-gas detail
 * (PFCs) in a data model extension. Defaults never read the clock: `created` and the validity
 * period start at the end of the reference period. The footprint is checked against smeltprint's
 * own schema and semantic rules before it is returned (PactValidationError otherwise).
 *
 * @example
 * const result = computeFootprints(document, { gwp: 'AR6' });
 * const footprint = toPact(result, 'aluminium-ingot', { companyName: 'Demo Aluminium Co.', companyIds: ['urn:example:company:1'] });
 * footprint.pcf.pcfExcludingBiogenicUptake // kg CO2e per kg, e.g. "15.2…"
 */
export function toPact(result: FootprintResult, flow: string, meta: PactMeta, options?: PactOptions & { readonly version?: '3.0' }): PactProductFootprintV3;
export function toPact(result: FootprintResult, flow: string, meta: PactMeta, options: PactOptions & { readonly version: '2.3' }): PactProductFootprintV2;
export function toPact(result: FootprintResult, flow: string, meta: PactMeta, options?: PactOptions): PactProductFootprintV3 | PactProductFootprintV2;
export function toPact(result: FootprintResult, flow: string, meta: PactMeta, options: PactOptions = {}): PactProductFootprintV3 | PactProductFootprintV2 {
  requireResult(result, 'toPact');
  return pactFootprint(result, flow, meta, optionsObject(options, 'toPact', ['version', 'acceptGwp', 'factorLookup', 'percentRounding']), undefined);
}

/**
 * An RFC 3339 date-time in UTC: as given when it already ends in Z, else the same instant from
 * Date (to the millisecond, all PACT needs).
 *
 * @example
 * utcDateTime('2025-01-01T08:00:00+08:00') // '2025-01-01T00:00:00.000Z'
 */
export function utcDateTime(text: string): string {
  return /z$/i.test(text) ? text : new Date(text).toISOString();
}

/** v2.3's required description of exempted emissions, when the metadata gives none. */
function exemptionDescription(percent: string | undefined): string {
  if (percent === undefined || toDecimal(percent).isZero()) return 'No emissions exempted';
  throw new PactInputError(`meta.exemptedEmissionsPercent is ${percent} %: say what was exempted in meta.exemptedEmissionsDescription`, {
    path: ['meta', 'exemptedEmissionsDescription'],
  });
}

/** toPact, with the facts of the product's explanation from `factsOf` when given (see pactFacts.ts). */
export function pactFootprint(
  result: FootprintResult,
  flow: string,
  meta: PactMeta,
  options: PactOptions,
  factsOf: ((flow: string) => PactFacts) | undefined,
): PactProductFootprintV3 | PactProductFootprintV2 {
  const version = options.version ?? '3.0';
  // Anything but "3.0" took the v2.3 branch ("3" asked for a CPC code, then failed its own schema).
  if (version !== '3.0' && version !== '2.3') throw new InvalidOptionError(`version is "3.0" or "2.3", not ${JSON.stringify(version)}`);
  const m = parsePactMeta(meta);
  if (result.gwp !== 'AR6' && options.acceptGwp !== true) {
    throw new PactInputError(
      `the result is characterized with ${result.gwp}, but PACT asks for AR6 (formats.md §1.6): recompute with pactFromModel(model, …) ` +
        `or computeFootprints(model, { gwp: 'AR6' }), or pass { acceptGwp: true } to declare ${pactAssessmentReport(result.gwp)}`,
    );
  }
  const product = productOf(result, flow);
  if (product === undefined) {
    throw new UnknownProductError(`"${flow}" is not a product of the result (products: ${result.products.map((p) => p.flow).join(', ')})`);
  }
  const declaredUnitAmount = m.declaredUnitAmount ?? '1';
  // v3 states the footprint per declared unit (amount × kg); v2 per one kg (formats.md §1.5).
  const perDeclaredUnit = version === '3.0' ? toDecimal(declaredUnitAmount) : new Decimal(1);
  const scale = kilogramScale(product, perDeclaredUnit);
  const kg = (tonnes: Decimal) => shiftByPowerOfTen(tonnes, scale);

  const gases = gasEntries(product, kg);
  const fossil = sum(gases.filter((g) => g.origin === 'fossil').map((g) => g.co2e));
  if (fossil.isNegative()) {
    throw new PactInputError(
      `fossil GHG emissions of "${flow}" are negative (${toFixedString(fossil)} kg CO2e per declared unit) after substitution credits; PACT requires fossilGhgEmissions ≥ 0`,
    );
  }
  const biogenicNonCO2 = sum(gases.filter((g) => g.gas === 'CH4-non-fossil').map((g) => g.co2e));
  const biogenicCO2 = sum(gases.filter((g) => g.gas === 'CO2-biogenic').map((g) => g.co2e));
  const hasBiogenic = gases.some((g) => BIOGENIC_GASES.has(g.gas) && !g.co2e.isZero());

  const lookup = options.factorLookup ?? defaultLookup();
  const facts = factsOf?.(flow) ?? factsOfTree(result.explain(flow), lookup);
  const split = facts.split;
  const rounding = options.percentRounding ?? DEFAULT_PERCENT_ROUNDING;
  const share = primaryShare(split, facts.value, rounding);
  const sources = facts.sources;
  const assessmentReports = characterizationReports(result.gwp, facts);

  const referencePeriodStart = `${result.period.start}T00:00:00Z`;
  const referencePeriodEnd = `${nextDay(result.period.end)}T00:00:00Z`;
  const extension = {
    specVersion: DATA_MODEL_EXTENSION_SPEC_VERSION,
    dataSchema: m.extensionSchemaUrl ?? GAS_DETAIL_EXTENSION_SCHEMA_ID,
    ...(m.extensionDocumentationUrl === undefined ? {} : { documentation: m.extensionDocumentationUrl }),
    data: extensionData(result.gwp, gases, biogenicCO2, split, scale, share, rounding) as unknown as Record<string, unknown>,
  };

  const common = {
    id: normalizeUuid(m.id ?? pactFootprintId({ modelId: result.model.id, flow, period: result.period, version: m.revision ?? 0, declaredUnitAmount, gwp: result.gwp, ...(result.scope2 === 'location' ? { scope2: 'location' as const } : {}) })),
    specVersion: PACT_SPEC_VERSIONS[version],
    ...(m.precedingPfIds === undefined ? {} : { precedingPfIds: [...new Set(m.precedingPfIds.map(normalizeUuid))] }),
    created: m.created ?? referencePeriodEnd,
    status: m.status ?? ('Active' as const),
    validityPeriodStart: m.validityPeriodStart ?? referencePeriodEnd,
    validityPeriodEnd: m.validityPeriodEnd ?? plusYears(referencePeriodEnd, 3),
    companyName: m.companyName,
    companyIds: [...m.companyIds],
    productDescription: m.productDescription ?? `${flow} made by process "${product.process}" of model "${result.model.name ?? result.model.id}", unpackaged`,
    productIds: m.productIds === undefined ? [defaultProductUrn(result.model.id, flow)] : [...m.productIds],
    ...(m.productClassifications === undefined ? {} : { productClassifications: [...m.productClassifications] }),
    productNameCompany: m.productNameCompany ?? flow,
  };
  const geography = pactGeography(m.geography ?? result.region);
  // Metadata amounts are per declared unit; v2.3 states every figure per kilogram (formats.md §1.5).
  const perFigureUnit = (value: string): string =>
    version === '3.0' || declaredUnitAmount === '1' ? value : toFixedString(toDecimal(value).div(toDecimal(declaredUnitAmount)));
  const landUseChange = toDecimal(perFigureUnit(m.landUseChangeGhgEmissions ?? '0'));
  const uptake = m.biogenicCO2Uptake === undefined ? (hasBiogenic ? undefined : '0') : perFigureUnit(m.biogenicCO2Uptake);
  const pcfExcluding = sum([fossil, landUseChange, biogenicNonCO2]);
  const text = (d: Decimal) => toFixedString(d);
  const boundary = m.boundaryProcessesDescription ?? boundaryDescription(result, product);
  const allocation = m.allocationRulesDescription ?? allocationDescription(facts);
  const comment = m.comment ?? defaultComment(result, biogenicCO2, split, facts.value, scale, m.fossilCarbonContent === undefined);
  const shareText = share === undefined ? undefined : toFixedString(share);

  let footprint: PactProductFootprintV3 | PactProductFootprintV2;
  if (version === '3.0') {
    const v3: PactProductFootprintV3 = {
      ...common,
      comment,
      pcf: {
        declaredUnitOfMeasurement: 'kilogram',
        declaredUnitAmount,
        productMassPerDeclaredUnit: declaredUnitAmount,
        referencePeriodStart,
        referencePeriodEnd,
        ...geography,
        boundaryProcessesDescription: boundary,
        pcfExcludingBiogenicUptake: text(pcfExcluding),
        pcfIncludingBiogenicUptake: text(sum([pcfExcluding, toDecimal(uptake ?? '0')])),
        fossilCarbonContent: m.fossilCarbonContent ?? '0',
        ...(m.biogenicCarbonContent !== undefined ? { biogenicCarbonContent: m.biogenicCarbonContent } : hasBiogenic ? {} : { biogenicCarbonContent: '0' }),
        fossilGhgEmissions: text(fossil),
        landUseChangeGhgEmissions: text(landUseChange),
        ...(uptake === undefined ? {} : { biogenicCO2Uptake: uptake }),
        biogenicNonCO2Emissions: text(biogenicNonCO2),
        packagingEmissionsIncluded: false,
        ccsTechnologicalCO2CaptureIncluded: false,
        ipccCharacterizationFactors: assessmentReports,
        crossSectoralStandards: [...(m.crossSectoralStandards ?? ['ISO14067'])],
        ...(m.productOrSectorSpecificRules === undefined ? {} : { productOrSectorSpecificRules: m.productOrSectorSpecificRules.map((r) => ({ ...r, ruleNames: [...r.ruleNames] })) }),
        exemptedEmissionsPercent: m.exemptedEmissionsPercent ?? '0',
        ...(m.exemptedEmissionsDescription === undefined ? {} : { exemptedEmissionsDescription: m.exemptedEmissionsDescription }),
        allocationRulesDescription: allocation,
        ...(sources.length === 0 ? {} : { secondaryEmissionFactorSources: sources.map((s) => ({ ...s })) }),
        ...(shareText === undefined ? {} : { primaryDataShare: shareText }),
        ...(m.dqi === undefined ? {} : { dqi: { technologicalDQR: m.dqi.technologicalDQR, geographicalDQR: m.dqi.geographicalDQR, temporalDQR: m.dqi.temporalDQR } }),
      },
      extensions: [extension],
    };
    footprint = v3;
  } else {
    const v2: PactProductFootprintV2 = {
      ...common,
      // v2 date-times MUST be UTC (formats.md §1.3); v3 takes any RFC 3339 offset as given.
      created: utcDateTime(common.created),
      validityPeriodStart: utcDateTime(common.validityPeriodStart),
      validityPeriodEnd: utcDateTime(common.validityPeriodEnd),
      version: m.revision ?? 0,
      ...(m.updated === undefined ? {} : { updated: utcDateTime(m.updated) }),
      ...(m.statusComment === undefined ? {} : { statusComment: m.statusComment }),
      productCategoryCpc: requireCpc(m),
      comment,
      pcf: {
        declaredUnit: 'kilogram',
        unitaryProductAmount: declaredUnitAmount,
        productMassPerDeclaredUnit: '1',
        referencePeriodStart,
        referencePeriodEnd,
        ...geography,
        boundaryProcessesDescription: boundary,
        // v2 "excluding biogenic CO2": fossil, land use change and biogenic non-CO2 gases.
        pCfExcludingBiogenic: text(pcfExcluding),
        ...(uptake === undefined ? {} : { pCfIncludingBiogenic: text(sum([pcfExcluding, biogenicCO2, toDecimal(uptake)])) }),
        fossilGhgEmissions: text(fossil),
        fossilCarbonContent: perFigureUnit(m.fossilCarbonContent ?? '0'),
        biogenicCarbonContent:
          m.biogenicCarbonContent === undefined
            ? hasBiogenic
              ? missing('biogenicCarbonContent', 'biogenic gases occur, so PACT v2.3 needs the biogenic carbon content')
              : '0'
            : perFigureUnit(m.biogenicCarbonContent),
        dLucGhgEmissions: text(landUseChange),
        landManagementGhgEmissions: '0',
        otherBiogenicGhgEmissions: text(biogenicNonCO2),
        ...(uptake === undefined ? {} : { biogenicCarbonWithdrawal: uptake }),
        packagingEmissionsIncluded: false,
        characterizationFactors: v2CharacterizationFactors(result.gwp),
        ipccCharacterizationFactorsSources: assessmentReports,
        ...v2Standards(m.crossSectoralStandards ?? ['ISO14067']),
        ...(m.productOrSectorSpecificRules === undefined ? {} : { productOrSectorSpecificRules: m.productOrSectorSpecificRules.map((r) => ({ ...r, ruleNames: [...r.ruleNames] })) }),
        biogenicAccountingMethodology: m.biogenicAccountingMethodology ?? 'ISO',
        exemptedEmissionsPercent: Number(m.exemptedEmissionsPercent ?? '0'),
        exemptedEmissionsDescription: m.exemptedEmissionsDescription ?? exemptionDescription(m.exemptedEmissionsPercent),
        allocationRulesDescription: allocation,
        ...(sources.length === 0 ? {} : { secondaryEmissionFactorSources: sources.map((s) => ({ ...s })) }),
        ...(shareText === undefined ? {} : { primaryDataShare: Number(shareText) }),
        ...(m.dqi === undefined ? {} : { dqi: v2Dqi(m.dqi) }),
      },
      extensions: [extension],
    };
    footprint = v2;
  }
  assertValidPactFootprint(footprint, version);
  return deepFreeze(footprint);
}

interface GasEntry {
  readonly gas: string;
  readonly mass: Decimal;
  readonly co2e: Decimal;
  readonly origin: 'fossil' | 'biogenic';
}

function gasEntries(product: ProductFootprint, kg: (t: Decimal) => Decimal): GasEntry[] {
  return Object.keys(product.byGas)
    .sort()
    .map((gas) => {
      const amount = product.byGas[gas]!;
      return { gas, mass: kg(amount.mass), co2e: kg(amount.co2e), origin: BIOGENIC_GASES.has(gas) ? ('biogenic' as const) : ('fossil' as const) };
    })
    .filter((entry) => !(entry.mass.isZero() && entry.co2e.isZero()));
}

/**
 * kg CO2e per declared unit = t CO2e per result declared unit × 1000 kg/t × (declared kg ÷ result
 * declared kg). Only a power of ten keeps every digit, so other declared units are refused.
 */
function kilogramScale(product: ProductFootprint, perDeclaredUnit: Decimal): Decimal {
  let resultKg: Decimal;
  try {
    resultKg = amountIn(product.declaredUnit, 'kg');
  } catch {
    throw new PactInputError(`"${product.flow}" is declared per ${formatQuantity(product.declaredUnit)}, not a mass; smeltprint writes PACT footprints of products measured in mass only`);
  }
  const scale = new Decimal(1000).times(perDeclaredUnit).div(resultKg);
  if (!/^(?:10*|0\.0*1)$/.test(scale.toFixed()) || !scale.times(resultKg).eq(new Decimal(1000).times(perDeclaredUnit))) {
    throw new PactInputError(
      `"${product.flow}" is computed per ${formatQuantity(product.declaredUnit)}, which does not convert to kg by a power of ten; compute with { per: '1 kg' } (pactFromModel does)`,
    );
  }
  return scale;
}

/**
 * value × scale for a power of ten, keeping every digit: `times` would round to 34 significant
 * digits, but breakdowns summed exactly can carry more, and PACT's sum rule must hold to the digit.
 */
function shiftByPowerOfTen(value: Decimal, scale: Decimal): Decimal {
  const text = scale.toFixed();
  const exponent = text.startsWith('0.') ? -(text.length - 2) : text.length - 1;
  // The constructor does not round (decimal.js applies precision to operations only).
  return new Decimal(`${value.toFixed()}e${exponent}`);
}

function primaryShare(split: PrimaryDataSplit, total: Decimal, rounding: Rounding): Decimal | undefined {
  if (!total.isPositive() || total.isZero()) return undefined;
  const share = split.primary.div(total).times(100);
  // Rounded once, then written without trailing zeros ("100", "30.36").
  const rounded = new Decimal(toFixedString(share, rounding));
  return rounded.isNegative() || rounded.gt(100) ? undefined : rounded;
}


/** The run's set first, then the sets of already-characterized (CO2e) factors used, if others. */
function characterizationReports(gwp: GwpSetId, facts: PactFacts): string[] {
  const main = pactAssessmentReport(gwp);
  return [main, ...[...facts.reports].filter((report) => report !== main).sort()];
}

function v2CharacterizationFactors(gwp: GwpSetId): 'AR5' | 'AR6' {
  const report = pactAssessmentReport(gwp);
  if (report === 'AR5' || report === 'AR6') return report;
  throw new PactInputError(`PACT v2.3 characterizationFactors allows AR5 or AR6 only; the result uses ${gwp}`);
}

const V2_STANDARDS_USED: Readonly<Record<string, 'GHG Protocol Product standard' | 'ISO Standard 14067' | 'ISO Standard 14044'>> = {
  ISO14067: 'ISO Standard 14067',
  'GHGP-Product': 'GHG Protocol Product standard',
  'ISO14040-44': 'ISO Standard 14044',
};

/** v2.3 needs the new list and the deprecated `crossSectoralStandardsUsed` (formats.md §1.4). */
function v2Standards(standards: readonly string[]) {
  const known = new Set<string>(PACT_V2_CROSS_SECTORAL_STANDARDS);
  standards.forEach((s, index) => {
    if (!known.has(s)) throw new PactInputError(`"${s}" is not a PACT v2.3 cross-sectoral standard (${[...known].join(', ')})`, { path: ['meta', 'crossSectoralStandards', index] });
  });
  const used = [...new Set(standards.map((s) => V2_STANDARDS_USED[s]).filter((s) => s !== undefined))];
  if (used.length === 0) {
    throw new PactInputError('PACT v2.3 needs at least one of ISO14067, GHGP-Product, ISO14040-44 for the deprecated crossSectoralStandardsUsed', { path: ['meta', 'crossSectoralStandards'] });
  }
  return { crossSectoralStandardsUsed: used, crossSectoralStandards: [...standards] as (typeof PACT_V2_CROSS_SECTORAL_STANDARDS)[number][] };
}

function v2Dqi(dqi: NonNullable<ParsedPactMeta['dqi']>) {
  const field = (key: 'coveragePercent' | 'completenessDQR' | 'reliabilityDQR') => {
    const value = dqi[key];
    if (value === undefined) throw new PactInputError('PACT v2.3 data quality indicators need coveragePercent, completenessDQR and reliabilityDQR too', { path: ['meta', 'dqi', key] });
    return Number(value);
  };
  return {
    coveragePercent: field('coveragePercent'),
    technologicalDQR: Number(dqi.technologicalDQR),
    temporalDQR: Number(dqi.temporalDQR),
    geographicalDQR: Number(dqi.geographicalDQR),
    completenessDQR: field('completenessDQR'),
    reliabilityDQR: field('reliabilityDQR'),
  };
}

function requireCpc(m: ParsedPactMeta): string {
  return m.productCategoryCpc ?? missing('productCategoryCpc', 'PACT v2.3 requires the UN CPC code of the product');
}

function missing(field: string, why: string): never {
  throw new PactInputError(why, { path: ['meta', field] });
}

function extensionData(
  gwp: GwpSetId,
  gases: readonly GasEntry[],
  biogenicCO2: Decimal,
  split: PrimaryDataSplit,
  scale: Decimal,
  share: Decimal | undefined,
  rounding: Rounding,
): GasDetailExtensionData {
  const set = GWP_SETS[gwp];
  return {
    gwpSet: gwp,
    gwpSource: `${set.source.report}, ${set.source.table}`,
    gases: gases.map((g) => {
      const gwp100 = g.gas === 'CO2e' ? undefined : set.values[g.gas as GasId];
      return {
        gas: g.gas,
        group: gasGroup(g.gas),
        origin: g.origin,
        ...(g.gas === 'CO2e' ? {} : { massKg: toFixedString(g.mass) }),
        ...(gwp100 === undefined ? {} : { gwp100: toFixedString(gwp100) }),
        co2eKg: toFixedString(g.co2e),
        inPcf: g.gas !== 'CO2-biogenic',
      };
    }),
    pfcCo2eKg: toFixedString(sum(gases.filter((g) => PFC_GASES.has(g.gas)).map((g) => g.co2e))),
    biogenicCO2EmissionsKg: toFixedString(biogenicCO2),
    primaryData: {
      primaryCo2eKg: toFixedString(split.primary.times(scale)),
      secondaryCo2eKg: toFixedString(split.secondary.times(scale)),
      unclassifiedCo2eKg: toFixedString(split.unclassified.times(scale)),
      ...(share === undefined ? {} : { sharePercent: toFixedString(share) }),
      rounding: `${rounding.places} places ${rounding.mode}`,
    },
    producedBy: { tool: 'smeltprint', version: VERSION },
  };
}

function gasGroup(gas: string): GasDetailExtensionData['gases'][number]['group'] {
  if (gas === 'CO2' || gas === 'CO2-biogenic') return 'CO2';
  if (gas === 'CH4' || gas === 'CH4-non-fossil') return 'CH4';
  if (PFC_GASES.has(gas)) return 'PFC';
  if (gas === 'N2O' || gas === 'SF6' || gas === 'NF3') return gas;
  return 'CO2e';
}

function boundaryDescription(result: FootprintResult, product: ProductFootprint): string {
  const processes = product.byProcess === undefined ? [] : Object.keys(product.byProcess).filter((p) => p !== '').sort();
  const list = processes.length === 0 ? '' : ` Processes of the model in the boundary: ${processes.join(', ')}.`;
  return (
    `Cradle-to-gate footprint of ${product.flow}, unpackaged, from model "${result.model.id}".${list} ` +
    'Inputs not made in the model are priced with cradle-to-gate or combustion emission factors; recycled inputs enter burden-free (cut-off); waste outputs carry no burden unless treated in the model.'
  );
}

/**
 * Most allocation shares `allocationRulesDescription` lists one by one. A footprint at the end of
 * a long chain has every co-product upstream in its boundary (a 10,000-process model: 35 kB of
 * shares in the median footprint, 384 of the 441 MB of all its footprints); past this many the
 * description counts them by method and lists the first, and the audit trail has every one.
 */
export const LISTED_ALLOCATIONS = 10;

function allocationDescription(facts: PactFacts): string {
  // Sorted: the explanation meets allocations in document order, and reordering the processes
  // of a model must not change the footprint's text.
  const notes = [...facts.notes].sort(compareText);
  const parts =
    notes.length === 0
      ? ['No allocation: every process in the boundary makes one product that carries burden.']
      : notes.length <= LISTED_ALLOCATIONS
        ? [`Allocation: ${notes.join('; ')}.`]
        : [
            `Allocation: ${notes.length} products in the boundary carry an allocation share (${countByMethod(notes)}); the first ${LISTED_ALLOCATIONS}: ${notes.slice(0, LISTED_ALLOCATIONS).join('; ')}; ` +
              'every share is in the audit trail (smeltprint footprint --format audit).',
          ];
  if (facts.substitution) parts.push('Co-products with substitutes are credited with the production they avoid (system expansion).');
  return parts.join(' ');
}

/** "mass 930, economic 4": how many allocation notes name each method, most first. */
function countByMethod(notes: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const note of notes) {
    const method = /\(([^()]+)\)$/.exec(note)?.[1] ?? 'allocation';
    counts.set(method, (counts.get(method) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([method, count]) => `${method} ${count}`)
    .join(', ');
}

/** Below this share of the total, an unclassified remainder is the last digits of 34-digit products. */
const ROUNDING_NOISE = new Decimal('1e-20');

function defaultComment(result: FootprintResult, biogenicCO2: Decimal, split: PrimaryDataSplit, total: Decimal, scale: Decimal, carbonContentAssumed: boolean): string {
  const parts = [
    `Computed by smeltprint ${VERSION} from model "${result.model.id}" with exact decimal arithmetic (34 significant digits, ROUND_HALF_EVEN); values are unrounded.`,
    'Per-gas detail, PFCs (CF4, C2F6) separately, is in the smeltprint gas-detail extension.',
  ];
  if (!biogenicCO2.isZero()) parts.push(`Biogenic CO2 emissions (${toFixedString(biogenicCO2)} kg per declared unit) are kept out of the pcf and reported in the extension.`);
  if (split.unclassified.abs().gt(total.abs().times(ROUNDING_NOISE))) {
    parts.push(`${toFixedString(split.unclassified.times(scale))} kg CO2e per declared unit could not be traced to primary or secondary data and counts as secondary in primaryDataShare.`);
  }
  // A receiver sees neither the model's warnings nor its factor records: what the figures rest on
  // that is not verified, and what was assumed for a field the model cannot know, is said here.
  for (const warning of result.warnings) if (warning.code === 'unverified_factor') parts.push(`In the model: ${warning.message}.`);
  if (carbonContentAssumed) parts.push('fossilCarbonContent is 0 as no value was given (a metal carries no carbon); give it in the metadata for a product that does.');
  return parts.join(' ');
}

function defaultLookup(): FactorLookup {
  let registry: ReturnType<typeof builtinFactorRegistry> | undefined;
  return (id) => {
    registry ??= builtinFactorRegistry();
    return registry.get(id);
  };
}

function defaultProductUrn(modelId: string, flow: string): string {
  return `urn:smeltprint:product:${encodeURIComponent(modelId)}:${encodeURIComponent(flow)}`;
}

function normalizeUuid(id: string): string {
  return id.replace(/^urn:uuid:/i, '').toLowerCase();
}

/** The day after an ISO date, in UTC: the model's inclusive end becomes PACT's exclusive end. */
function nextDay(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

function plusYears(dateTime: string, years: number): string {
  const date = new Date(Date.parse(dateTime));
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString().replace('.000Z', 'Z');
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

