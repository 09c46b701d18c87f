import { InvalidEncodingError } from '../core/errors.js';

/** Text encodings an activity export may come in. Chinese ERP systems (Kingdee, Yonyou, SAP with a GBK code page) often write GBK. */
export const TEXT_ENCODINGS = ['utf-8', 'gbk'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

/** The hint given for bytes that are not UTF-8 when no other is: what an activity export needs. */
const ACTIVITY_HINT = '; if it comes from a Chinese ERP export, declare encoding: gbk in the mapping';

/**
 * Decodes a file's bytes as `encoding`, strictly: a byte sequence that is not valid in the
 * encoding is an error (`invalid_encoding`) naming the byte offset and line of the first bad
 * sequence, never a silent U+FFFD. A UTF-8 byte order mark is removed; a UTF-16 one is refused
 * with a message saying so (the bytes would otherwise read as a puzzling syntax error). GBK goes
 * through the WHATWG `TextDecoder('gbk')` of Node's full ICU build (the default since Node 13),
 * which decodes GBK as GB18030 does (WHATWG Encoding §10.1). `hint` ends the message for bytes
 * that are not UTF-8 (by default: declare gbk in the mapping, as ERP exports need).
 *
 * @example
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'utf-8') // 'a'
 * decodeText(new Uint8Array([0xb5, 0xe7]), 'gbk') // '电'
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName, file?: string, hint: string = ACTIVITY_HINT): string {
  const where = file === undefined ? '' : `${file}: `;
  const utf16 = utf16ByteOrder(bytes);
  if (utf16 !== undefined) {
    throw new InvalidEncodingError(`${where}the file is ${utf16} (it starts with a ${utf16} byte order mark); save it as ${encoding === 'gbk' ? 'GBK' : 'UTF-8'}`);
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  } catch (error) {
    throw new InvalidEncodingError(`this Node.js build cannot decode ${encoding} (it needs full ICU)`, { cause: error });
  }
  try {
    return decoder.decode(bytes);
  } catch (error) {
    const offset = firstInvalidOffset(bytes, encoding);
    const line = lineAt(bytes, offset);
    const shown = [...bytes.subarray(offset, offset + 4)].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
    throw new InvalidEncodingError(
      `${where}the bytes are not valid ${encoding} at byte ${offset} (line ${line}: ${shown})${encoding === 'utf-8' ? hint : ''}`,
      { cause: error },
    );
  }
}

function utf16ByteOrder(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  return undefined;
}

/**
 * The offset of the first byte sequence that does not decode. The decoder reports no position,
 * so it is found from prefixes: the shortest prefix a streaming decode refuses (a cut-off
 * sequence at its end is not an error then) ends inside the bad sequence, which starts at the
 * last offset before it up to which the bytes decode whole. Only run once decoding has failed.
 */
function firstInvalidOffset(bytes: Uint8Array, encoding: TextEncodingName): number {
  const refuses = (end: number, stream: boolean): boolean => {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, end), { stream });
      return false;
    } catch {
      return true;
    }
  };
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (refuses(middle, true)) high = middle;
    else low = middle + 1;
  }
  // The whole input may fail only because it ends inside a sequence.
  if (low === bytes.length && !refuses(bytes.length, true)) low = bytes.length + 1;
  for (let start = low - 1; start >= Math.max(0, low - 5); start--) if (!refuses(start, false)) return Math.min(start, bytes.length - 1);
  return Math.max(0, Math.min(low - 1, bytes.length - 1));
}

/** The 1-based line of a byte offset (lines end at LF, which no multi-byte sequence of UTF-8 or GBK holds). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let k = 0; k < offset; k++) if (bytes[k] === 0x0a) line += 1;
  return line;
}
