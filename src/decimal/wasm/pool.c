/*
 * The word pool of src/decimal/wasmPool.ts, compiled to WebAssembly by scripts/build-wasm.mjs
 * (clang --target=wasm32; the bytes are committed in poolWasm.ts, so installing or building the
 * package needs no compiler). It does what sumOfRoundedProducts in kernel.ts does on float64
 * words in JavaScript — the exact sum of products each rounded to 34 significant digits,
 * half-even — with 64-bit integers: a product's columns are summed first and carried once (a
 * float column needs a correction at every carry, and the carries wait on each other), which
 * makes a product several times faster. It also multiplies and divides (timesRounded, quotient).
 *
 * The words are decimal.js's own — seven decimal digits, aligned to the decimal point — so a
 * value goes in and out by copying (wasmPool.ts writes and reads the stream itself). Values live
 * in one stream of 32-bit words after the module's own data: a header word (sign, top, length)
 * and the words, most significant first: value = sign × Σ w[i] × 10^(7 × (top − i)). A value's
 * reference is the index of its header; reference 0 is zero (length 0). Values never change
 * once written. Nothing here is read across calls but the stream, which only grows.
 */

typedef unsigned long long u64;
typedef long long i64;
typedef unsigned int u32;
typedef int i32;

#define BASE 10000000u
#define LOG_BASE 7
#define PRECISION 34
/* Longest operand of a product or quotient: 40 words (280 digits), as `product` is sized and as
 * wasmPool.ts takes values in. The pool's own sums can be longer (up to MAX_SUM_LIMBS words);
 * a product or quotient with one of those is left to decimal.js (−1). */
#define MAX_LIMBS 40
/* Largest word exponent of a value or a product (10^7 digits), as the header holds it in 22
 * bits; anything beyond is left to decimal.js, which takes exponents up to 9 × 10^15. */
#define MAX_TOP 1428571
/* The last word of a rounded product (34 digits from a first word at index 1 or 2). */
#define MAX_ROUNDED_LIMB 7
/* Widest sum of words (1,960 digits), as sumOfRoundedProducts in kernel.ts. */
#define MAX_SUM_LIMBS 280
#define MAX_TERMS 1000000
/* A value's header is one word: the sign in bit 31, the length (up to 511 words) in bits 22–30,
 * the top (a signed 22-bit number) below. A third of the memory of three words, which matters
 * to the host: it answers every 64 MB of memory outside its heap with a major collection. */
#define HEADER 1
#define SIGN(v) ((v)[0] >> 31 ? -1 : 1)
#define LENGTH(v) ((i32)(((v)[0] >> 22) & 0x1ffu))
#define TOP(v) (((i32)((v)[0] << 10)) >> 10)

static u32 header(i32 sign, i32 top, i32 length) {
  return (sign < 0 ? 0x80000000u : 0u) | ((u32)length << 22) | ((u32)top & 0x3fffffu);
}

extern unsigned char __heap_base;

static u32 *stream;
static u32 used;
static u32 capacity;

static const u64 POW10[13] = {1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull,
                              100000000ull, 1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull};

static u64 product[2 * MAX_LIMBS + 2];
static i64 acc[MAX_SUM_LIMBS + 2];

static u32 bytes_available(void) {
  return (u32)(((u64)__builtin_wasm_memory_size(0) * 65536 - (u64)(unsigned long)stream) / 4);
}

/* Room for n more words in the stream, growing the memory by a quarter or what is needed
 * (growth is in place; the memory counts towards the host's garbage collection and stays as
 * long as a result reads its values, so small solves keep small memories); 0 when the memory
 * cannot grow. */
static int reserve(u32 n) {
  if ((u64)used + n <= capacity) return 1;
  u64 needed = (u64)(unsigned long)stream + ((u64)used + n) * 4;
  u64 pages = __builtin_wasm_memory_size(0);
  u64 have = pages * 65536;
  u64 more = needed > have ? (needed - have + 65535) / 65536 : 0;
  u64 step = pages / 4 > 1 ? pages / 4 : 1;
  if (step < more) step = more;
  if (pages + step > 65536 || __builtin_wasm_memory_grow(0, (unsigned long)step) == (unsigned long)-1) {
    if (more > 0 && __builtin_wasm_memory_grow(0, (unsigned long)more) == (unsigned long)-1) return 0;
  }
  capacity = bytes_available();
  return (u64)used + n <= capacity;
}

