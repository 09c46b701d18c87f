import { JSON_SCHEMA_NAMES, jsonSchemaText, type JsonSchemaName } from '../schemas/jsonSchemaOf.js';
import { UsageError } from './outputs.js';
import type { CliIo } from './run.js';

/**
 * `smeltprint schema [model|mapping|result|scope2-comparison|monthly]`: prints the JSON Schema (draft 2020-12) of the model
 * document (default), the activity mapping, the `--format json` result, or that result's `--scope2 both` and `--by month` forms.
 *
 * @example
 * await schemaCommand(['mapping'], io) // 0, the mapping schema on stdout
 */
export function schemaCommand(args: readonly string[], io: CliIo): number {
  const which = args[0] ?? 'model';
  if (args.length > 1 || !(JSON_SCHEMA_NAMES as readonly string[]).includes(which)) {
    throw new UsageError(`unknown schema "${args.join(' ')}" (${JSON_SCHEMA_NAMES.join(', ')})`);
  }
  io.stdout(jsonSchemaText(which as JsonSchemaName));
  return 0;
}
