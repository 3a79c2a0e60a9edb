/**
 * The standard normal distribution to double precision.
 *
 * CDF: `Φ(x) = erfc(−x/√2) / 2`, with erfc from W. J. Cody's rational Chebyshev approximations
 * ("Rational Chebyshev approximations for the error function", Math. Comp. 23, 1969, pp. 631–637;
 * the coefficient sets of netlib SPECFUN CALERF), relative error below 1e-15 over the whole range,
 * tails included: `exp(−y²)` is evaluated as `exp(−ỹ²)·exp(−(y − ỹ)(y + ỹ))` with ỹ = y rounded down
 * to 1/16, so the square's rounding error does not spoil deep-tail probabilities.
 *
 * Inverse: Wichura's algorithm AS 241 PPND16 ("The percentage points of the normal distribution",
 * Applied Statistics 37(3), 1988, pp. 477–484), relative accuracy about 1e-16.
 */

// Cody 1969, erf on |y| ≤ 0.46875.
const ERF_A: readonly number[] = [
  3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315,
];
const ERF_B: readonly number[] = [
  23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171,
];
// Cody 1969, erfc·exp(y²) on 0.46875 < y ≤ 4.
const ERFC_C: readonly number[] = [
  0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769,
  1712.0476126340707, 2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8,
];
const ERFC_D: readonly number[] = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597,
  4362.619090143247, 3439.3676741437216, 1230.3393548037495,
];
// Cody 1969, asymptotic erfc·exp(y²)·y on y > 4, as a rational function of 1/y².
const ERFC_P: readonly number[] = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275, 0.0006587491615298378,
  0.016315387137302097,
];
const ERFC_Q: readonly number[] = [
  2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918,
];
const INV_SQRT_PI = 0.5641895835477563;
/** Beyond this erfc(y) underflows to 0 in double precision. */
const ERFC_UNDERFLOW = 26.543;

/** `exp(−y²)` without the relative error that rounding `y²` would cause for large y. */
function expMinusSquare(y: number): number {
  const head = Math.floor(y * 16) / 16;
  const del = (y - head) * (y + head);
  return Math.exp(-head * head) * Math.exp(-del);
}

/** `exp(−x²/2)`, split the same way (head² / 2 is exact for a multiple of 1/16). */
function expMinusHalfSquare(x: number): number {
  const head = Math.floor(x * 16) / 16;
  const del = (x - head) * (x + head);
  return Math.exp(-0.5 * head * head) * Math.exp(-0.5 * del);
}

/** erf(y) for |y| ≤ 0.46875. */
function erfSmall(y: number): number {
  const z = y * y;
  let num = ERF_A[4] * z;
  let den = z;
  for (let i = 0; i < 3; i++) {
    num = (num + ERF_A[i]) * z;
    den = (den + ERF_B[i]) * z;
  }
  return (y * (num + ERF_A[3])) / (den + ERF_B[3]);
}

/** The scaled complementary error function `erfc(y)·exp(y²)` for y > 0.46875 (smooth, no underflow). */
function erfcScaled(y: number): number {
  if (y <= 4) {
    let num = ERFC_C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + ERFC_C[i]) * y;
      den = (den + ERFC_D[i]) * y;
    }
    return (num + ERFC_C[7]) / (den + ERFC_D[7]);
  }
  const z = 1 / (y * y);
  let num = ERFC_P[5] * z;
  let den = z;
  for (let i = 0; i < 4; i++) {
    num = (num + ERFC_P[i]) * z;
    den = (den + ERFC_Q[i]) * z;
  }
  const tail = (z * (num + ERFC_P[4])) / (den + ERFC_Q[4]);
  return (INV_SQRT_PI - tail) / y;
}

/** erfc(y) for y > 0.46875. */
function erfcLarge(y: number): number {
  return y >= ERFC_UNDERFLOW ? 0 : erfcScaled(y) * expMinusSquare(y);
}

/** The complementary error function `erfc(x) = 1 − erf(x)`, accurate in relative terms for x > 0. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= 0.46875) return 1 - erfSmall(x);
  const upper = erfcLarge(y);
  return x < 0 ? 2 - upper : upper;
}

/**
 * Standard normal CDF `Φ(x) = erfc(−x/√2) / 2`. In the tails the Gaussian factor is computed from x
 * itself, `Φ(−|x|) = erfcScaled(|x|/√2)·exp(−x²/2) / 2`, because erfc's sensitivity to its argument
 * (relative error ≈ 2y² times that of y) would turn the rounding of `x/√2` into a 1e-14 error at
 * x = −20. Φ(−∞) = 0, Φ(+∞) = 1, NaN for NaN.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x) * Math.SQRT1_2;
  if (y <= 0.46875) return 0.5 - 0.5 * erfSmall(-x * Math.SQRT1_2);
  const ax = Math.abs(x);
  const lower = ax >= ERFC_UNDERFLOW * Math.SQRT2 ? 0 : 0.5 * erfcScaled(y) * expMinusHalfSquare(ax);
  return x < 0 ? lower : 1 - lower;
}

/** Standard normal density `φ(x) = exp(−x²/2) / √(2π)`. */
export function normalPdf(x: number): number {
  const ax = Math.abs(x);
  if (ax === Infinity) return 0;
  return 0.3989422804014327 * expMinusHalfSquare(ax);
}

// Wichura 1988, AS 241 PPND16: central region |p − 0.5| ≤ 0.425, in r = 0.180625 − q².
const CENTRAL_A: readonly number[] = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const CENTRAL_B: readonly number[] = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852854,
];
// Intermediate tail, r = sqrt(−ln(min(p, 1 − p))) ≤ 5, polynomial in r − 1.6.
const MID_C: readonly number[] = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const MID_D: readonly number[] = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
];
// Far tail, r > 5, polynomial in r − 5.
const FAR_E: readonly number[] = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 2.7115555687434876e-5, 2.0103343992922881e-7,
];
const FAR_F: readonly number[] = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  1.8463183175100548e-5, 1.421511758316446e-7, 2.0442631033899397e-15,
];

/** Horner evaluation of `c[0] + c[1]·x + … + c[7]·x⁷`. */
function poly7(c: readonly number[], x: number): number {
  let v = c[7];
  for (let i = 6; i >= 0; i--) v = v * x + c[i];
  return v;
}

/**
 * Standard normal quantile `Φ⁻¹(p)` (AS 241). Returns −∞ at p = 0, +∞ at p = 1 and NaN outside
 * [0, 1]. Symmetric by construction: `normalQuantile(1 − p) = −normalQuantile(p)` for exact `1 − p`.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly7(CENTRAL_A, r)) / poly7(CENTRAL_B, r);
  }
  const tail = q < 0 ? p : 1 - p;
  const r = Math.sqrt(-Math.log(tail));
  const magnitude =
    r <= 5 ? poly7(MID_C, r - 1.6) / poly7(MID_D, r - 1.6) : poly7(FAR_E, r - 5) / poly7(FAR_F, r - 5);
  return q < 0 ? -magnitude : magnitude;
}
