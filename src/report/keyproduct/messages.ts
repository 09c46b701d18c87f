import { UnsupportedLanguageError } from '../../core/errors.js';
import type { LifeCycleStage, Metal, ReportLanguage } from './types.js';

/**
 * Every label and sentence of the key-product report, one table per language. Chinese terms
 * follow GB/T 24067-2024 and GB/T 44905-2024 usage: 产品碳足迹, 声明单位, 系统边界, 取舍准则, 分配,
 * 全球变暖潜势, 数据质量, 初级数据 / 次级数据, 生命周期阶段.
 */
export interface Messages {
  readonly title: (product: string) => string;
  readonly sections: {
    readonly general: string;
    readonly goalAndScope: string;
    readonly declaredUnit: string;
    readonly boundary: string;
    readonly cutOff: string;
    readonly allocation: string;
    readonly dataQuality: string;
    readonly gwp: string;
    readonly results: string;
    readonly byStage: string;
    readonly bySource: string;
    readonly byProcess: string;
    readonly byGas: string;
    readonly byScope: string;
    readonly sankey: string;
    readonly contribution: string;
    readonly details: string;
    readonly credits: string;
    readonly notes: string;
  };
  readonly fields: {
    readonly product: string;
    readonly producedBy: string;
    readonly metal: string;
    readonly model: string;
    readonly period: string;
    readonly region: string;
    readonly standards: string;
    readonly gwpSet: string;
    readonly gwpSource: string;
    readonly total: string;
    readonly declaredUnit: string;
    readonly boundaryType: string;
    readonly stageRule: string;
    readonly perStepLimit: string;
    readonly totalLimit: string;
    readonly totalShare: string;
    readonly primaryShare: string;
    readonly productShare: string;
    readonly rounding: string;
  };
  readonly columns: {
    readonly item: string;
    readonly value: string;
    readonly exactValue: string;
    readonly share: string;
    readonly gas: string;
    readonly gwp100: string;
    readonly mass: string;
    readonly source: string;
    readonly process: string;
    readonly stage: string;
    readonly assignedBy: string;
    readonly method: string;
    readonly shares: string;
    readonly justification: string;
    readonly quality: string;
    readonly factor: string;
    readonly confidence: string;
    readonly path: string;
    readonly flow: string;
    readonly quantity: string;
    readonly reason: string;
    readonly flagged: string;
    readonly from: string;
    readonly to: string;
    readonly standard: string;
    readonly role: string;
  };
  readonly yes: string;
  readonly no: string;
  readonly none: string;
  readonly notAssessed: string;
  readonly unverified: string;
  readonly cradleToGate: string;
  readonly figureInHtml: (caption: string) => string;
  /** Text followed by a remark in parentheses (full-width in Chinese). */
  readonly withRemark: (text: string, remark: string) => string;
  readonly assignedByOption: string;
  readonly assignedByDefault: string;
  readonly unitLabel: (declaredUnit: string) => string;
  readonly stages: Readonly<Record<LifeCycleStage, string>>;
  readonly categories: Readonly<Record<string, string>>;
  readonly gases: Readonly<Record<string, string>>;
  readonly scopes: Readonly<Record<'1' | '2' | '3', string>>;
  readonly quality: Readonly<Record<'primary' | 'secondary', string>>;
  readonly itemKinds: Readonly<Record<string, string>>;
  readonly metals: Readonly<Record<Metal, string>>;
  readonly productDescriptions: {
    readonly aluminiumIngot: string;
    readonly aluminiumLiquid: string;
    readonly copperCathode: string;
    readonly leadIngot: string;
    readonly zincIngot: string;
    readonly generic: (metal: string) => string;
  };
  readonly standards: {
    readonly gbt24067: { readonly title: string; readonly role: string };
    readonly gbt44905: { readonly title: string; readonly role: string };
    readonly gbt44905Analogy: string;
    readonly iso14067: { readonly title: string; readonly role: string };
    readonly gbt32151: (part: string, metal: string) => { readonly title: string; readonly role: string };
  };
  readonly sankeyNodes: { readonly sources: string; readonly product: (flow: string, unit: string) => string };
  readonly boundaryDescription: (metal: string, recycled: boolean) => string;
  readonly stageRule: string;
  readonly cutOffRule: string;
  readonly cutOffFindings: {
    readonly stepExceeded: (flow: string, process: string, share: string) => string;
    readonly notMass: (flow: string, process: string) => string;
    readonly totalExceeded: (share: string) => string;
    readonly noneExcluded: string;
    readonly withinLimits: string;
    readonly recycledReason: string;
    readonly wasteReason: (process: string) => string;
  };
  readonly allocationJustification: {
    readonly none: string;
    readonly systemExpansion: string;
    readonly mass: string;
    readonly physical: string;
    readonly economic: string;
    readonly manual: string;
    readonly noMultiOutput: string;
  };
  readonly dataQualityRule: string;
  readonly declaredUnitNotConforming: (unit: string) => string;
  readonly roundingStatement: (places: number, mode: string) => string;
  readonly notes: {
    readonly gwpBasisUnverified: (set: string) => string;
    readonly characterizedFactor: string;
    readonly biogenic: (value: string) => string;
    readonly credits: string;
    readonly unverifiedFactors: (count: number) => string;
    readonly noProcessBreakdown: string;
    readonly warning: (severity: string, message: string) => string;
  };
}

