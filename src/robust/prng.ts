/**
 * Seeded pseudo-random numbers: xoshiro128** 1.0 (Blackman & Vigna 2018, public domain), a 32-bit
 * generator with 128 bits of state and period 2^128 − 1, built on `Math.imul` and 32-bit shifts so
 * no BigInt is needed. Its state is seeded from one integer by four rounds of splitmix32 (the
 * 32-bit golden-ratio increment with MurmurHash3's fmix32 finaliser), as Vigna recommends seeding
 * xoshiro with a different generator. Every stochastic routine in this package takes a seed and
 * builds its own instance: there is no shared global generator and no `Math.random`.
 */
export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** Seeds from any finite number: its integer part modulo 2^32 feeds splitmix32. */
  constructor(seed: number) {
    let x = Math.trunc(seed) >>> 0;
    const next = (): number => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    // The all-zero state is the one fixed point; splitmix32 cannot produce it, but guard anyway.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Builds a generator from an explicit 128-bit state (four 32-bit words), for known-answer tests. */
  static fromState(s0: number, s1: number, s2: number, s3: number): Xoshiro128 {
    const g = new Xoshiro128(0);
    g.s0 = s0 >>> 0;
    g.s1 = s1 >>> 0;
    g.s2 = s2 >>> 0;
    g.s3 = s3 >>> 0;
    return g;
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    const s1 = this.s1;
    const product = Math.imul(s1, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  /** Uniform double in [0, 1) with 53 random bits (two 32-bit draws). */
  nextFloat(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /**
   * Uniform integer in [0, n) for 1 ≤ n ≤ 2^32, without modulo bias (Lemire's multiply-and-reject
   * on 32-bit halves would need 64-bit products; plain rejection sampling on the 32-bit draw is used).
   */
  nextInt(n: number): number {
    const limit = 4294967296 - (4294967296 % n); // largest multiple of n ≤ 2^32
    for (;;) {
      const r = this.nextUint32();
      if (r < limit) return r % n;
    }
  }
}
