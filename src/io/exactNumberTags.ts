import type { ScalarTag, Tags } from 'yaml';
import { Decimal, isDecimalText } from '../decimal/decimal.js';

const INT_TAG = 'tag:yaml.org,2002:int';
const FLOAT_TAG = 'tag:yaml.org,2002:float';

/**
 * A plain number scalar as data, without losing digits: a JS number when that number's shortest
 * text is the same decimal as the source (what JSON.parse would give), otherwise the source text
 * itself, which `toDecimal` reads exactly. `0.1000000000000000000001` and
 * `12345678901234567890123` stay text; `0.42` and `1350000` become numbers.
 *
 * @example
 * exactNumberValue('0.42') // 0.42
 * exactNumberValue('0.1000000000000000000001') // '0.1000000000000000000001'
 */
export function exactNumberValue(source: string): number | string {
  const text = source.trim();
  const value = Number(text);
  if (Number.isFinite(value) && new Decimal(String(value)).eq(new Decimal(text))) return value;
  return text;
}

function isScalarTag(tag: Tags[number]): tag is ScalarTag {
  return typeof tag === 'object' && !('nodeClass' in tag && tag.nodeClass !== undefined) && 'resolve' in tag && tag.test !== undefined;
}

function exactTag(tag: ScalarTag): ScalarTag {
  return {
    ...tag,
    resolve(source, onError, options) {
      if (isDecimalText(source)) return exactNumberValue(source);
      if (tag.tag === INT_TAG) {
        // Hexadecimal and octal integers (0x1F, 0o17) are read exactly through BigInt.
        try {
          return exactNumberValue(BigInt(source).toString());
        } catch {
          // not a form BigInt reads: leave it to the schema's own tag
        }
      }
      return tag.resolve(source, onError, options);
    },
  };
}

/**
 * Replaces the YAML schema's int and float tags with ones that keep every digit (see
 * `exactNumberValue`); pass as `customTags` to the `yaml` parser. `.inf` and `.nan` still
 * resolve to Infinity and NaN, which the model schema then rejects as not finite.
 *
 * @example
 * parseDocument('amount: 0.1000000000000000000001', { customTags: exactNumberTags }).toJS()
 * // { amount: '0.1000000000000000000001' }
 */
export function exactNumberTags(tags: Tags): Tags {
  return tags.map((tag) => (isScalarTag(tag) && (tag.tag === INT_TAG || tag.tag === FLOAT_TAG) ? exactTag(tag) : tag));
}
