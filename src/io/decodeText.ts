import { SmeltprintError } from '../core/errors.js';

/** Text encodings an activity export may come in. Chinese ERP systems (Kingdee, Yonyou, SAP with a GBK code page) often write GBK. */
export const TEXT_ENCODINGS = ['utf-8', 'gbk'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

/**
 * Decodes a file's bytes as `encoding`, strictly: a byte sequence that is not valid in the
 * encoding is an error (`invalid_encoding`), never a silent U+FFFD. A UTF-8 byte order mark is
 * removed. GBK goes through the WHATWG `TextDecoder('gbk')` of Node's full ICU build (the
 * default since Node 13), which decodes GBK as GB18030 does (WHATWG Encoding §10.1).
 *
 * @example
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'utf-8') // 'a'
 * decodeText(new Uint8Array([0xb5, 0xe7]), 'gbk') // '电'
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName, file?: string): string {
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  } catch (error) {
    throw new SmeltprintError('invalid_encoding', `this Node.js build cannot decode ${encoding} (it needs full ICU)`, { cause: error });
  }
  try {
    return decoder.decode(bytes);
  } catch (error) {
    const where = file === undefined ? '' : `${file}: `;
    const hint = encoding === 'utf-8' ? '; if it comes from a Chinese ERP export, declare encoding: gbk in the mapping' : '';
    throw new SmeltprintError('invalid_encoding', `${where}the bytes are not valid ${encoding}${hint}`, { cause: error });
  }
}