/* The sweep's lists are in the stream (see `sweep` below): a new stream has none. */
static void forget_sweep(void);

__attribute__((export_name("init"))) void init(void) {
  forget_sweep();
  stream = (u32 *)((((unsigned long)&__heap_base) + 7) & ~7ul);
  used = 0;
  capacity = bytes_available();
  reserve(HEADER);
  stream[0] = 0;
  used = HEADER;
}


/* Room for n more words before the memory must grow again: 1, or 0 when it cannot grow. */
__attribute__((export_name("room"))) i32 room(u32 n) { return reserve(n); }

/* Byte address of the stream: references are word indices from here. */
__attribute__((export_name("base"))) u32 base(void) { return (u32)(unsigned long)stream; }

/* Room for n words that are no value (the caller's term lists): their word index, or −1. */
__attribute__((export_name("scratch"))) i32 scratch(u32 n) {
  if (!reserve(n)) return -1;
  u32 at = used;
  used += n;
  return (i32)at;
}

/* A new value of words w[from..to) (most significant first), the first of exponent `top`,
 * trimmed of zero words at both ends: its reference, 0 for zero, −1 out of memory. */
static i32 store(i32 sign, const i64 *w, i32 from, i32 to, i32 top) {
  while (from < to && w[from] == 0) {
    from++;
    top--;
  }
  while (to > from && w[to - 1] == 0) to--;
  if (from == to) return 0;
  i32 length = to - from;
  if (!reserve(HEADER + (u32)length)) return -1;
  u32 at = used;
  stream[at] = header(sign, top, length);
  for (i32 i = 0; i < length; i++) stream[at + HEADER + i] = (u32)w[from + i];
  used += HEADER + (u32)length;
  return (i32)at;
}

/* The words of a × b in product[2..n) (product[1] the carry out, product[0] zero); returns n.
 * Columns are summed first (each below 40 × 10^14) and carried in one pass after. */
static inline __attribute__((always_inline)) i32 exact_product_of(const u32 *a, i32 la, const u32 *b, i32 lb) {
  i32 n = la + lb + 1;
  for (i32 k = la + lb - 2; k >= 0; k--) {
    u64 t = 0;
    i32 from = k < lb ? 0 : k - lb + 1;
    i32 to = k < la ? k : la - 1;
    for (i32 i = from; i <= to; i++) t += (u64)a[i] * b[k - i];
    product[k + 2] = t;
  }
  u64 carry = 0;
  for (i32 k = la + lb; k >= 2; k--) {
    u64 t = product[k] + carry;
    carry = t / BASE;
    product[k] = t - carry * BASE;
  }
  product[1] = carry;
  product[0] = 0;
  return n;
}

/*
 * exact_product_of, with the loops unrolled for the lengths the solve meets most: values of
 * 34 digits and their exact sums are five or six words, amounts and emissions one or two. The
 * unrolled products take about a third of the time of the general loop.
 */
static i32 exact_product(const u32 *a, i32 la, const u32 *b, i32 lb) {
#define SIZES(x, y) \
  if (la == x && lb == y) return exact_product_of(a, x, b, y);
  SIZES(5, 5) SIZES(5, 6) SIZES(6, 5) SIZES(6, 6)
  SIZES(1, 5) SIZES(5, 1) SIZES(1, 6) SIZES(6, 1)
  SIZES(2, 5) SIZES(5, 2) SIZES(2, 6) SIZES(6, 2)
  SIZES(4, 5) SIZES(5, 4) SIZES(4, 6) SIZES(6, 4)
#undef SIZES
  return exact_product_of(a, la, b, lb);
}

/* Decimal digits of a word below BASE (1 for 0), without branches: the leading words of
 * products vary at random, and branches on them were mispredicted about half the time. */
static i32 digits_of(u64 word) {
  return 1 + (word >= 10) + (word >= 100) + (word >= 1000) + (word >= 10000) + (word >= 100000) + (word >= 1000000);
}

/* word / 10^j for a word below 2^24 and 1 ≤ j ≤ 7, as (word × M) >> S: M = ⌈2^S / 10^j⌉ with
 * S = 32 + ⌈log2 10^j⌉ is exact for every such word (the error times the word stays below 2^S;
 * checked for every word up to BASE when the table was made). A division by a divisor that is not
 * a constant costs the host a hardware division. */
