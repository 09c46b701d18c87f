import { CbamBoundaryError, CbamGoodError, CbamPrecursorError, InternalError, InvalidOptionError, ModelValidationError, UnknownProductError } from '../../core/errors.js';
import { optionsObject } from '../../core/options.js';
import { issuesFromZod } from '../../factors/issuesFromZod.js';
import { formatPath, isIssue, type Issue } from '../../core/issues.js';
import { decodeKey } from '../../graph/keys.js';
import { cbamOptionsFileSchema } from './optionsSchema.js';
import { Decimal, ZERO, sum, toDecimal } from '../../decimal/decimal.js';
import { computeFootprints, computeInput, defaultComputeContext, systemOf } from '../../compute/computeFootprints.js';
import { GWP_SETS } from '../../gases/gwp.js';
import type { System } from '../../graph/system.js';
import type { Model } from '../../model/types.js';
import { convertFactor, isConvertible, parseUnit } from '../../units/index.js';
import { solveBoundary, type BoundaryFigures, type BoundarySolution } from './boundaryFigures.js';
import { cbamCategoryOfCn, cbamPeriodRules, type CbamPeriodRules } from './regulation.js';
import { metalOfFlow } from '../keyproduct/inferMetal.js';
import type {
  CbamElectricityFactor,
  CbamGasAmount,
  CbamGood,
  CbamGoodSpec,
  CbamOptions,
  CbamPrecursor,
  CbamPrecursorSpec,
  CbamReport,
  CbamRoute,
} from './types.js';

/** CBAM fixes AR5 GWP100 without climate-carbon feedback (2025/2547 Annex II point G Table 6; formats.md §3.4, §5.2). */
const CBAM_GWP = 'AR5' as const;
const HUNDRED = new Decimal(100);
const ONE_PERCENT = new Decimal(1);

/**
 * Specific embedded emissions (SEE) of aluminium goods for the CBAM operator communication,
 * computed from the model's own graph with an installation boundary: the model is recomputed with
 * AR5 GWPs, and only CO2 and PFCs (CF4, C2F6) emitted by the installation's processes count as
 * direct emissions; electricity consumed inside the boundary × its factor is the indirect part
 * (reported in the transitional period only — aluminium is an Annex II good of Regulation (EU)
 * 2023/956). Precursors enter as m_i × SEE_i (2025/2547 Annex III Eq. 59–63), scrap with zero
 * embedded emissions (Annex II point F) — scrap taken in, and scrap or by-products an installation
 * process sends out (not goods, taken in by no process): those take no allocation share, which
 * goes to the process's other products, and a note says so. Never a relabelled product carbon footprint
 * (formats.md §3.9).
 *
 * @example
 * const report = cbamEmbeddedEmissions(model, {
 *   period: 'transitional-2023/1773',
 *   installation: ['anode-plant', 'electrolysis', 'casthouse'],
 *   goods: [{ flow: 'aluminium-ingot', cn: '7601 10 00' }],
 * });
 * report.goods[0].see.direct.toFixed(); // t CO2e per t of ingot
 */