const EN: Messages = {
  title: (product) => `Product carbon footprint report: ${product}`,
  sections: {
    general: 'General information',
    goalAndScope: 'Goal and scope',
    declaredUnit: 'Declared unit',
    boundary: 'System boundary and life-cycle stages',
    cutOff: 'Cut-off criteria',
    allocation: 'Allocation',
    dataQuality: 'Data sources and data quality',
    gwp: 'Global warming potentials (GWP100)',
    results: 'Carbon footprint results',
    byStage: 'By life-cycle stage',
    bySource: 'By emission source',
    byProcess: 'By process',
    byGas: 'By greenhouse gas',
    byScope: 'By scope',
    sankey: 'Emission flows through the process graph',
    contribution: 'Contributions',
    details: 'Exact values',
    credits: 'Credits (not drawn)',
    notes: 'Notes and limitations',
  },
  fields: {
    product: 'Product',
    producedBy: 'Produced by process',
    metal: 'Metal',
    model: 'Model',
    period: 'Time boundary (data period)',
    region: 'Geographic boundary',
    standards: 'Standards applied',
    gwpSet: 'GWP set',
    gwpSource: 'Source of the GWP values',
    total: 'Carbon footprint of the product',
    declaredUnit: 'Declared unit',
    boundaryType: 'Boundary',
    stageRule: 'Assignment of processes to stages',
    perStepLimit: 'Limit per step',
    totalLimit: 'Limit in total',
    totalShare: 'Excluded inputs in total (by mass)',
    primaryShare: 'Share of primary data (by emissions)',
    productShare: 'Allocation share of the product at its own process',
    rounding: 'Rounding',
  },
  columns: {
    item: 'Item',
    value: 't CO2e per declared unit',
    exactValue: 'exact t CO2e per declared unit',
    share: 'Share',
    gas: 'Gas',
    gwp100: 'GWP100 (kg CO2e/kg)',
    mass: 't gas per declared unit',
    source: 'Source',
    process: 'Process',
    stage: 'Life-cycle stage',
    assignedBy: 'Assigned by',
    method: 'Method',
    shares: 'Shares',
    justification: 'Justification',
    quality: 'Data quality',
    factor: 'Emission factor',
    confidence: 'Confidence tag',
    path: 'Document path',
    flow: 'Flow',
    quantity: 'Quantity',
    reason: 'Reason',
    flagged: 'Flagged',
    from: 'From',
    to: 'To',
    standard: 'Standard',
    role: 'Role',
  },
  yes: 'yes',
  no: 'no',
  none: 'none',
  notAssessed: 'not assessable by mass',
  unverified: 'unverified',
  cradleToGate: 'cradle-to-gate',
  figureInHtml: (caption) => `Figure "${caption}": see the HTML report.`,
  withRemark: (text, remark) => `${text} (${remark})`,
  assignedByOption: 'option',
  assignedByDefault: 'default rule',
  unitLabel: (declaredUnit) => `t CO2e per ${declaredUnit}`,
  stages: { 'raw-material-acquisition': 'Raw material acquisition', production: 'Production' },
  categories: {
    'fuel-combustion': 'Fuel combustion',
    process: 'Industrial processes',
    anode: 'Anode consumption',
    pfc: 'Anode effects (PFCs)',
    carbonate: 'Carbonate decomposition',
    electricity: 'Net purchased electricity',
    heat: 'Net purchased heat',
    materials: 'Purchased materials',
    transport: 'Transport',
    other: 'Other',
  },
  gases: {
    CO2: 'Carbon dioxide (CO2, fossil)',
    'CO2-biogenic': 'Carbon dioxide (CO2, biogenic)',
    CH4: 'Methane (CH4, fossil)',
    'CH4-non-fossil': 'Methane (CH4, non-fossil)',
    N2O: 'Nitrous oxide (N2O)',
    CF4: 'Tetrafluoromethane (CF4)',
    C2F6: 'Hexafluoroethane (C2F6)',
    SF6: 'Sulphur hexafluoride (SF6)',
    NF3: 'Nitrogen trifluoride (NF3)',
    CO2e: 'Characterized by the factor (CO2e)',
  },
  scopes: { '1': 'Scope 1 (direct)', '2': 'Scope 2 (purchased energy)', '3': 'Scope 3 (other indirect)' },
  quality: { primary: 'Primary', secondary: 'Secondary' },
  itemKinds: {
    declared: 'declared emission',
    method: 'calculation method',
    'factor-input': 'input × emission factor',
    'substitution-credit': 'substitution credit',
  },
  metals: { aluminium: 'aluminium', copper: 'copper', lead: 'lead', zinc: 'zinc' },
  productDescriptions: {
    aluminiumIngot: 'aluminium ingot for remelting',
    aluminiumLiquid: 'liquid primary aluminium',
    copperCathode: 'copper cathode',
    leadIngot: 'lead ingot',
    zincIngot: 'zinc ingot',
    generic: (metal) => `${metal} product`,
  },
  standards: {
    gbt24067: {
      title: 'Greenhouse gases — Carbon footprint of products — Requirements and guidelines for quantification',
      role: 'general requirements for the product carbon footprint',
    },
    gbt44905: {
      title: 'Greenhouse gases — Carbon footprint of products — Quantification methods and requirements — Electrolytic aluminium',
      role: 'product rules for aluminium: declared unit, boundary, cut-off, report',
    },
    gbt44905Analogy: 'no national product standard is known for this metal: the structure of GB/T 44905-2024 is followed by analogy',
    iso14067: { title: 'Greenhouse gases — Carbon footprint of products', role: 'international standard GB/T 24067 is based on' },
    gbt32151: (part, metal) => ({
      title: `Requirements of the greenhouse gas emission accounting and reporting — Part ${part}: ${metal} smelting enterprises`,
      role: 'enterprise-level accounting methods for the on-site emissions (reference)',
    }),
  },
  sankeyNodes: { sources: 'Emission sources', product: (flow, unit) => `${flow} (${unit})` },
  boundaryDescription: (metal, recycled) =>
    `Cradle-to-gate: from the extraction of raw materials to the ${metal} product leaving the plant gate; distribution, use and end of life are outside the boundary.` +
    (recycled ? ' For recycled input (cut-off approach) the boundary starts at its collection and preparation: the scrap enters without the burden of its first life.' : ''),
  stageRule:
    'Default: the process making the reported product and every process upstream of it on the metal\'s line (supplying anything but a raw material or energy: bullion, calcine, leach solution, prepared scrap), with the treatment of the line\'s own waste, are production; processes making raw materials or energy (ores, concentrates, alumina, anodes, reductants, electricity, steam), and purchased materials and transport (categories materials, transport) of any process, are raw material acquisition. The stages option (CLI: --stage PROCESS=production) overrides the stage of a process.',
  cutOffRule:
    'A step may be left out when it is below 1 % and all steps left out together stay within 5 % (GB/T 44905-2024). Inputs entering without burden are assessed here by mass (the mass criterion of ISO 14044:2006 4.2.3.3.3): each against the mass inputs of its process, and all together against the mass entering the chain (bought or burden-free inputs, and the output of a process that lists no mass input of its own; flows between processes that list theirs are not counted again).',
  cutOffFindings: {
    stepExceeded: (flow, process, share) => `"${flow}" at "${process}" enters without burden and is ${share} of the process's mass inputs, above the 1 % limit: include its burden or justify the exclusion.`,
    notMass: (flow, process) => `"${flow}" at "${process}" enters without burden and is not a mass: assess it against the cut-off criteria by hand.`,
    totalExceeded: (share) => `Inputs without burden total ${share} of the mass entering the chain, above the 5 % limit.`,
    noneExcluded: 'No input of the chain enters without burden: nothing is cut off.',
    withinLimits: 'All inputs without burden are within the cut-off limits.',
    recycledReason: 'recycled input under the cut-off approach: enters burden-free',
    wasteReason: (process) => `waste of process "${process}": carries no burden`,
  },
  allocationJustification: {
    none: 'single product: no allocation needed',
    systemExpansion:
      'co-products credited by system expansion (avoided production): allocation avoided, the first choice of the hierarchy (ISO 14044:2006 4.3.4.2, adopted by GB/T 24067-2024)',
    mass: 'partitioned by mass, a physical relationship: second step of the hierarchy (ISO 14044:2006 4.3.4.2)',
    physical: 'partitioned by a physical property of the outputs: second step of the hierarchy (ISO 14044:2006 4.3.4.2)',
    economic: 'partitioned by economic value: third step of the hierarchy, to be used only where no physical relationship can be established; document why (ISO 14044:2006 4.3.4.2)',
    manual: 'shares set by the model author: the justification must be documented with the model',
    noMultiOutput: 'No process of the chain makes more than one product: no allocation was needed.',
  },
  dataQualityRule:
    'Emissions declared by the model and computed by calculation methods from site activity data are primary data; inputs priced by an emission factor are secondary data. Factors tagged V-3p or R are not verified against their source.',
  declaredUnitNotConforming: (unit) => `The declared unit is ${unit}; GB/T 44905-2024 declares per 1 t. Compute with per = "1 t".`,
  roundingStatement: (places, mode) =>
    `Displayed values are rounded to ${places} decimal places (${mode}); shares to 2 decimal places of a percent. The exact values (each product or quotient rounded once to 34 significant digits, sums exact, so they may carry more digits) are in the details tables; totals are computed before rounding.`,
  notes: {
    gwpBasisUnverified: (set) =>
      `The GWP set of GB/T 24067-2024's informative GWP table has not been verified; this report uses ${set}.`,
    characterizedFactor: 'Rows of CO2e come from factors already characterized with their own GWP set; their gases are not known separately.',
    biogenic: (value) => `Biogenic CO2 is reported separately: ${value} t CO2e per declared unit.`,
    credits: 'Credits from avoided production (system expansion) reduce the footprint but are not drawn in the flow diagram. Exported electricity or heat is credited in its category, which is why those rows are net purchases (GB/T 32151 net purchased energy) and can be negative; scope 2 is net of the same credits.',
    unverifiedFactors: (count) => `${count} emission factor(s) used carry an unverified confidence tag (V-3p or R): confirm them against their source.`,
    noProcessBreakdown: 'The run kept no per-process contributions; stages follow the emission categories only.',
    warning: (severity, message) => `${severity}: ${message}`,
  },
};