static const u64 TENTHS_M[8] = {0, 6871947674ull, 5497558139ull, 4398046512ull, 7036874418ull, 5629499535ull, 4503599628ull, 7205759404ull};
static const u32 TENTHS_S[8] = {0, 36, 39, 42, 46, 49, 52, 56};

/*
 * Where a product's words product[0..n) are cut at 34 significant digits: `start` is its first
 * non-zero word (product[1] or product[2]); the kept digits are the words from there to cut − 1
 * and the first `partial` digits of word cut (none with partial 0). Returns cut.
 */
static inline i32 cut_of(i32 *start, i32 *partial) {
  *start = 2 - (product[1] != 0);
  /* The digits kept after the first word's: 27 to 33, three or four whole words, then `partial`
   * digits of the next. */
  i32 keep = PRECISION - digits_of(product[*start]);
  i32 full = keep / LOG_BASE;
  *partial = keep - LOG_BASE * full;
  return *start + full + 1;
}

/*
 * Word cut of product[0..n) rounded half-even at its `partial`-th digit: its kept digits, plus
 * one unit of the last kept digit when the rest (of it and the words after) is over half, or is
 * half and that digit is odd — the last of word cut − 1 with partial 0.
 */
static inline u64 rounded_cut(i32 n, i32 cut, i32 partial) {
  const u64 *r = product;
  i32 j = LOG_BASE - partial;
  u64 divisor = POW10[j];
  u64 kept = (r[cut] * TENTHS_M[j]) >> TENTHS_S[j];
  u64 rest = r[cut] - kept * divisor;
  u64 half = divisor >> 1;
  int up = rest > half;
  if (rest == half) {
    int sticky = 0;
    for (i32 k = cut + 1; k < n && !sticky; k++) sticky = r[k] != 0;
    up = sticky || ((partial == 0 ? r[cut - 1] : kept) & 1);
  }
  return (kept + (u64)up) * divisor;
}

/*
 * Adds sign × (product[0..n) rounded to 34 significant digits, half-even) into acc, word k at
 * acc[shift + k]: the same rounding as addRoundedScratch in kernel.ts. product[1] or product[2]
 * is the first non-zero word. The kept digits are the words from there to cut − 1 and the first
 * `partial` digits of word cut (none with partial 0); the rounding adds one unit of the last kept
 * digit there, and a carry out of it stays in acc for the normalization.
 */
static void add_rounded(i32 shift, i64 sign, i32 n) {
  const u64 *r = product;
  i32 start, partial;
  i32 cut = cut_of(&start, &partial);
  i64 *to = acc + shift;
  if (cut >= n) {
    for (i32 k = start; k < n; k++) to[k] += sign * (i64)r[k];
    return;
  }
  to[start] += sign * (i64)r[start];
  to[start + 1] += sign * (i64)r[start + 1];
  to[start + 2] += sign * (i64)r[start + 2];
  to[start + 3] += sign * (i64)r[start + 3];
  /* The fifth whole word when there is one (else word cut, which gets its kept part below). */
  to[start + 4] += cut - start == 5 ? sign * (i64)r[start + 4] : 0;
  to[cut] += sign * (i64)rounded_cut(n, cut, partial);
}

/* Terms of a sum whose words and carries all stay within 32 bits: each word of acc is then a sum
 * of at most this many words of at most BASE, |acc[k]| ≤ SMALL_SUM × BASE, and a carry is at most
 * SMALL_SUM + 1 in size; with BIAS added, a word and its carry lie in [0.7, 3.3] × 10^9. */
#define SMALL_SUM 128
#define BIAS_WORDS 200
#define BIAS (BIAS_WORDS * BASE)

/*
 * The value of the signed word sums acc[0..width) (acc[k] of exponent high + 1 − k), carried
 * into words, as a new value: its reference, 0 for zero, −1 out of memory. `small`: the sum has
 * at most SMALL_SUM terms, and the carries are done in 32 bits: the word plus BIAS (a multiple
 * of BASE) is below 2^32, and divided by BASE as (t × 3602879702) >> 55, exact for every 32-bit
 * t (⌈2^55 / 10^7⌉ × 10^7 − 2^55 < 2^23) — the carry loop waits on each division, and a signed
 * 64-bit one costs the host about twice as much.
 */
