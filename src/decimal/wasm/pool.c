/*
 * The word pool of src/decimal/wasmPool.ts, compiled to WebAssembly by scripts/build-wasm.mjs
 * (clang --target=wasm32; the bytes are committed in poolWasmBytes.ts, so installing the package
 * needs no compiler). It does what DecimalPool in pool.ts does in JavaScript — the exact sum of
 * products each rounded to 34 significant digits, half-even — on words of nine decimal digits
 * held in 32 bits, whose products a 64-bit integer holds exactly: a 34-digit operand is four or
 * five words instead of five or six, and a word product is one integer multiplication instead
 * of a float multiplication whose exactness costs a correction at every carry.
 *
 * Values live in one stream of 32-bit words after the module's own data: a header (sign, top,
 * length) and the words, most significant first. value = sign × Σ w[i] × 10^(9 × (top − i)).
 * A value's reference is the index of its header; reference 0 is zero (length 0). Values never
 * change once written. Nothing here is read across calls but the stream, which only grows.
 */

typedef unsigned long long u64;
typedef long long i64;
typedef unsigned int u32;
typedef int i32;

#define BASE 1000000000u
#define PRECISION 34
/* Longest operand: 16 words, so a column of a product (at most 16 word products below 10^18,
 * and a carry) stays below 2^64. */
#define MAX_LIMBS 16
/* The last word of a rounded product (34 digits from a first word at index 1 or 2). */
#define MAX_ROUNDED_LIMB 6
/* Widest sum of words (1,980 digits), as the JavaScript pool's 280 words of seven. */
#define MAX_SUM_LIMBS 220
#define MAX_TERMS 1000000
#define HEADER 3

extern unsigned char __heap_base;

static u32 *stream;
static u32 used;
static u32 capacity;

static const u32 POW10[10] = {1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u, 100000000u, 1000000000u};

/* Conversions in and out: a decimal.js value (sign, exponent, words of seven digits). */
static i32 io[64];
static u64 product[2 * MAX_LIMBS + 2];
static i64 acc[MAX_SUM_LIMBS + 2];
static u64 digits[MAX_SUM_LIMBS + 2];

__attribute__((export_name("io"))) i32 *io_pointer(void) { return io; }

/* Room for n more words in the stream, growing the memory (at least doubling it); 0 when the
 * memory cannot grow. */
static int reserve(u32 n) {
  if ((u64)used + n <= capacity) return 1;
  u64 needed = (u64)(unsigned long)stream + ((u64)used + n) * 4;
  u64 pages = __builtin_wasm_memory_size(0);
  u64 have = pages * 65536;
  u64 more = (needed - have + 65535) / 65536;
  u64 doubling = more < pages ? pages : more;
  if (pages + doubling > 65536) doubling = 65536 - pages;
  if (doubling < more || __builtin_wasm_memory_grow(0, (unsigned long)doubling) == (unsigned long)-1) {
    if (__builtin_wasm_memory_grow(0, (unsigned long)more) == (unsigned long)-1) return 0;
  }
  capacity = (u32)(((u64)__builtin_wasm_memory_size(0) * 65536 - (u64)(unsigned long)stream) / 4);
  return 1;
}

__attribute__((export_name("init"))) void init(void) {
  stream = (u32 *)((((unsigned long)&__heap_base) + 7) & ~7ul);
  used = 0;
  capacity = (u32)(((u64)__builtin_wasm_memory_size(0) * 65536 - (u64)(unsigned long)stream) / 4);
  reserve(HEADER);
  stream[0] = 0;
  stream[1] = 0;
  stream[2] = 0;
  used = HEADER;
}

/* Byte address of the stream: references are word indices from here. */
__attribute__((export_name("base"))) u32 base(void) { return (u32)(unsigned long)stream; }

/* Room for n words that are no value (the caller's term lists); their word index, or −1. */
__attribute__((export_name("scratch"))) i32 scratch(u32 n) {
  if (!reserve(n)) return -1;
  u32 at = used;
  used += n;
  return (i32)at;
}

