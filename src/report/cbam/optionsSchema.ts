import { z } from 'zod';
import { CBAM_PERIODS } from './regulation.js';
import type { CbamPeriod } from './types.js';

const decimalText = z.union([z.string(), z.number()]).transform((v) => String(v));

/**
 * A CBAM options file (YAML or JSON) as the CLI reads it: the installation boundary, the goods
 * with their CN codes, and precursors. The regulation period may be given here or on the command
 * line (`--cbam-period`); it must be given somewhere.
 *
 * @example
 * cbamOptionsFileSchema.parse({ goods: [{ flow: 'aluminium-ingot', cn: '7601 10 00' }] });
 */
export const cbamOptionsFileSchema = z.strictObject({
  period: z.enum(Object.keys(CBAM_PERIODS) as [CbamPeriod, ...CbamPeriod[]]).optional(),
  installation: z.array(z.string().min(1)).optional(),
  installationName: z.string().optional(),
  goods: z
    .array(
      z.strictObject({
        flow: z.string().min(1),
        cn: z.string().min(4),
        route: z.enum(['primary-smelting', 'secondary-melting', 'aluminium-products']).optional(),
        otherElementsPercent: decimalText.optional(),
      }),
    )
    .min(1),
  precursors: z
    .array(
      z.strictObject({
        flow: z.string().min(1),
        cn: z.string().optional(),
        see: z.strictObject({ direct: decimalText, indirect: decimalText.optional() }).optional(),
        source: z.string().optional(),
        installation: z.array(z.string().min(1)).optional(),
      }),
    )
    .optional(),
});
export type CbamOptionsFile = z.output<typeof cbamOptionsFileSchema>;
