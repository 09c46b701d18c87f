/**
 * The word pool (pool.ts) in WebAssembly (wasm/pool.c): words of seven digits multiplied as
 * 64-bit integers and carried once per product — several times faster than the same arithmetic
 * on float64 words in JavaScript (kernel.ts), which is what brings the exact acyclic solve near a
 * float64 sparse solve (issue 7).
 *
 * Each pool is an instance of its own with its own memory, so two solves share nothing and a
 * pool's memory goes when it is no longer used. The compiled module (immutable code) is made
 * once. Where WebAssembly is not available, or refuses to compile synchronously (a browser's
 * main thread may), there is no pool and the solve takes the Decimal path: same numbers.
 */
import type { Decimal as DecimalJs } from 'decimal.js';
import { LOG_BASE, digitsOf, internals, make } from './kernel.js';
import { MAX_POOLED_LIMBS, NOT_POOLED, POOL_MAX_EXPONENT, ZERO_REF, type WordPool } from './pool.js';
import { POOL_WASM_BASE64 } from './wasm/poolWasm.js';

type Dec = InstanceType<typeof DecimalJs>;

// The part of the WebAssembly API used here, typed locally: the library compiles without the
// DOM's type library, and a runtime may lack WebAssembly altogether.
interface WasmModule {
  readonly kind: 'module';
}
interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => WasmModule;
  readonly Instance: new (module: WasmModule, imports: object) => { readonly exports: unknown };
}

interface Exports {
  readonly memory: { readonly buffer: ArrayBuffer };
  init(): void;
  base(): number;
  scratch(words: number): number;
  room(words: number): number;
  sumOfRoundedProducts(xs: number, ys: number, count: number): number;
  timesRounded(a: number, b: number): number;
  quotient(a: number, b: number): number;
  sweep(context: number, order: number, count: number): number;
  equations(context: number, shares: number, amounts: number, linkAmounts: number, products: number): void;
}

const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
let compiled: WasmModule | null | undefined;

