import { describe, expect, it } from 'vitest';
import { computeFootprints } from '../../src/compute/computeFootprints.js';
import { sum, toDecimal } from '../../src/decimal/decimal.js';
import { demoModelDocument } from '../../src/demo/index.js';
import { AUDIT_EXPANDED_PRODUCTS, auditJsonText, sha256Hex, toAudit, type AuditNode } from '../../src/report/audit/index.js';
import { doc, proc } from '../helpers.js';
import { canonicalJson } from '../../src/report/canonical.js';
import { footprintToJson } from '../../src/report/json.js';
import { parseModel } from '../../src/model/parse.js';

const audit = (document: Record<string, unknown>, flows?: readonly string[]) =>
  toAudit(computeFootprints(document), flows === undefined ? { document } : { document, flows });

function walk(node: AuditNode, visit: (node: AuditNode) => void): void {
  visit(node);
  node.children.forEach((child) => walk(child, visit));
}

describe('toAudit', () => {
  it('two runs on the same document give identical bytes', () => {
    expect(auditJsonText(audit(demoModelDocument()))).toBe(auditJsonText(audit(demoModelDocument())));
  });

  it('the same document with keys and processes in another order gives the same digests', () => {
    const document = demoModelDocument();
    const reordered = Object.fromEntries(Object.entries(document).reverse());
    const first = audit(document);
    const second = audit(reordered);
    expect(second.digests).toEqual(first.digests);
  });

  it('a changed input changes the document digest and the result digest', () => {
    const base = audit(demoModelDocument());
    const changed = demoModelDocument() as { processes: { emissions: { amount: string }[] }[] };
    changed.processes[1]!.emissions[0]!.amount = '9501'; // anode plant CO2, was 9500
    const after = audit(changed as unknown as Record<string, unknown>);
    expect(after.digests.document).not.toBe(base.digests.document);
    expect(after.digests.result).not.toBe(base.digests.result);
    // Renaming changes no number, but the name is input (document digest) and is carried in the result's model block.
    const renamed = audit({ ...demoModelDocument(), name: 'Renamed smelter' });
    expect(renamed.digests.document).not.toBe(base.digests.document);
    expect(renamed.digests.result).not.toBe(base.digests.result);
  });

  it('digests are SHA-256 of canonical JSON, so a verifier can recompute them', () => {
    const document = demoModelDocument();
    const result = computeFootprints(document);
    const trail = toAudit(result, { document });
    expect(trail.digests.algorithm).toBe('SHA-256');
    expect(trail.digests.document).toBe(sha256Hex(canonicalJson(document)));
    expect(trail.digests.result).toBe(sha256Hex(canonicalJson(footprintToJson(result))));
    expect(trail.digests.document).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records tool, arithmetic and the GWP set with the values used', () => {
    const trail = audit(demoModelDocument());
    expect(trail.tool.name).toBe('smeltprint');
    expect(trail.arithmetic).toMatchObject({ precision: 34, rounding: 'ROUND_HALF_EVEN' });
    expect(trail.gwp.set).toBe('AR5'); // the demo model's own set
    // AR5 GWP100 (AR5 WG1 Table 8.A.1): CF4 6630, C2F6 11100 (formats.md §5.1).
    expect(trail.gwp.values.CF4).toBe('6630');
    expect(trail.gwp.values.C2F6).toBe('11100');
  });

  it('explains each product down to declared emissions and factors, with document paths, and the tree adds up', () => {
    const trail = audit(demoModelDocument(), ['aluminium-ingot']);
    expect(trail.products.map((p) => p.flow)).toEqual(['aluminium-ingot']);
    const tree = trail.products[0]!.explain;
    expect(tree.value).toBe(trail.products[0]!.total);
    const kinds = new Set<string>();
    let factorLeaf: AuditNode | undefined;
    walk(tree, (node) => {
      kinds.add(node.kind);
      if (node.kind === 'factor-input') factorLeaf ??= node;
      if (node.kind === 'product') {
        const children = sum(node.children.map((c) => toDecimal(c.value))); // exact sum, as the engine's
        expect(children.eq(toDecimal(node.value)), node.label).toBe(true);
      }
    });
    expect([...kinds]).toEqual(expect.arrayContaining(['product', 'declared', 'factor-input', 'input']));
    expect(factorLeaf!.path).toMatch(/^processes\[\d+\]\.inputs\[\d+\]$/);
    expect(factorLeaf!.detail!.factors![0]).toMatchObject({ id: 'demo/grid-electricity', value: '0.5366', unit: 't CO2/MWh' });
    expect(factorLeaf!.detail!.factors![0]!.source).toContain('Illustrative grid electricity factor');
  });

  it('writes every decimal in fixed-point form', () => {
    const text = auditJsonText(audit(demoModelDocument()));
    expect(text).not.toMatch(/"-?\d+(?:\.\d+)?[eE][-+]?\d+"/);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('is frozen and leaves the document alone', () => {
    const document = demoModelDocument();
    const copy = structuredClone(document);
    const trail = toAudit(computeFootprints(document), { document });
    expect(document).toEqual(copy);
    expect(Object.isFrozen(trail.products[0]!.explain)).toBe(true);
  });

  /** A chain of n processes, each using 2 t of the one before (p0 emits 1 t CO2, the others 0.5 t). */
  const chain = (n: number) =>
    doc(Array.from({ length: n }, (_, i) => proc(`p${i}`, [`f${i}`, '1'], i === 0 ? '1' : '0.5', i === 0 ? [] : [{ flow: `f${i - 1}`, amount: '2', unit: 't', from: `p${i - 1}` }])));

  it('nests suppliers for up to AUDIT_EXPANDED_PRODUCTS products and names them beyond, and says which', () => {
    const small = toAudit(computeFootprints(chain(4)), { document: chain(4) });
    expect(small.suppliers).toBe('expanded');
    // f3 = 0.5 + 2 × f2, down to f0 = 1: the tree of f3 holds all four products.
    let products = 0;
    walk(small.products.find((p) => p.flow === 'f3')!.explain, (node) => (products += node.kind === 'product' ? 1 : 0));
    expect(products).toBe(4);

    const n = AUDIT_EXPANDED_PRODUCTS + 1;
    const large = toAudit(computeFootprints(chain(n)), { document: chain(n) });
    expect(large.suppliers).toBe('referenced');
    for (const entry of large.products) {
      // Each tree is the product and its own items and exchanges: the trail grows with the model.
      let nodes = 0;
      walk(entry.explain, () => nodes++);
      expect(nodes).toBeLessThanOrEqual(3);
    }
  });

  it('referenced trees still add up, and each exchange is the supplier total times the coefficient', () => {
    const document = chain(6);
    const trail = toAudit(computeFootprints(document), { document, suppliers: 'referenced' });
    const totals = new Map(trail.products.map((p) => [p.flow, toDecimal(p.total)]));
    for (const entry of trail.products) {
      const tree = entry.explain;
      expect(sum(tree.children.map((c) => toDecimal(c.value))).eq(toDecimal(tree.value))).toBe(true);
      for (const exchange of tree.children.filter((c) => c.kind === 'input')) {
        expect(exchange.children).toEqual([]);
        const supplier = /^(f\d+) from/.exec(exchange.label)![1]!;
        expect(exchange.note).toContain(`"${supplier}" is explained on its own`);
        expect(toDecimal(exchange.unitFootprint!).eq(totals.get(supplier)!)).toBe(true);
        expect(toDecimal(exchange.value).eq(toDecimal(exchange.coefficient!).times(totals.get(supplier)!))).toBe(true);
      }
    }
    // f5 = 0.5 + 2 × f4 = … = 0.5 × (1 + 2 + 4 + 8 + 16) + 32 × 1 = 47.5
    expect(trail.products.find((p) => p.flow === 'f5')!.total).toBe('47.5');
    expect(toAudit(computeFootprints(document), { document, suppliers: 'expanded' }).suppliers).toBe('expanded');
  });
});

describe('toAudit ties the result to its document', () => {
  const document = demoModelDocument();
  const result = computeFootprints(document);
  const refused = (options: unknown, text: string) =>
    expect(() => toAudit(result, options as never)).toThrow(expect.objectContaining({ code: 'invalid_option', message: expect.stringContaining(text) }));

  it('refuses a missing document (its digest was the SHA-256 of "null")', () => {
    refused({}, 'needs options.document');
    refused(undefined, 'needs options.document');
    refused({ document: 'model.yaml' }, 'needs options.document');
  });

  it('refuses a parsed Model and another model\'s document', () => {
    refused({ document: parseModel(document) }, 'is a parsed Model');
    refused({ document: { ...document, id: 'copper-smelter' } }, 'options.document is model "copper-smelter"');
  });

  it('refuses flows that are not a list of flows', () => {
    refused({ document, flows: 'aluminium-ingot' }, 'options.flows is a list');
  });
});
