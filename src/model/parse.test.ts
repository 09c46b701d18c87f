import { describe, expect, it } from 'vitest';
import { ModelValidationError } from '../core/errors.js';
import { documentWith, firstProcess, minimalDocument, process, type Json } from '../../test/fixtures/models/documents.js';
import { parseModel, safeParseModel } from './parse.js';
import { DEFAULT_GWP } from './schema.js';

describe('parseModel', () => {
  it('returns a frozen model with exact quantities in the units written and paths', () => {
    const model = parseModel(minimalDocument());
    expect(model.id).toBe('minimal');
    expect(model.smeltprint).toBe(1);
    const remelting = model.processes[0];
    expect(remelting?.path).toEqual(['processes', 0]);
    expect(remelting?.outputs[0]?.quantity.amount.toFixed()).toBe('1000');
    expect(remelting?.outputs[0]?.quantity.unit.symbol).toBe('t');
    expect(remelting?.outputs[0]?.path).toEqual(['processes', 0, 'outputs', 0]);
    expect(remelting?.inputs[0]?.quantity.unit.symbol).toBe('MWh');
    expect(remelting?.inputs[0]?.factor).toBe('cn-mee/grid/national/2023');
    expect(Object.isFrozen(model)).toBe(true);
    expect(Object.isFrozen(model.processes)).toBe(true);
    expect(Object.isFrozen(remelting)).toBe(true);
    expect(Object.isFrozen(remelting?.outputs[0])).toBe(true);
  });

  it(`uses ${DEFAULT_GWP} when the document names no GWP set`, () => {
    expect(parseModel(minimalDocument()).gwp).toBe('AR6');
    expect(parseModel({ ...minimalDocument(), gwp: 'AR5-feedback' }).gwp).toBe('AR5-feedback');
  });

  it('reads decimal text exactly, far beyond float precision', () => {
    const document = minimalDocument();
    const output = (firstProcess(document)['outputs'] as Json[])[0] as Json;
    output['amount'] = '0.1000000000000000000001';
    const model = parseModel(document);
    expect(model.processes[0]?.outputs[0]?.quantity.amount.toFixed()).toBe('0.1000000000000000000001');
  });

  it('reads JSON numbers through their decimal text', () => {
    const document = minimalDocument();
    const input = (firstProcess(document)['inputs'] as Json[])[0] as Json;
    input['amount'] = 0.1;
    expect(parseModel(document).processes[0]?.inputs[0]?.quantity.amount.toFixed()).toBe('0.1');
  });

  it('turns declared emissions in plain mass into a mass of the declared gas', () => {
    const document = documentWith(
      process('smelter', {
        emissions: [
          { gas: 'CF4', amount: '0.5', unit: 't', category: 'pfc' },
          { gas: 'CH4', amount: '20', unit: 'kg CH4', category: 'fuel-combustion', label: 'furnace' },
        ],
      }),
    );
    const [cf4, ch4] = parseModel(document).processes[0]?.emissions ?? [];
    expect(cf4?.kind === 'declared' && cf4.quantity.unit.dimensionKey).toBe('gas:CF4');
    expect(ch4?.kind === 'declared' && ch4.quantity.unit.symbol).toBe('kg CH4');
    expect(ch4?.kind === 'declared' && ch4.label).toBe('furnace');
  });

  it('keeps method parameters as written', () => {
    const document = documentWith(process('smelter', { emissions: [{ method: 'ipcc-2006/aluminium/prebake-anode-co2', with: { netAnodeConsumption: '0.42 t/t', sulfur: 2 } }] }));
    const entry = parseModel(document).processes[0]?.emissions[0];
    expect(entry?.kind).toBe('method');
    if (entry?.kind === 'method') {
      expect(entry.with['netAnodeConsumption']).toBe('0.42 t/t');
      expect(entry.with['sulfur']).toBe(2);
      expect(entry.path).toEqual(['processes', 0, 'emissions', 0]);
    }
  });

  it('turns every spelling of an allocation rule into its canonical form', () => {
    const outputs = [
      { flow: 'zinc', amount: '100', unit: 't', price: '22000 CNY/t', properties: { zinc: '0.99 t/t' } },
      { flow: 'acid', amount: '180', unit: 't', price: '300 CNY/t', properties: { zinc: '0 t/t' } },
    ];
    const ruleOf = (allocation: unknown) => parseModel(documentWith(process('roaster', { outputs, allocation }))).processes[0]?.allocation;
    expect(ruleOf('mass')).toEqual({ method: 'mass' });
    expect(ruleOf({ method: 'mass' })).toEqual({ method: 'mass' });
    expect(ruleOf('economic')).toEqual({ method: 'economic' });
    expect(ruleOf({ physical: 'zinc' })).toEqual({ method: 'physical', property: 'zinc' });
    expect(ruleOf({ method: 'physical', property: 'zinc' })).toEqual({ method: 'physical', property: 'zinc' });
    const manual = ruleOf({ manual: { zinc: '0.8', acid: '20 %' } });
    expect(manual?.method).toBe('manual');
    if (manual?.method === 'manual') {
      expect(manual.shares['zinc']?.amount.toFixed()).toBe('0.8');
      expect(manual.shares['acid']?.unit.symbol).toBe('%');
      expect(manual.sharesPath).toEqual(['processes', 0, 'allocation', 'manual']);
    }
  });

  it('reads recycled, vintage and substitutes into their model forms', () => {
    const document = documentWith(
      process('remelt', {
        outputs: [
          { flow: 'ingot', amount: '10', unit: 't' },
          { flow: 'heat', amount: '2', unit: 'GJ', substitutes: 'heat/market' },
        ],
        inputs: [
          { flow: 'scrap', amount: '9', unit: 't', recycled: true },
          { flow: 'electricity', amount: '5', unit: 'MWh', factor: 'grid', vintage: 2023 },
        ],
      }),
    );
    const remelt = parseModel(document).processes[0];
    expect(remelt?.inputs[0]?.recycled).toBe('unspecified');
    expect(remelt?.inputs[1]?.vintage).toBe('2023');
    expect(remelt?.outputs[1]?.substitutes).toEqual({ factor: 'heat/market' });
    expect(remelt?.outputs[0]?.waste).toBe(false);
  });

  it('throws a ModelValidationError holding every issue', () => {
    const document = { ...minimalDocument(), gwp: 'AR7', region: 'Mongolia' };
    let caught: unknown;
    try {
      parseModel(document);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ModelValidationError);
    const error = caught as ModelValidationError;
    expect(error.code).toBe('model_invalid');
    expect(error.issues.map((issue) => issue.code).sort()).toEqual(['invalid_region', 'invalid_value']);
    expect(error.message).toContain('gwp');
    expect(error.message).toContain('region');
  });

  it('does not change the document it reads', () => {
    const document = documentWith(process('p', { allocation: 'mass' }));
    const before = JSON.stringify(document);
    safeParseModel(document);
    expect(JSON.stringify(document)).toBe(before);
    expect(Object.isFrozen(document)).toBe(false);
  });
});