static i32 floor_div(i32 a, i32 b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

static i32 digits_of(u64 word) {
  i32 n = 1;
  while (n < 10 && word >= POW10[n]) n++;
  return n;
}

/* A new value from little-endian words m[0..n) of base `BASE` whose first has exponent `low`
 * (in words): trimmed of zero words at both ends. Reference, 0 for zero, −1 out of memory. */
static i32 store(i32 sign, const u64 *m, i32 n, i32 low) {
  i32 from = 0;
  while (n > 0 && m[n - 1] == 0) n--;
  while (from < n && m[from] == 0) from++;
  if (from == n) return 0;
  i32 length = n - from;
  if (!reserve(HEADER + (u32)length)) return -1;
  u32 at = used;
  stream[at] = (u32)sign;
  stream[at + 1] = (u32)(low + n - 1);
  stream[at + 2] = (u32)length;
  for (i32 i = 0; i < length; i++) stream[at + HEADER + i] = (u32)m[n - 1 - i];
  used += HEADER + (u32)length;
  return (i32)at;
}

/*
 * m × multiplier + add for little-endian words of base `radix`, in place: the new length.
 * Words stay below 2^64 as multiplier < 2^32 and words < radix ≤ 10^9.
 */
static i32 multiply_add(u64 *m, i32 n, u64 radix, u64 multiplier, u64 add) {
  u64 carry = add;
  for (i32 j = 0; j < n; j++) {
    u64 t = m[j] * multiplier + carry;
    m[j] = t % radix;
    carry = t / radix;
  }
  while (carry > 0) {
    m[n++] = carry % radix;
    carry /= radix;
  }
  return n;
}

/*
 * Reads io = [sign, e, length, words of seven digits…] (decimal.js's representation) into a
 * value: its reference, 0 for zero, −1 when it is longer than the pool takes or out of memory.
 */
__attribute__((export_name("fromSevens"))) i32 from_sevens(void) {
  i32 sign = io[0];
  i32 e = io[1];
  i32 length = io[2];
  if (length == 0 || io[3] == 0) return 0;
  if (length > 18) return -1;
  /* Exponent (in digits) of the last word's units, and the nine-digit grid just below it. */
  i32 low7 = 7 * (floor_div(e, 7) - length + 1);
  i32 low9 = floor_div(low7, 9);
  i32 n = 0;
  for (i32 i = 0; i < length; i++) n = multiply_add(digits, n, BASE, 10000000u, (u64)io[3 + i]);
  n = multiply_add(digits, n, BASE, POW10[low7 - 9 * low9], 0);
  if (n > MAX_LIMBS) return -1;
  return store(sign, digits, n, low9);
}

/* Writes value `ref` into io as decimal.js holds it: [sign, e, length, words of seven digits…]. */
__attribute__((export_name("toSevens"))) void to_sevens(i32 ref) {
  const u32 *v = stream + ref;
  i32 length = (i32)v[2];
  i32 low9 = 9 * ((i32)v[1] - length + 1);
  i32 low7 = floor_div(low9, 7);
  i32 n = 0;
  for (i32 i = 0; i < length; i++) n = multiply_add(digits, n, 10000000u, BASE, v[HEADER + i]);
  n = multiply_add(digits, n, 10000000u, POW10[low9 - 7 * low7], 0);
  i32 from = 0;
  while (digits[from] == 0) from++;
  io[0] = (i32)v[0];
  io[1] = 7 * (low7 + n - 1) + digits_of(digits[n - 1]) - 1;
  io[2] = n - from;
  for (i32 i = 0; i < n - from; i++) io[3 + i] = (i32)digits[n - 1 - i];
}

/* The words of a × b in product[2..n) (product[1] the carry out, product[0] zero); returns n. */
static i32 exact_product(const u32 *a, i32 la, const u32 *b, i32 lb) {
  i32 n = la + lb + 1;
  u64 carry = 0;
  for (i32 k = la + lb - 2; k >= 0; k--) {
    u64 t = carry;
    i32 from = k < lb ? 0 : k - lb + 1;
    i32 to = k < la ? k : la - 1;
    for (i32 i = from; i <= to; i++) t += (u64)a[i] * b[k - i];
    carry = t / BASE;
    product[k + 2] = t - carry * BASE;
  }
  product[1] = carry;
  product[0] = 0;
  return n;
}

static i32 store_sum(i32 width, i32 high);

/* Adds sign × (the product rounded to 34 digits, half-even) into acc, word k at acc[shift + k]. */
static void add_rounded(i32 shift, i64 sign, i32 n) {
  const u64 *r = product;
  i32 start = r[1] != 0 ? 1 : 2;
  i32 keep = PRECISION - digits_of(r[start]);
  i32 full = keep / 9;
  i32 partial = keep - 9 * full;
  i32 last = partial == 0 ? start + full : start + full + 1;
  if (last >= n) {
    for (i32 k = start; k < n; k++) acc[shift + k] += sign * (i64)r[k];
    return;
  }
  for (i32 k = start; k < last; k++) acc[shift + k] += sign * (i64)r[k];
  u64 divisor, kept, rest;
  i32 below;
  if (partial == 0) {
    divisor = BASE;
    kept = r[last];
    rest = last + 1 < n ? r[last + 1] : 0;
    below = last + 2;
  } else {
    divisor = POW10[9 - partial];
    kept = r[last] / divisor;
    rest = r[last] - kept * divisor;
    below = last + 1;
  }
  u64 half = divisor / 2;
  int up = rest > half;
  if (rest == half) {
    int sticky = 0;
    for (i32 k = below; k < n && !sticky; k++) sticky = r[k] != 0;
    up = sticky || (kept & 1);
  }
  u64 word = partial == 0 ? kept + (u64)up : (kept + (u64)up) * divisor;
  acc[shift + last] += sign * (i64)word;
}

/*
 * The exact sum of xs[t] × ys[t] (references, t < count; xs and ys byte addresses), each product
 * rounded to 34 significant digits, half-even, as a new value: its reference, 0 for zero, −1
 * when the products are too far apart or too many (the caller then uses decimal.js) or the
 * memory is full.
 */
__attribute__((export_name("sumOfRoundedProducts"))) i32 sum_of_rounded_products(const i32 *xs, const i32 *ys, i32 count) {
  if (count > MAX_TERMS) return -1;
  i32 high = 0;
  i32 low = 0;
  int any = 0;
  for (i32 t = 0; t < count; t++) {
    const u32 *a = stream + xs[t];
    const u32 *b = stream + ys[t];
    if (a[2] == 0 || b[2] == 0) continue;
    i32 top = (i32)a[1] + (i32)b[1] + 2;
    i32 length = (i32)(a[2] + b[2]);
    i32 lowest = top - (length < MAX_ROUNDED_LIMB ? length : MAX_ROUNDED_LIMB);
    if (!any || top > high) high = top;
    if (!any || lowest < low) low = lowest;
    any = 1;
  }
  if (!any) return 0;
  if ((i64)high - low + 2 > MAX_SUM_LIMBS) return -1;
  i32 width = high - low + 2;
  for (i32 k = 0; k < width; k++) acc[k] = 0;
  for (i32 t = 0; t < count; t++) {
    const u32 *a = stream + xs[t];
    const u32 *b = stream + ys[t];
    if (a[2] == 0 || b[2] == 0) continue;
    i32 n = exact_product(a + HEADER, (i32)a[2], b + HEADER, (i32)b[2]);
    /* Word k of the product (exponent top − k, top = a.top + b.top + 2) goes to acc[high + 1 − top + k]. */
    add_rounded(high - 1 - (i32)a[1] - (i32)b[1], (i64)(i32)a[0] * (i32)b[0], n);
  }
  return store_sum(width, high);
}

/*
 * The value of the signed word sums acc[0..width) (acc[k] of exponent high + 1 − k), carried
 * into words, as a new value: its reference, 0 for zero, −1 out of memory.
 */
static i32 store_sum(i32 width, i32 high) {
  i64 carry = 0;
  for (i32 k = width - 1; k >= 0; k--) {
    i64 t = acc[k] + carry;
    i64 q = t / (i64)BASE;
    if (t - q * (i64)BASE < 0) q--;
    acc[k] = t - q * (i64)BASE;
    carry = q;
  }
  i32 sign = 1;
  if (carry < 0) {
    /* The words hold BASE^width + value: their complement plus one is the magnitude. */
    sign = -1;
    for (i32 k = 0; k < width; k++) acc[k] = (i64)BASE - 1 - acc[k];
    i32 k = width - 1;
    acc[k]++;
    while (acc[k] == (i64)BASE && k > 0) {
      acc[k] = 0;
      acc[--k]++;
    }
  }
  for (i32 k = 0; k < width; k++) digits[width - 1 - k] = (u64)acc[k];
  return store(sign, digits, width, high + 1 - (width - 1));
}

static i32 one_x[1];
static i32 one_y[1];

/* a × b rounded to 34 significant digits, half-even (a sum of one product). */
__attribute__((export_name("timesRounded"))) i32 times_rounded(i32 a, i32 b) {
  one_x[0] = a;
  one_y[0] = b;
  return sum_of_rounded_products(one_x, one_y, 1);
}

/*
 * a / b rounded to 34 significant digits, half-even, for a divisor of up to nine significant
 * digits (as most amounts are): its reference, 0 when a is zero, −1 when b is zero or longer
 * (the caller then divides with decimal.js).
 */
__attribute__((export_name("quotient"))) i32 quotient(i32 aref, i32 bref) {
  const u32 *a = stream + aref;
  const u32 *b = stream + bref;
  if (b[2] == 0 || b[2] > 2) return -1;
  if (a[2] == 0) return 0;
  /* b = v × 10^ev with v an integer of at most nine digits. */
  u64 v = b[2] == 1 ? b[HEADER] : (u64)b[HEADER] * BASE + b[HEADER + 1];
  i32 ev = 9 * ((i32)b[1] - (i32)b[2] + 1);
  while (v % 10 == 0) {
    v /= 10;
    ev++;
  }
  if (v >= BASE) return -1;
  /* a / 10^ev = (a × 10^(9 − m)) × BASE^(−q − 1) for ev = 9q + m, 0 < m < 9 (no shift for m = 0):
   * the numerator's words, little-endian, times 10^(9 − m), keep the exponent of their last. */
  i32 q = floor_div(ev, 9);
  i32 m = ev - 9 * q;
  i32 la = (i32)a[2];
  for (i32 i = 0; i < la; i++) digits[i] = a[HEADER + la - 1 - i];
  i32 n = m == 0 ? la : multiply_add(digits, la, BASE, POW10[9 - m], 0);
  i32 high = (i32)a[1] + (n - la) - q - (m == 0 ? 0 : 1);
  /* Quotient word i, of exponent high − i, goes to product[1 + i]. The first or the second is
   * non-zero (the first word of the numerator is); eight words hold 34 digits from the first
   * non-zero one and the rounding digit, and every word of the numerator is used, so the
   * remainder decides the rest. */
  i32 words = n > 8 ? n : 8;
  u64 rest = 0;
  for (i32 i = 0; i < words; i++) {
    u64 t = rest * BASE + (i < n ? digits[n - 1 - i] : 0);
    product[1 + i] = t / v;
    rest = t - product[1 + i] * v;
  }
  product[0] = 0;
  /* A word below all the others stands for the remainder: only whether it is zero matters. */
  product[1 + words] = rest != 0;
  i32 width = words + 2;
  for (i32 k = 0; k < width; k++) acc[k] = 0;
  add_rounded(0, (i64)(i32)a[0] * (i32)b[0], width);
  /* acc[k] holds product[k], of exponent high + 1 − k. */
  return store_sum(width, high);
}