static i32 store_sum(i32 width, i32 high, int small) {
  i64 carry = 0;
  if (small) {
    i32 c = 0;
    for (i32 k = width - 1; k >= 0; k--) {
      u32 t = (u32)(i32)acc[k] + (u32)c + (u32)BIAS;
      i32 q = (i32)(((u64)t * 3602879702ull) >> 55);
      acc[k] = (i64)(t - (u32)q * BASE);
      c = q - BIAS_WORDS;
    }
    carry = c;
  } else {
    for (i32 k = width - 1; k >= 0; k--) {
      i64 t = acc[k] + carry;
      i64 q = t / (i64)BASE;
      if (t - q * (i64)BASE < 0) q--;
      acc[k] = t - q * (i64)BASE;
      carry = q;
    }
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
  return store(sign, acc, 0, width, high + 1);
}

/*
 * The exact sum of xs[t] × ys[t] (references, t < count; xs and ys byte addresses), each product
 * rounded to 34 significant digits, half-even, as a new value: its reference, 0 for zero, −1
 * when the products are too far apart or too many (the caller then uses decimal.js) or the
 * memory is full. The bounds and layout are those of sumOfRoundedProducts in kernel.ts.
 */
__attribute__((export_name("sumOfRoundedProducts"))) i32 sum_of_rounded_products(const i32 *xs, const i32 *ys, i32 count) {
  if (count > MAX_TERMS) return -1;
  i32 high = 0;
  i32 low = 0;
  int any = 0;
  for (i32 t = 0; t < count; t++) {
    const u32 *a = stream + xs[t];
    const u32 *b = stream + ys[t];
    if (LENGTH(a) == 0 || LENGTH(b) == 0) continue;
    if (LENGTH(a) > MAX_LIMBS || LENGTH(b) > MAX_LIMBS) return -1;
    i32 top = TOP(a) + TOP(b) + 2;
    if (top > MAX_TOP || top < -MAX_TOP) return -1;
    i32 length = LENGTH(a) + LENGTH(b);
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
    if (LENGTH(a) == 0 || LENGTH(b) == 0) continue;
    i32 n = exact_product(a + HEADER, LENGTH(a), b + HEADER, LENGTH(b));
    /* Word k of the product (exponent top − k, top = a.top + b.top + 2) goes to acc[high + 1 − top + k]. */
    add_rounded(high - 1 - TOP(a) - TOP(b), (i64)SIGN(a) * SIGN(b), n);
  }
  return store_sum(width, high, count <= SMALL_SUM);
}

/*
 * a × b rounded to 34 significant digits, half-even: the sum of one product, made without the
 * sums' word frame — the product's words rounded where they are and stored (about half the time
 * of the general sum; the equations make one for every link).
 */
__attribute__((export_name("timesRounded"))) i32 times_rounded(i32 aref, i32 bref) {
  const u32 *a = stream + aref;
  const u32 *b = stream + bref;
  if (LENGTH(a) == 0 || LENGTH(b) == 0) return 0;
  if (LENGTH(a) > MAX_LIMBS || LENGTH(b) > MAX_LIMBS) return -1;
  i32 top = TOP(a) + TOP(b) + 2;
  if (top > MAX_TOP || top < -MAX_TOP) return -1;
  i32 n = exact_product(a + HEADER, LENGTH(a), b + HEADER, LENGTH(b));
  /* Word k of the product has exponent top − k; product[1] or product[2] is the first non-zero. */
  u64 *r = product;
  i32 start, partial;
  i32 cut = cut_of(&start, &partial);
  i32 end = n;
  if (cut < n) {
    r[cut] = rounded_cut(n, cut, partial);
    end = cut + 1;
    /* A word of BASE carries into the one before (up to product[0], zero until then). */
    for (i32 k = cut; k > 0 && r[k] == BASE; k--) {
      r[k] = 0;
      r[k - 1]++;
    }
  }
  /* store leaves out the zero words in front (the exponent of product[0] is top). */
  return store(SIGN(a) * SIGN(b), (const i64 *)r, 0, end, top);
}

/*
 * a / b rounded to 34 significant digits, half-even, for a divisor of up to twelve significant
 * digits (most amounts have far fewer): its reference, 0 when a is zero, −1 when b is zero or
 * longer (the caller then divides with decimal.js).
 */
__attribute__((export_name("quotient"))) i32 quotient(i32 aref, i32 bref) {
  const u32 *a = stream + aref;
  const u32 *b = stream + bref;
  i32 lb = LENGTH(b);
  if (lb == 0 || lb > 3 || LENGTH(a) > MAX_LIMBS) return -1;
  if (LENGTH(a) == 0) return 0;
  i32 shift = TOP(a) - TOP(b);
  if (shift > MAX_TOP || shift < -MAX_TOP) return -1;
  /* b = v × BASE^(b.top − lb + 1), v its words as one integer, then trailing zero digits out:
   * b = v × 10^ev. */
  u64 v = 0;
  for (i32 i = 0; i < lb; i++) {
    if (v >= POW10[12]) return -1;
    v = v * BASE + b[HEADER + i];
  }
  i32 ev = LOG_BASE * (TOP(b) - lb + 1);
  while (v % 10 == 0) {
    v /= 10;
    ev++;
  }
  if (v >= POW10[12]) return -1;
  /* a / 10^ev: with ev = 7q + m (0 ≤ m < 7), the numerator's words times 10^(7 − m) keep the
   * exponent of their last word, and the quotient is shifted by −q − 1 words (by −q for m = 0).
   * The numerator's words, times that, go to acc (most significant first, acc[0] a carry). */
  i32 q = ev >= 0 ? ev / LOG_BASE : -((-ev + LOG_BASE - 1) / LOG_BASE);
  i32 m = ev - LOG_BASE * q;
  i32 la = LENGTH(a);
  u64 scale = m == 0 ? 1 : POW10[LOG_BASE - m];
  u64 carry = 0;
  for (i32 i = la - 1; i >= 0; i--) {
    u64 t = (u64)a[HEADER + i] * scale + carry;
    carry = t / BASE;
    acc[1 + i] = (i64)(t - carry * BASE);
  }
  acc[0] = (i64)carry;
  i32 n = la + 1;
  /* Exponent of acc[0] (the numerator's first word carries into it), less the shift. */
  i32 high = TOP(a) + 1 - q - (m == 0 ? 0 : 1);
  /* Quotient word i, of exponent high − i, goes to product[1 + i]. The first or the second
   * non-zero word of the quotient is among the first three (acc[0] may be zero, and acc[1] may
   * be below v); ten words hold 34 digits from there and the rounding digit, and every word of
   * the numerator is used, so the remainder decides the rest. */
  i32 words = n > 10 ? n : 10;
  u64 rest = 0;
  for (i32 i = 0; i < words; i++) {
    u64 t = rest * BASE + (i < n ? (u64)acc[i] : 0);
    product[1 + i] = t / v;
    rest = t - product[1 + i] * v;
  }
  /* Leading zero words out, so that product[1] is the first non-zero word. */
  i32 lead = 1;
  while (product[lead] == 0) lead++;
  i32 count = 0;
  for (i32 i = lead; i < 1 + words; i++) product[1 + count++] = product[i];
  high -= lead - 1;
  product[0] = 0;
  /* A word below all the others stands for the remainder: only whether it is zero matters. */
  product[1 + count] = rest != 0;
  i32 width = count + 2;
  for (i32 k = 0; k < width; k++) acc[k] = 0;
  add_rounded(0, (i64)SIGN(a) * SIGN(b), width);
  /* acc[k] holds product[k], of exponent high + 1 − k. */
  return store_sum(width, high, 1);
}


/*
 * The acyclic sweep of src/graph/sweep.ts, product after product in one call: a product's
 * footprint is Σ perUnit × its process's item cells + Σ coefficient × its providers' footprint
 * cells, key by key — the keys numbered in the order they first appear among those terms, a
 * key's CO2e one sum with its mass when every term's CO2e is its mass — each sum that of
 * sum_of_rounded_products. Gathering and grouping the terms here rather than in the host took
 * about a sixth of the time out of a 10,000-process solve.
 *
 * The state lives in the stream, at word indices the host keeps in a context of CTX_FIELDS
 * words (sweep.ts lays it out): per product, its per-unit factor (−1: not pooled, 0: zero), its
 * process, the start of its links (one more entry than products), and where its footprint cells
 * are and how many (−1: not solved, or not pooled); per link, its provider and coefficient (−1:
 * not pooled, 0: zero); per process, where its item cells are (−1: not pooled) and how many.
 * Cells are blocks of the stream, three words a cell: key id, mass and CO2e references.
 */
#define CTX_PER_UNIT 0
#define CTX_PROCESS_OF 1
#define CTX_LINK_START 2
#define CTX_PROVIDERS 3
#define CTX_COEFFICIENTS 4
#define CTX_ITEM_START 5
#define CTX_ITEM_COUNT 6
#define CTX_CELL_START 7
#define CTX_CELL_COUNT 8
#define CTX_FIELDS 9

#define AT(ctx, field) ((i32 *)(stream + (ctx)[field]))

/* A product's terms and its keys' slots, in lists of the stream that grow as needed. */
static i32 *term_slot, *term_mass, *term_co2e, *term_factor;
static i32 *group_mass, *group_co2e, *group_factor;
static u32 term_room;
static i32 *slot_of_key, *key_stamp;
static u32 key_room;
static i32 *slot_key, *slot_shared, *group_end;
static i32 stamp;

/* n words of the stream, or 0 when the memory cannot grow. */
static i32 *take(u32 n) {
  i32 at = scratch(n);
  return at < 0 ? 0 : (i32 *)(stream + at);
}

static int terms_fit(u32 n) {
  if (n == 0) n = 1;
  if (n <= term_room) return 1;
  u32 size = n > 2 * term_room ? n : 2 * term_room;
  /* Term and slot lists in one piece (a product has at most as many slots as terms): taken
   * apart, a failure to take the second left term_room larger than the slots' room. */
  i32 *lists = take(10 * size + 1);
  if (!lists) return 0;
  term_slot = lists;
  term_mass = lists + size;
  term_co2e = lists + 2 * size;
  term_factor = lists + 3 * size;
  group_mass = lists + 4 * size;
  group_co2e = lists + 5 * size;
  group_factor = lists + 6 * size;
  slot_key = lists + 7 * size;
  slot_shared = lists + 8 * size;
  group_end = lists + 9 * size;
  term_room = size;
  return 1;
}

/* Slots for key ids below n; the stamps of new ones are zero, below every product's. */
static int keys_fit(u32 n) {
  if (n <= key_room) return 1;
  u32 size = n > 2 * key_room ? n : 2 * key_room;
  i32 *lists = take(2 * size);
  if (!lists) return 0;
  for (u32 i = 0; i < key_room; i++) {
    lists[i] = slot_of_key[i];
    lists[size + i] = key_stamp[i];
  }
  for (u32 i = key_room; i < size; i++) lists[size + i] = 0;
  slot_of_key = lists;
  key_stamp = lists + size;
  key_room = size;
  return 1;
}

/* Adds a term to the product's list (room for it checked before); its key's slot numbered at
 * its first appearance. Returns the slot count. */
static i32 add_term(i32 slots, i32 t, i32 key, i32 mass, i32 co2e, i32 factor) {
  i32 slot;
  if (key_stamp[key] == stamp) {
    slot = slot_of_key[key];
  } else {
    slot = slots++;
    key_stamp[key] = stamp;
    slot_of_key[key] = slot;
    slot_key[slot] = key;
    slot_shared[slot] = 1;
  }
  if (co2e != mass) slot_shared[slot] = 0;
  term_slot[t] = slot;
  term_mass[t] = mass;
  term_co2e[t] = co2e;
  term_factor[t] = factor;
  return slots;
}

/* Adds the terms of the `count` cells of the block at `cells`, each times `factor`; the slot
 * count, −1 when there is no memory for the keys. */
static i32 add_cells(i32 slots, i32 *t, i32 cells, i32 count, i32 factor) {
  const i32 *cell = (const i32 *)(stream + cells);
  for (i32 c = 0; c < count; c++, cell += 3) {
    if ((u32)cell[0] >= key_room && !keys_fit((u32)cell[0] + 1)) return -1;
    slots = add_term(slots, (*t)++, cell[0], cell[1], cell[2], factor);
  }
  return slots;
}

/* Solves product p: 1, or 0 when it is one the host must solve with Decimals. */
static int sweep_product(i32 *ctx, i32 p) {
  i32 per_unit = AT(ctx, CTX_PER_UNIT)[p];
  if (per_unit < 0) return 0;
  const i32 *link_start = AT(ctx, CTX_LINK_START);
  const i32 *providers = AT(ctx, CTX_PROVIDERS);
  const i32 *coefficients = AT(ctx, CTX_COEFFICIENTS);
  i32 *cell_start = AT(ctx, CTX_CELL_START);
  i32 *cell_count = AT(ctx, CTX_CELL_COUNT);
  /* The terms' count first, and whether everything they need is pooled. */
  i32 items = 0, item_count = 0;
  if (per_unit != 0) {
    i32 process = AT(ctx, CTX_PROCESS_OF)[p];
    items = AT(ctx, CTX_ITEM_START)[process];
    if (items < 0) return 0;
    item_count = AT(ctx, CTX_ITEM_COUNT)[process];
  }
  u32 count = (u32)item_count;
  for (i32 l = link_start[p]; l < link_start[p + 1]; l++) {
    i32 k = coefficients[l];
    if (k == 0) continue;
    i32 q = providers[l];
    if (cell_start[q] < 0 || k < 0) return 0;
    count += (u32)cell_count[q];
  }
  if (!terms_fit(count)) return 0;
  stamp++;
  i32 slots = 0;
  i32 t = 0;
  /* A zero factor scales a vector to nothing: its keys do not appear. */
  if (per_unit != 0) slots = add_cells(slots, &t, items, item_count, per_unit);
  for (i32 l = link_start[p]; l < link_start[p + 1] && slots >= 0; l++) {
    i32 k = coefficients[l];
    if (k == 0) continue;
    i32 q = providers[l];
    slots = add_cells(slots, &t, cell_start[q], cell_count[q], k);
  }
  if (slots < 0) return 0;
  /* The terms grouped by slot, in order within each (a stable counting sort). */
  for (i32 s = 0; s <= slots; s++) group_end[s] = 0;
  for (i32 i = 0; i < t; i++) group_end[term_slot[i] + 1]++;
  for (i32 s = 0; s < slots; s++) group_end[s + 1] += group_end[s];
  for (i32 i = 0; i < t; i++) {
    i32 at = group_end[term_slot[i]]++;
    group_mass[at] = term_mass[i];
    group_co2e[at] = term_co2e[i];
    group_factor[at] = term_factor[i];
  }
  /* group_end[s] is now where slot s ends. The sums, then the block of cells after them. */
  i32 from = 0;
  for (i32 s = 0; s < slots; s++) {
    i32 to = group_end[s];
    i32 m = sum_of_rounded_products(group_mass + from, group_factor + from, to - from);
    if (m < 0) return 0;
    i32 c = slot_shared[s] ? m : sum_of_rounded_products(group_co2e + from, group_factor + from, to - from);
    if (c < 0) return 0;
    /* The sums' references wait in the term lists, which are free again. */
    term_mass[s] = m;
    term_co2e[s] = c;
    from = to;
  }
  i32 block = scratch(3 * (u32)slots);
  if (block < 0) return 0;
  i32 *cell = (i32 *)(stream + block);
  for (i32 s = 0; s < slots; s++, cell += 3) {
    cell[0] = slot_key[s];
    cell[1] = term_mass[s];
    cell[2] = term_co2e[s];
  }
  cell_start[p] = block;
  cell_count[p] = slots;
  return 1;
}

/* Solves products order[0 .. count) in turn (each one's providers solved before it): how many
 * were solved before one the host must solve with Decimals (count when all were). */
__attribute__((export_name("sweep"))) i32 sweep(i32 *ctx, const i32 *order, i32 count) {
  for (i32 i = 0; i < count; i++) {
    if (!sweep_product(ctx, order[i])) return i;
  }
  return count;
}

static void forget_sweep(void) {
  term_room = 0;
  key_room = 0;
  stamp = 0;
}

/*
 * The sweep's equations, into the context's lists: per product p, per-unit factor
 * shares[p] / amounts[p], and per link l of it, coefficient link_amounts[l] × that factor, each
 * rounded to 34 digits (quotient, times_rounded); −1 where an operand is −1 or the result is one
 * the pool leaves to decimal.js (the host then makes it). One call for every product: a call
 * from the host for each division and product took longer than the arithmetic.
 */
__attribute__((export_name("equations"))) void equations(i32 *ctx, const i32 *shares, const i32 *amounts, const i32 *link_amounts, i32 products) {
  i32 *per_unit = AT(ctx, CTX_PER_UNIT);
  const i32 *link_start = AT(ctx, CTX_LINK_START);
  i32 *coefficients = AT(ctx, CTX_COEFFICIENTS);
  for (i32 p = 0; p < products; p++) {
    i32 factor = shares[p] < 0 || amounts[p] < 0 ? -1 : quotient(shares[p], amounts[p]);
    per_unit[p] = factor;
    for (i32 l = link_start[p]; l < link_start[p + 1]; l++) {
      coefficients[l] = link_amounts[l] < 0 || factor < 0 ? -1 : times_rounded(link_amounts[l], factor);
    }
  }
}