export function cbamEmbeddedEmissions(input: Model | unknown, given: CbamOptions): CbamReport {
  const rules = cbamPeriodRules((given as Partial<CbamOptions> | undefined | null)?.period);
  const options = checkedOptions(given);
  const context = defaultComputeContext(options);
  const model = computeInput(input, context);
  const installation = boundaryOf(model, options.installation, 'installation');

  const result = computeFootprints(model, { gwp: CBAM_GWP, byProcess: false, ...context, ...(options.activityPeriods === undefined ? {} : { activityPeriods: options.activityPeriods }) });
  const system = systemOf(result);
  if (system === undefined) throw new InternalError('the computed result carries no system');
  // Before any solve: a misspelt good is the user's slip, not a property of the installation.
  for (const spec of options.goods) productIndexOf(system, spec.flow);
  const precursorSpecs = new Map((options.precursors ?? []).map((p) => [p.flow, p]));
  const precursorFlows = new Set(precursorSpecs.keys());
  const reportNotes = new Set<string>();
  // Products that carry embedded emissions: the goods, and precursors where they are made.
  const goodFlows = new Set([...options.goods.map((g) => g.flow), ...precursorFlows]);

  const solutions = new Map<string, BoundarySolution>();
  const solutionFor = (boundary: ReadonlySet<string>): BoundarySolution => {
    const id = [...boundary].sort().join('\u0000');
    let solution = solutions.get(id);
    if (solution === undefined) {
      solution = solveBoundary(model, system, { installation: boundary, precursorFlows, goodFlows });
      solutions.set(id, solution);
      for (const note of solution.notes) reportNotes.add(note);
    }
    return solution;
  };

  const see = precursorSee(model, system, rules, precursorSpecs, installation, solutionFor);
  for (const spec of precursorSpecs.values()) {
    const usedInside = model.processes.some((p) => installation.has(p.id) && p.inputs.some((i) => i.flow === spec.flow && i.recycled === undefined));
    if (!usedInside) throw new CbamPrecursorError(`precursor "${spec.flow}" is not an input of any process of the installation`);
  }

  for (const note of undeclaredAluminium(model, installation, precursorFlows)) reportNotes.add(note);

  const goods = options.goods.map((spec) => goodFigures(system, rules, spec, installation, solutionFor(installation), see));
  if (options.installation === undefined) {
    // CBAM's boundary is the installation that makes the goods: no bauxite mining, no alumina
    // refining (alumina is not a precursor of aluminium; formats.md §3.3, §3.9). Taking the whole
    // model is a default, not a judgement, so say what it includes.
    const refining = model.processes.filter((p) => p.outputs.some((o) => /alumina|氧化铝/i.test(o.flow))).map((p) => p.id);
    reportNotes.add(
      `no installation boundary was given: all ${model.processes.length} processes of the model are taken as the installation` +
        (refining.length > 0 ? `, including alumina refining (${refining.join(', ')}), which CBAM embedded emissions exclude` : '') +
        '; name the installation\'s processes (option installation, CLI --installation) to report CBAM figures',
    );
  }
  for (const warning of result.warnings) {
    if (warning.code === 'gwp_basis_mixed' && countsForCbam(warning, system, installation)) reportNotes.add(`${warning.message} (CBAM requires AR5)`);
    // The verifier of a CBAM report sees the factor ids but not their confidence tags.
    if (warning.code === 'unverified_factor') reportNotes.add(`In the model: ${warning.message}`);
  }

  // The verifier reads the communication, not the run's stderr: what the ledgers lack goes with it.
  for (const warning of options.activityWarnings ?? []) reportNotes.add(`From the activity data: ${warning.message}`);

  const outside = model.processes.map((p) => p.id).filter((id) => !installation.has(id)).sort();
  return deepFreeze({
    period: rules.period,
    regulation: {
      act: rules.act,
      indirectReported: rules.indirectReported,
      gwp: CBAM_GWP,
      gwpValues: { CO2: GWP_SETS.AR5.values.CO2!, CF4: GWP_SETS.AR5.values.CF4!, C2F6: GWP_SETS.AR5.values.C2F6! },
      basis: rules.basis,
    },
    installation: {
      name: options.installationName ?? model.name ?? model.id,
      processes: [...installation].sort(),
      outside,
    },
    model: { id: model.id, ...(model.name === undefined ? {} : { name: model.name }) },
    reportingPeriod: model.period,
    ...(model.region === undefined ? {} : { region: model.region }),
    goods,
    notes: [...reportNotes].sort(),
  });
}

// Aluminium-named flows that are not unwrought or product aluminium: scrap (zero embedded
// emissions), dross and skimmings, aluminium fluoride (a bath chemical).
const NOT_A_GOOD = /scrap|dross|skim|fluorid|废|渣|氟/i;

/**
 * Inputs from outside the installation that look like aluminium metal but are not declared as
 * precursors: CBAM counts purchased unwrought aluminium as one (formats.md §3.3), and such an
 * input left undeclared adds nothing to the SEE. Said, not guessed: its SEE must come from the supplier.
 */
