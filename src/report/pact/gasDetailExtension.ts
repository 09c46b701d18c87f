import { z } from 'zod';
import { nonEmptyString, nonNegativeDecimal, pactDecimal } from './fields.js';

/**
 * Identifier of the JSON Schema of smeltprint's per-gas extension (its `$id`). It is a URN, not a
 * URL, until the schema is published at a stable address; pass `extensionSchemaUrl` to `toPact`
 * to point receivers at a published copy of `gas-detail-extension.schema.json`.
 */
export const GAS_DETAIL_EXTENSION_SCHEMA_ID = 'urn:smeltprint:pact-extension:gas-detail:1.0.0';

/** Version of the PACT Data Model Extensions envelope the extension entry follows (formats.md §1.7). */
export const DATA_MODEL_EXTENSION_SPEC_VERSION = '2.0.0';

/** One gas of the footprint, per declared unit. */
export const gasDetailEntrySchema = z
  .strictObject({
    gas: nonEmptyString.meta({ description: 'smeltprint gas id: CO2, CO2-biogenic, CH4, CH4-non-fossil, N2O, CF4, C2F6, SF6, NF3, or CO2e for already-characterized factors' }),
    group: z.enum(['CO2', 'CH4', 'N2O', 'PFC', 'SF6', 'NF3', 'CO2e']).meta({ description: 'PFC for CF4 and C2F6 (perfluorocarbons from anode effects)' }),
    origin: z.enum(['fossil', 'biogenic']).meta({ description: 'CO2e from secondary factors counts as fossil' }),
    massKg: nonNegativeDecimal.optional().meta({ description: 'kg of the gas per declared unit; absent for CO2e entries, whose mass is already CO2e' }),
    gwp100: pactDecimal.optional().meta({ description: 'GWP100 applied (kg CO2e per kg gas) from the set named in gwpSet; absent for CO2e entries' }),
    co2eKg: pactDecimal.meta({ description: 'kg CO2e per declared unit' }),
    inPcf: z.boolean().meta({ description: 'false for biogenic CO2, which PACT keeps out of pcfExcludingBiogenicUptake' }),
  })
  .meta({ description: 'Mass and CO2e of one greenhouse gas per declared unit' });

/**
 * The `data` of smeltprint's per-gas extension entry: what PACT's core fields cannot carry, such as
 * CF4 and C2F6 separately (formats.md §1.10: "per-gas detail has no core field").
 *
 * @example
 * gasDetailExtensionDataSchema.safeParse(footprint.extensions?.[0]?.data).success
 */
export const gasDetailExtensionDataSchema = z
  .strictObject({
    gwpSet: nonEmptyString.meta({ description: 'smeltprint GWP set id used for co2eKg, e.g. AR6' }),
    gwpSource: nonEmptyString.meta({ description: 'IPCC report and table the GWP100 values are read from' }),
    gases: z.array(gasDetailEntrySchema).meta({ description: 'Every gas with a non-zero amount, sorted by gas id' }),
    pfcCo2eKg: nonNegativeDecimal.meta({ description: 'CF4 + C2F6 in kg CO2e per declared unit' }),
    biogenicCO2EmissionsKg: nonNegativeDecimal.meta({ description: 'biogenic CO2 emitted, kg per declared unit (not part of the PACT pcf)' }),
    primaryData: z
      .strictObject({
        primaryCo2eKg: pactDecimal.meta({ description: 'from model-declared emissions and methods' }),
        secondaryCo2eKg: pactDecimal.meta({ description: 'from secondary emission factors' }),
        unclassifiedCo2eKg: pactDecimal.meta({ description: 'could not be traced to either (loops, explanation size limit); counted as secondary' }),
        sharePercent: pactDecimal.optional(),
        rounding: nonEmptyString.meta({ description: 'how percentages were rounded, e.g. "2 places HALF_EVEN"' }),
      })
      .meta({ description: 'How primaryDataShare was computed' }),
    producedBy: z.strictObject({ tool: z.literal('smeltprint'), version: nonEmptyString }),
  })
  .meta({
    title: 'smeltprint per-gas detail for PACT ProductFootprints',
    description: 'Data of a PACT DataModelExtension: per-gas masses and CO2e (PFCs separately), biogenic CO2 and the primary data split, all per declared unit, decimals as fixed-point strings.',
  });

export type GasDetailExtensionData = z.infer<typeof gasDetailExtensionDataSchema>;

/**
 * The JSON Schema (draft 2020-12) of the extension data, generated from the zod schema; the file
 * `gas-detail-extension.schema.json` beside this module is this value, kept in step by a test.
 *
 * @example
 * gasDetailExtensionJsonSchema().$id // 'urn:smeltprint:pact-extension:gas-detail:1.0.0'
 */
export function gasDetailExtensionJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(gasDetailExtensionDataSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: GAS_DETAIL_EXTENSION_SCHEMA_ID, ...rest };
}