describe('safeParseModel', () => {
  it('returns warnings with a successful parse', () => {
    const result = safeParseModel(documentWith(process('idle', { inputs: [] })));
    expect(result.success).toBe(true);
    if (result.success) expect(result.warnings.map((issue) => issue.code)).toEqual(['empty_process']);
  });

  it('never throws for hostile input', () => {
    const cyclic: Json = { smeltprint: 1 };
    cyclic['self'] = cyclic;
    for (const value of [undefined, null, 0, '', [], cyclic, new Date(0), Object.create(null)]) {
      expect(safeParseModel(value).success).toBe(false);
    }
  });
});

describe('user-data keys that name Object.prototype members', () => {
  const hostile = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

  it('works with them as process ids, flow names and references', () => {
    const processes = hostile.map((id, index) =>
      process(id, {
        outputs: [{ flow: hostile[(index + 1) % hostile.length] as string, amount: '1', unit: 't' }],
        inputs: index === 0 ? [{ flow: 'electricity', amount: '1', unit: 'MWh', factor: 'grid' }] : [{ flow: id, amount: '1', unit: 't', from: hostile[index - 1] }],
      }),
    );
    const model = parseModel(documentWith(...processes), { hasFactor: () => true, hasMethod: () => true });
    expect(model.processes.map((p) => p.id)).toEqual(hostile);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('keeps them as ordinary keys of declared units, properties, shares and parameters', () => {
    // JSON.parse makes __proto__ an own key, as the YAML reader does.
    const document = JSON.parse(`{
      "smeltprint": 1, "id": "hostile", "period": { "start": "2025-01-01", "end": "2025-12-31" },
      "declaredUnits": { "__proto__": "1 kg", "constructor": "1 t" },
      "processes": [{
        "id": "p",
        "outputs": [
          { "flow": "__proto__", "amount": "1", "unit": "t", "properties": { "__proto__": "0.5 t/t", "polluted": "1 t/t" } },
          { "flow": "constructor", "amount": "1", "unit": "t", "properties": { "__proto__": "0.5 t/t" } }
        ],
        "inputs": [{ "flow": "electricity", "amount": "1", "unit": "MWh", "factor": "grid" }],
        "emissions": [{ "method": "x/y/z", "with": { "__proto__": { "polluted": true }, "toString": "1 t" } }],
        "allocation": { "manual": { "__proto__": "0.5", "constructor": "0.5" } }
      }]
    }`) as unknown;
    const model = parseModel(document);
    expect(Object.getPrototypeOf(model.declaredUnits)).toBeNull();
    expect(Object.keys(model.declaredUnits)).toEqual(['__proto__', 'constructor']);
    expect(model.declaredUnits['__proto__']?.unit.symbol).toBe('kg');
    const p = model.processes[0];
    expect(p?.outputs[0]?.properties['__proto__']?.amount.toFixed()).toBe('0.5');
    const emission = p?.emissions[0];
    if (emission?.kind === 'method') {
      expect(Object.keys(emission.with)).toEqual(['__proto__', 'toString']);
      expect(emission.with['toString']).toBe('1 t');
    }
    const allocation = p?.allocation;
    expect(allocation?.method === 'manual' && Object.keys(allocation.shares)).toEqual(['__proto__', 'constructor']);
    const probe: Record<string, unknown> = {};
    expect(probe['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('reports a hostile key that names no product like any other', () => {
    const document = JSON.parse(
      '{"smeltprint":1,"id":"x","period":{"start":"2025-01-01","end":"2025-12-31"},"declaredUnits":{"__proto__":"1 kg"},' +
        '"processes":[{"id":"p","outputs":[{"flow":"zinc","amount":"1","unit":"t"}],"inputs":[{"flow":"e","amount":"1","unit":"MWh","factor":"grid"}]}]}',
    ) as unknown;
    const result = safeParseModel(document);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([['unknown_product', ['declaredUnits', '__proto__']]]);
  });
});