function undeclaredAluminium(model: Model, installation: ReadonlySet<string>, precursorFlows: ReadonlySet<string>): string[] {
  const notes: string[] = [];
  for (const process of model.processes) {
    if (!installation.has(process.id)) continue;
    for (const input of process.inputs) {
      if (input.recycled !== undefined || precursorFlows.has(input.flow) || (input.from !== undefined && installation.has(input.from))) continue;
      if (metalOfFlow(input.flow) !== 'aluminium' || NOT_A_GOOD.test(input.flow)) continue;
      notes.push(
        `${process.id}: input "${input.flow}" looks like aluminium metal from outside the installation; CBAM counts purchased unwrought aluminium as a precursor (formats.md §3.3), and undeclared it adds nothing to the SEE: declare it as a precursor with its supplier's SEE (option precursors, CLI --cbam-options)`,
      );
    }
  }
  return notes;
}

type SeeOf = (flow: string) => {
  readonly direct: Decimal;
  readonly indirect: Decimal;
  readonly origin: 'own' | 'purchased';
  readonly source: string;
  readonly cn?: string;
};

/** SEE of each precursor: communicated by the supplier, or computed from the model (recursively). */
function precursorSee(
  model: Model,
  system: System,
  rules: CbamPeriodRules,
  specs: ReadonlyMap<string, CbamPrecursorSpec>,
  installation: ReadonlySet<string>,
  solutionFor: (boundary: ReadonlySet<string>) => BoundarySolution,
): SeeOf {
  const cache = new Map<string, ReturnType<SeeOf>>();
  const active = new Set<string>();
  const seeOf: SeeOf = (flow) => {
    const cached = cache.get(flow);
    if (cached !== undefined) return cached;
    const spec = specs.get(flow)!;
    let value: ReturnType<SeeOf>;
    if (spec.see !== undefined) {
      value = {
        direct: toDecimal(spec.see.direct, ['precursors', flow, 'see', 'direct']),
        indirect: spec.see.indirect === undefined ? ZERO : toDecimal(spec.see.indirect, ['precursors', flow, 'see', 'indirect']),
        origin: system.productByFlow.has(flow) ? 'own' : 'purchased',
        source: spec.source ?? 'communicated specific embedded emissions',
        ...(spec.cn === undefined ? {} : { cn: spec.cn }),
      };
      if (rules.indirectReported && spec.see.indirect === undefined) {
        throw new CbamPrecursorError(`precursor "${flow}": the transitional period reports indirect emissions too; give see.indirect`);
      }
    } else {
      const index = system.productByFlow.get(flow);
      if (index === undefined) {
        throw new CbamPrecursorError(
          `precursor "${flow}" is purchased (no process of the model makes it): give its specific embedded emissions (see.direct` +
            `${rules.indirectReported ? ', see.indirect' : ''}) from the supplier's communication`,
        );
      }
      const boundary = spec.installation === undefined ? installation : boundaryOf(model, spec.installation, `precursors "${flow}" installation`);
      const maker = system.processes[system.products[index]!.process]!.id;
      if (!boundary.has(maker)) {
        throw new CbamPrecursorError(
          `precursor "${flow}" is made by process "${maker}", outside the boundary it is computed with; give its installation or its communicated SEE`,
        );
      }
      if (active.has(flow)) throw new CbamPrecursorError(`precursor "${flow}" is (indirectly) a precursor of itself`);
      active.add(flow);
      const figures = perTonne(system, index, solutionFor(boundary).figuresOf(index));
      const own = seeFrom(figures, seeOf);
      active.delete(flow);
      value = {
        direct: own.direct,
        indirect: own.indirect,
        origin: 'own',
        source: `calculated from the model: installation processes ${[...boundary].sort().join(', ')}`,
        ...(spec.cn === undefined ? {} : { cn: spec.cn }),
      };
    }
    cache.set(flow, value);
    return value;
  };
  return seeOf;
}

/** ae + Σ m_i × SEE_i for the direct and indirect parts (2025/2547 Annex III Eq. 61–63). */
function seeFrom(figures: BoundaryFigures, seeOf: SeeOf): { direct: Decimal; indirect: Decimal } {
  const direct = [sum(figures.direct.map((d) => d.co2e))];
  const indirect = [figures.indirect];
  for (const [flow, mass] of figures.precursors) {
    const see = seeOf(flow);
    direct.push(mass.times(see.direct));
    indirect.push(mass.times(see.indirect));
  }
  return { direct: sum(direct), indirect: sum(indirect) };
}