/** The compiled module, or null where WebAssembly cannot be used here. */
function poolModule(): WasmModule | null {
  if (compiled === undefined) {
    try {
      const text = atob(POOL_WASM_BASE64);
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      compiled = wasm === undefined ? null : new wasm.Module(bytes);
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** A word pool for one solve, or undefined where WebAssembly cannot run here. */
export function newWordPool(Ctor: typeof DecimalJs, zero: Dec): WordPool | undefined {
  const module = poolModule();
  if (module === null) return undefined;
  try {
    return new WasmPool(module, Ctor, zero);
  } catch {
    // An instance can fail where the module compiled (no memory for it): the Decimal path.
    return undefined;
  }
}

/** True when this runtime runs the WebAssembly pool. */
export function hasWasmPool(): boolean {
  return poolModule() !== null;
}

/** A value's header word, as pool.c lays it out: sign in bit 31, length in bits 22–30, top below. */
function header(sign: number, top: number, length: number): number {
  return (sign < 0 ? 0x80000000 : 0) | (length << 22) | (top & 0x3fffff);
}

/**
 * Words the JavaScript side takes from the stream at a time for the values it writes (`ref`):
 * small, as a small solve's whole memory stays with its result.
 */
const CHUNK = 1024;

class WasmPool implements WordPool {
  readonly #exports: Exports;
  readonly #Ctor: typeof DecimalJs;
  readonly #zero: Dec;
  /** Index of the stream's first word in the memory, as 32-bit words. */
  readonly base: number;
  // A view of the instance's whole memory, made again when it grows: growth detaches the old
  // one, which then has length 0 (cheaper to look at than the memory's buffer).
  #memory = new Int32Array(0);
  // Values written by `ref` go to a chunk of the stream taken for them: from #chunkAt, #chunkLeft
  // words left. The module's own values go after its other chunks, so the two never meet.
  #chunkAt = 0;
  #chunkLeft = 0;

  constructor(module: WasmModule, Ctor: typeof DecimalJs, zero: Dec) {
    this.#exports = new wasm!.Instance(module, {}).exports as Exports;
    this.#exports.init();
    this.#Ctor = Ctor;
    this.#zero = zero;
    this.base = this.#exports.base() / 4;
  }

  /** The memory view, made again when the memory has grown. */
  words(): Int32Array {
    if (this.#memory.length === 0) this.#memory = new Int32Array(this.#exports.memory.buffer);
    return this.#memory;
  }

  /** A value written here, in the layout of pool.c: a header word, then the words. */
  ref(x: Dec): number {
    const { s, e, d } = internals(x);
    if (d === null || Math.abs(e) > POOL_MAX_EXPONENT || d.length > MAX_POOLED_LIMBS) return NOT_POOLED;
    if (d[0] === 0) return ZERO_REF;
    const ref = this.#take(1 + d.length);
    if (ref < 0) return NOT_POOLED;
    const memory = this.words();
    const at = this.base + ref;
    memory[at] = header(s, Math.floor(e / LOG_BASE), d.length);
    for (let i = 0; i < d.length; i++) memory[at + 1 + i] = d[i]!;
    return ref;
  }

  /** `size` words (at most CHUNK) from the chunk the JavaScript side writes to: their index, or −1. */
  #take(size: number): number {
    if (this.#chunkLeft < size) {
      const at = this.#exports.scratch(CHUNK);
      if (at < 0) return -1;
      this.#chunkAt = at;
      this.#chunkLeft = CHUNK;
    }
    const at = this.#chunkAt;
    this.#chunkAt += size;
    this.#chunkLeft -= size;
    return at;
  }

  decimal(ref: number): Dec {
    if (ref === ZERO_REF) return this.#zero;
    const memory = this.words();
    const at = this.base + ref;
    const word = memory[at]!;
    const d = new Array<number>((word >>> 22) & 0x1ff);
    for (let i = 0; i < d.length; i++) d[i] = memory[at + 1 + i]!;
    // The top is the low 22 bits, signed; the sign is bit 31.
    const top = (word << 10) >> 10;
    return make(this.#Ctor, word < 0 ? -1 : 1, top * LOG_BASE + digitsOf(d[0]!) - 1, d);
  }

  sum(xs: number, ys: number, count: number): number {
    return this.#checked(this.#exports.sumOfRoundedProducts(4 * (this.base + xs), 4 * (this.base + ys), count));
  }

  timesRounded(a: number, b: number): number {
    return a === NOT_POOLED || b === NOT_POOLED ? NOT_POOLED : this.#checked(this.#exports.timesRounded(a, b));
  }

  quotient(a: number, b: number): number {
    return a === NOT_POOLED || b === NOT_POOLED ? NOT_POOLED : this.#checked(this.#exports.quotient(a, b));
  }

  room(size: number): boolean {
    return this.#exports.room(size) === 1;
  }

  scratch(size: number): number {
    // Small lists from the chunk (the sweep asks for one for every process's items).
    return size <= CHUNK / 4 ? this.#take(size) : this.#exports.scratch(size);
  }

  sweep(context: number, order: number, count: number): number {
    return this.#exports.sweep(4 * (this.base + context), 4 * (this.base + order), count);
  }

  equations(context: number, shares: number, amounts: number, linkAmounts: number, products: number): void {
    const address = (index: number) => 4 * (this.base + index);
    this.#exports.equations(address(context), address(shares), address(amounts), address(linkAmounts), products);
  }

  image(): Int32Array {
    // scratch(0) takes nothing and gives the index where the stream ends.
    const end = this.#exports.scratch(0);
    return this.words().slice(this.base, this.base + end);
  }

  load(image: Int32Array, more: number): boolean {
    // A new stream holds zero's header (word 0) and nothing else: the image starts with the same.
    if (this.#exports.scratch(0) !== 1 || image.length < 1 || image[0] !== 0) return false;
    if (!this.room(image.length - 1 + more)) return false;
    const at = this.#exports.scratch(image.length - 1);
    if (at !== 1) return false;
    this.words().set(image, this.base);
    return true;
  }

  /** −1 from the module is "leave it to decimal.js" (too long, too far apart, or out of memory). */
  #checked(ref: number): number {
    return ref < 0 ? NOT_POOLED : ref;
  }
}