const ZH: Messages = {
  // "锌产品" already ends in 产品: no "锌产品产品碳足迹报告".
  title: (product) => `${product.endsWith('产品') ? product : `${product}产品`}碳足迹报告`,
  sections: {
    general: '基本信息',
    goalAndScope: '目的与范围',
    declaredUnit: '声明单位',
    boundary: '系统边界与生命周期阶段',
    cutOff: '取舍准则',
    allocation: '分配',
    dataQuality: '数据来源与数据质量',
    gwp: '全球变暖潜势（GWP100）',
    results: '产品碳足迹结果',
    byStage: '按生命周期阶段',
    bySource: '按排放源',
    byProcess: '按过程',
    byGas: '按温室气体',
    byScope: '按范围',
    sankey: '排放在过程图中的流动',
    contribution: '贡献分析',
    details: '精确值',
    credits: '抵扣（图中未绘出）',
    notes: '说明与局限性',
  },
  fields: {
    product: '产品',
    producedBy: '生产过程',
    metal: '金属',
    model: '模型',
    period: '时间边界（数据期间）',
    region: '地理边界',
    standards: '依据标准',
    gwpSet: '全球变暖潜势值来源版本',
    gwpSource: '全球变暖潜势值出处',
    total: '产品碳足迹',
    declaredUnit: '声明单位',
    boundaryType: '边界类型',
    stageRule: '过程的生命周期阶段划分',
    perStepLimit: '单个步骤限值',
    totalLimit: '合计限值',
    totalShare: '被舍去输入合计（按质量）',
    primaryShare: '初级数据占比（按排放量）',
    productShare: '产品在其生产过程中的分配比例',
    rounding: '数值修约',
  },
  columns: {
    item: '项目',
    value: 't CO2e/声明单位',
    exactValue: '精确值（t CO2e/声明单位）',
    share: '占比',
    gas: '温室气体',
    gwp100: 'GWP100（kg CO2e/kg）',
    mass: '气体质量（t/声明单位）',
    source: '来源',
    process: '过程',
    stage: '生命周期阶段',
    assignedBy: '划分依据',
    method: '方法',
    shares: '分配比例',
    justification: '理由',
    quality: '数据质量',
    factor: '排放因子',
    confidence: '置信度标记',
    path: '文档路径',
    flow: '物料',
    quantity: '数量',
    reason: '原因',
    flagged: '需关注',
    from: '从',
    to: '到',
    standard: '标准',
    role: '作用',
  },
  yes: '是',
  no: '否',
  none: '无',
  notAssessed: '无法按质量评估',
  unverified: '未经核实',
  cradleToGate: '从摇篮到大门',
  figureInHtml: (caption) => `图“${caption}”：见 HTML 报告。`,
  withRemark: (text, remark) => `${text}（${remark}）`,
  assignedByOption: '选项指定',
  assignedByDefault: '默认规则',
  unitLabel: (declaredUnit) => `t CO2e/${declaredUnit}`,
  stages: { 'raw-material-acquisition': '原材料获取阶段', production: '生产阶段' },
  categories: {
    'fuel-combustion': '化石燃料燃烧',
    process: '工业生产过程',
    anode: '阳极消耗',
    pfc: '阳极效应（全氟化碳）',
    carbonate: '碳酸盐分解',
    electricity: '净购入电力',
    heat: '净购入热力',
    materials: '外购原材料',
    transport: '运输',
    other: '其他',
  },
  gases: {
    CO2: '二氧化碳（CO2，化石）',
    'CO2-biogenic': '二氧化碳（CO2，生物源）',
    CH4: '甲烷（CH4，化石）',
    'CH4-non-fossil': '甲烷（CH4，非化石）',
    N2O: '氧化亚氮（N2O）',
    CF4: '四氟化碳（CF4）',
    C2F6: '六氟乙烷（C2F6）',
    SF6: '六氟化硫（SF6）',
    NF3: '三氟化氮（NF3）',
    CO2e: '排放因子已折算（CO2e）',
  },
  scopes: { '1': '范围一（直接排放）', '2': '范围二（外购能源间接排放）', '3': '范围三（其他间接排放）' },
  quality: { primary: '初级数据', secondary: '次级数据' },
  itemKinds: {
    declared: '申报排放量',
    method: '核算方法',
    'factor-input': '活动数据×排放因子',
    'substitution-credit': '替代抵扣',
  },
  metals: { aluminium: '铝', copper: '铜', lead: '铅', zinc: '锌' },
  productDescriptions: {
    aluminiumIngot: '重熔用铝锭',
    aluminiumLiquid: '原铝液',
    copperCathode: '阴极铜',
    leadIngot: '铅锭',
    zincIngot: '锌锭',
    generic: (metal) => `${metal}产品`,
  },
  standards: {
    gbt24067: { title: '温室气体 产品碳足迹 量化要求和指南', role: '产品碳足迹通用要求' },
    gbt44905: { title: '温室气体 产品碳足迹量化方法与要求 电解铝', role: '铝产品规则：声明单位、系统边界、取舍准则、报告' },
    gbt44905Analogy: '该金属尚无已知的国家产品碳足迹标准：参照 GB/T 44905-2024 的结构编制',
    iso14067: { title: '温室气体 产品碳足迹 量化要求和指南（国际标准）', role: 'GB/T 24067 所依据的国际标准' },
    gbt32151: (part, metal) => ({ title: `温室气体排放核算与报告要求 第${part}部分：${metal}冶炼企业`, role: '现场排放的企业层级核算方法（参考）' }),
  },
  sankeyNodes: { sources: '排放源', product: (flow, unit) => `${flow}（${unit}）` },
  boundaryDescription: (metal, recycled) =>
    `从摇篮到大门：自原材料开采至${metal}产品离开工厂大门；分销、使用和废弃处置阶段不在系统边界内。` +
    (recycled ? '回收料（截断法）的边界始于其收集和预处理：废料不带其前一生命周期的负荷进入。' : ''),
  stageRule:
    '默认规则：生产所报告产品的过程，及其上游处于金属物料链上的过程（提供的不是原材料或能源，如粗铅、焙砂、净化液、预处理废料），连同该物料链自身废物的处理过程，属于生产阶段；生产原材料或能源的过程（矿石、精矿、氧化铝、阳极、还原剂、电力、蒸汽），以及任一过程外购原材料和运输（类别 materials、transport）产生的排放，属于原材料获取阶段。可用 stages 选项（命令行：--stage 过程=production）指定过程所属阶段。',
  cutOffRule:
    '单个步骤低于 1% 时可舍去，所有舍去步骤合计不超过 5%（GB/T 44905-2024）。本报告对不带负荷进入的输入按质量评估（ISO 14044:2006 4.2.3.3.3 质量准则）：单项以其占所在过程质量输入的比例计，合计以其占进入产品链的质量（外购或不带负荷的输入，以及本身未列出质量输入的过程的产出；列出了质量输入的过程之间的物流不重复计入）的比例计。',
  cutOffFindings: {
    stepExceeded: (flow, process, share) => `过程“${process}”的输入“${flow}”不带负荷进入，占该过程质量输入的 ${share}，超过 1% 限值：应计入其负荷或说明舍去理由。`,
    notMass: (flow, process) => `过程“${process}”的输入“${flow}”不带负荷进入且不以质量计：需人工按取舍准则评估。`,
    totalExceeded: (share) => `不带负荷进入的输入合计占进入产品链的质量的 ${share}，超过 5% 限值。`,
    noneExcluded: '产品链中没有不带负荷进入的输入：未舍去任何内容。',
    withinLimits: '所有不带负荷进入的输入均在取舍限值以内。',
    recycledReason: '按截断法（cut-off）计的回收料输入：不带负荷进入',
    wasteReason: (process) => `过程“${process}”的废弃物：不带负荷`,
  },
  allocationJustification: {
    none: '单一产品：无需分配',
    systemExpansion: '副产品按系统扩展（替代避免的生产）抵扣：避免了分配，为分配优先顺序的第一选择（ISO 14044:2006 4.3.4.2，GB/T 24067-2024 采纳）',
    mass: '按质量分配，属物理关系：分配优先顺序的第二步（ISO 14044:2006 4.3.4.2）',
    physical: '按产出的物理性质分配：分配优先顺序的第二步（ISO 14044:2006 4.3.4.2）',
    economic: '按经济价值分配：分配优先顺序的第三步，仅在无法建立物理关系时采用，需说明理由（ISO 14044:2006 4.3.4.2）',
    manual: '分配比例由模型作者给定：理由须随模型记录',
    noMultiOutput: '产品链中没有生产多种产品的过程：无需分配。',
  },
  dataQualityRule:
    '模型申报的排放量以及依据现场活动数据经核算方法计算的排放为初级数据；以排放因子计价的输入为次级数据。置信度标记为 V-3p 或 R 的排放因子未经与原始来源核实。',
  declaredUnitNotConforming: (unit) => `声明单位为 ${unit}；GB/T 44905-2024 规定以 1 t 声明。请以 per = "1 t" 计算。`,
  roundingStatement: (places, mode) =>
    `显示数值修约至小数点后 ${places} 位（${mode}）；占比修约至百分数小数点后 2 位。精确值（每次乘除按 34 位有效数字修约一次，加法精确，故可能多于 34 位）见精确值表；合计在修约前计算。`,
  notes: {
    gwpBasisUnverified: (set) => `GB/T 24067-2024 资料性 GWP 表所采用的 IPCC 评估报告版本尚未核实；本报告采用 ${set}。`,
    characterizedFactor: 'CO2e 行来自已按其自身 GWP 版本折算的排放因子，无法区分具体气体。',
    biogenic: (value) => `生物源 CO2 单独报告：${value} t CO2e/声明单位。`,
    credits: '系统扩展（避免的生产）带来的抵扣减少了碳足迹，但未在流向图中绘出。外供电力或热力的抵扣计入其所属类别，因此这些行为净购入量（GB/T 32151 净购入能源），可能为负值；范围二同样已扣除这些抵扣。',
    unverifiedFactors: (count) => `所用排放因子中有 ${count} 个带有未经核实的置信度标记（V-3p 或 R）：请与原始来源核对。`,
    noProcessBreakdown: '本次计算未保留按过程的贡献；生命周期阶段仅按排放类别划分。',
    warning: (severity, message) => `${severity === 'error' ? '错误' : severity === 'warning' ? '警告' : '提示'}：${message}`,
  },
};

/**
 * The message table of a report language.
 *
 * @example
 * messagesFor('zh').sections.cutOff // '取舍准则'
 * messagesFor('en').stages.production // 'Production'
 */
export function messagesFor(lang: ReportLanguage): Messages {
  if (lang === 'zh') return ZH;
  if (lang === 'en') return EN;
  // A JavaScript caller's 'fr' or 'zh-CN' got English before: a report in a language not asked for.
  throw new UnsupportedLanguageError(`reports are written in zh or en, not ${JSON.stringify(lang)}`);
}