function productIndexOf(system: System, flow: string): number {
  const index = system.productByFlow.get(flow);
  if (index === undefined) {
    const known = [...system.productByFlow.keys()].sort().join(', ');
    throw new UnknownProductError(`good "${flow}" is not a product of the model (products: ${known})`);
  }
  return index;
}

function goodFigures(
  system: System,
  rules: CbamPeriodRules,
  spec: CbamGoodSpec,
  installation: ReadonlySet<string>,
  solution: BoundarySolution,
  seeOf: SeeOf,
): CbamGood {
  const category = cbamCategoryOfCn(spec.cn);
  const index = productIndexOf(system, spec.flow);
  const product = system.products[index]!;
  const maker = system.processes[product.process]!.id;
  if (!installation.has(maker)) {
    throw new CbamGoodError(`good "${spec.flow}" is made by process "${maker}", which is outside the installation boundary`);
  }
  const tonne = parseUnit('t');
  if (!isConvertible(product.unit, tonne)) {
    throw new CbamGoodError(`good "${spec.flow}" is measured in ${product.unit.symbol}; CBAM embedded emissions are per tonne of good`);
  }
  const figures = perTonne(system, index, solution.figuresOf(index));
  const notes: string[] = [];

  const byGas: Record<string, CbamGasAmount> = {};
  for (const gas of [...new Set(figures.direct.map((d) => d.gas))].sort()) {
    const cells = figures.direct.filter((d) => d.gas === gas);
    byGas[gas] = { mass: sum(cells.map((c) => c.mass)), co2e: sum(cells.map((c) => c.co2e)) };
  }
  if ('CO2e' in byGas) notes.push('direct emissions include factors already characterized as CO2e; their gas split is not known');
  if (figures.direct.some((d) => d.category === 'heat')) notes.push('direct emissions include imported measurable heat (2025/2547 Annex III attribution)');
  const attributedDirect = sum(figures.direct.map((d) => d.co2e));

  const precursors: CbamPrecursor[] = [...figures.precursors].map(([flow, mass]) => {
    const see = seeOf(flow);
    return {
      flow,
      ...(see.cn === undefined ? {} : { cn: see.cn }),
      origin: see.origin,
      mass,
      see: { direct: see.direct, ...(rules.indirectReported ? { indirect: see.indirect } : {}) },
      embedded: { direct: mass.times(see.direct), ...(rules.indirectReported ? { indirect: mass.times(see.indirect) } : {}) },
      source: see.source,
    };
  });
  const total = seeFrom(figures, seeOf);
  const activityLevel = product.amount.times(convertFactor(product.unit, tonne));

  const preConsumer = figures.scrap.get('pre-consumer') ?? ZERO;
  const scrapTotal = sum(figures.scrap.values());
  if ((figures.scrap.get('unspecified') ?? ZERO).gt(0)) notes.push('some scrap is not marked pre- or post-consumer; it is not counted as pre-consumer');

  const route = routeOf(spec, category, figures, scrapTotal);
  const otherElements = spec.otherElementsPercent === undefined ? undefined : toDecimal(spec.otherElementsPercent, ['goods', spec.flow, 'otherElementsPercent']);
  if (otherElements !== undefined && (otherElements.isNegative() || otherElements.gt(HUNDRED))) {
    throw new CbamGoodError(`good "${spec.flow}": otherElementsPercent ${otherElements.toFixed()} is not a percentage between 0 and 100`);
  }

  const electricityFactors: CbamElectricityFactor[] = [...figures.electricity.keys()].sort().map((id) => {
    const reference = solution.factors.get(id)!;
    return { id, value: reference.value, unit: reference.unit, source: reference.source };
  });
  const seeDirect = total.direct;
  const seeIndirect = rules.indirectReported ? total.indirect : undefined;
  const seeTotal = seeIndirect === undefined ? seeDirect : seeDirect.plus(seeIndirect);
  const excludedGases: Record<string, Decimal> = {};
  for (const [gas, mass] of [...figures.excluded].sort(([a], [b]) => (a < b ? -1 : 1))) excludedGases[gas] = mass;

  return {
    flow: spec.flow,
    cn: spec.cn,
    category,
    route: route.route,
    routeBasis: route.basis,
    activityLevel,
    attributed: {
      direct: attributedDirect,
      ...(rules.indirectReported ? { indirect: figures.indirect } : {}),
      byGas,
    },
    ...(rules.indirectReported
      ? {
          electricity: {
            consumption: sum([...figures.electricity.values()].map((e) => e.consumption)),
            emissions: sum([...figures.electricity.values()].map((e) => e.emissions)),
            factors: electricityFactors,
          },
        }
      : {}),
    precursors,
    see: { direct: seeDirect, ...(seeIndirect === undefined ? {} : { indirect: seeIndirect }), total: seeTotal },
    embedded: {
      direct: seeDirect.times(activityLevel),
      ...(seeIndirect === undefined ? {} : { indirect: seeIndirect.times(activityLevel) }),
      total: seeTotal.times(activityLevel),
    },
    scrap: {
      total: scrapTotal,
      preConsumer,
      ...(scrapTotal.isZero() ? {} : { preConsumerPercent: preConsumer.div(scrapTotal).times(HUNDRED) }),
    },
    ...(otherElements !== undefined && otherElements.gt(ONE_PERCENT) ? { otherElementsPercent: otherElements } : {}),
    excludedGases,
    notes,
  };
}

/**
 * The route as declared, or inferred: anode CO2 or PFCs in the good's chain mean electrolysis
 * (primary smelting); otherwise scrap input means secondary melting. Inferred routes are marked.
 */
function routeOf(
  spec: CbamGoodSpec,
  category: CbamGood['category'],
  figures: BoundaryFigures,
  scrapTotal: Decimal,
): { route: CbamRoute; basis: 'declared' | 'inferred' } {
  if (category === 'aluminium-products') {
    if (spec.route !== undefined && spec.route !== 'aluminium-products') {
      throw new CbamGoodError(`good "${spec.flow}" (CN ${spec.cn}) is an aluminium product; route "${spec.route}" belongs to unwrought aluminium`);
    }
    return { route: 'aluminium-products', basis: spec.route === undefined ? 'inferred' : 'declared' };
  }
  if (spec.route !== undefined) {
    if (spec.route === 'aluminium-products') throw new CbamGoodError(`good "${spec.flow}" (CN ${spec.cn}) is unwrought aluminium; give route primary-smelting or secondary-melting`);
    return { route: spec.route, basis: 'declared' };
  }
  const electrolysis = figures.direct.some((d) => (d.category === 'anode' || d.category === 'pfc') && !d.mass.isZero());
  if (electrolysis) return { route: 'primary-smelting', basis: 'inferred' };
  if (scrapTotal.gt(0)) return { route: 'secondary-melting', basis: 'inferred' };
  throw new CbamGoodError(`cannot tell the production route of "${spec.flow}" (no anode or PFC emissions, no scrap): give route`);
}

/** Figures of a product per tonne of it. */
function perTonne(system: System, index: number, figures: BoundaryFigures): BoundaryFigures {
  const product = system.products[index]!;
  const tonne = parseUnit('t');
  if (!isConvertible(product.unit, tonne)) {
    throw new CbamGoodError(`"${product.flow}" is measured in ${product.unit.symbol}; CBAM figures are per tonne`);
  }
  const k = convertFactor(tonne, product.unit);
  const scaleMap = (map: ReadonlyMap<string, Decimal>) => new Map([...map].map(([key, value]) => [key, value.times(k)] as const));
  return {
    direct: figures.direct.map((d) => ({ ...d, mass: d.mass.times(k), co2e: d.co2e.times(k) })),
    excluded: scaleMap(figures.excluded),
    indirect: figures.indirect.times(k),
    electricity: new Map([...figures.electricity].map(([id, e]) => [id, { consumption: e.consumption.times(k), emissions: e.emissions.times(k) }] as const)),
    scrap: scaleMap(figures.scrap),
    precursors: scaleMap(figures.precursors),
  };
}

/**
 * Whether a GWP-basis warning is about a factor CBAM counts: one an installation process uses for
 * something other than purchased materials or transport (those are upstream of the installation,
 * never in its embedded emissions). The warning names the input where the factor was first met;
 * that input's factors are looked up among the installation's direct items. The smelter's coal and
 * gas supply chains were noted as if they changed its SEE.
 */
function countsForCbam(warning: Issue, system: System, installation: ReadonlySet<string>): boolean {
  const inputPath = warning.path.at(-1) === 'factor' ? warning.path.slice(0, -1) : warning.path;
  const counted = new Set<string>();
  let named: readonly string[] = [];
  for (const process of system.processes) {
    for (const item of process.items) {
      const ids = (item.detail.factors ?? []).map((f) => f.id);
      if (formatPath(item.path) === formatPath(inputPath)) named = ids;
      if (!installation.has(process.id) || item.kind !== 'factor-input') continue;
      const upstream = [...item.vector.keys()].every((key) => {
        const decoded = decodeKey(key);
        return decoded.kind === 'gas' && (decoded.category === 'materials' || decoded.category === 'transport');
      });
      if (!upstream) for (const id of ids) counted.add(id);
    }
  }
  return named.some((id) => counted.has(id));
}

const OPTION_NAMES = ['period', 'installation', 'installationName', 'goods', 'precursors', 'factors', 'methods', 'activityPeriods', 'activityWarnings'];

/**
 * The options as JavaScript callers and files give them, checked by the schema of the CLI's
 * options file (a CN code as a number, `installation: 'electrolysis'` or a misspelt key failed
 * inside as TypeErrors): issues as a ModelValidationError of "CBAM options". A good listed twice
 * would be two identical rows of the communication.
 */
function checkedOptions(given: CbamOptions): CbamOptions {
  const options = optionsObject(given, 'cbamEmbeddedEmissions', OPTION_NAMES) as Partial<CbamOptions>;
  if (Array.isArray(options.goods) && options.goods.length === 0) throw new CbamGoodError('no goods to report: name at least one product flow and its CN code');
  const { factors, methods, activityPeriods, activityWarnings, ...described } = options;
  if (activityWarnings !== undefined && (!Array.isArray(activityWarnings) || !activityWarnings.every(isIssue))) {
    throw new InvalidOptionError('cbamEmbeddedEmissions: activityWarnings is a list of issues ({ code, path, message, severity }), such as activityWarnings(report)');
  }
  const parsed = cbamOptionsFileSchema.safeParse(described);
  if (!parsed.success) throw new ModelValidationError(issuesFromZod(parsed.error, []), 'CBAM options');
  const flows = parsed.data.goods.map((good) => good.flow);
  const twice = flows.find((flow, i) => flows.indexOf(flow) !== i);
  if (twice !== undefined) throw new CbamGoodError(`good "${twice}" is listed twice`);
  const data = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined)) as unknown as Omit<CbamOptions, 'period'>;
  return {
    ...data,
    period: options.period!,
    ...(factors === undefined ? {} : { factors }),
    ...(methods === undefined ? {} : { methods }),
    ...(activityPeriods === undefined ? {} : { activityPeriods }),
    ...(activityWarnings === undefined ? {} : { activityWarnings }),
  } as CbamOptions;
}

function boundaryOf(model: Model, ids: readonly string[] | undefined, what: string): ReadonlySet<string> {
  const known = new Set(model.processes.map((p) => p.id));
  if (ids === undefined) return known;
  if (ids.length === 0) throw new CbamBoundaryError([], `the ${what} boundary names no process`);
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new CbamBoundaryError(
      unknown,
      `the ${what} boundary names process${unknown.length === 1 ? '' : 'es'} the model does not have: ${unknown.join(', ')} (processes: ${[...known].sort().join(', ')})`,
    );
  }
  return new Set(ids);
}


function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value) && !(value instanceof Decimal) && typeof (value as { toFixed?: unknown }).toFixed !== 'function') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
