package dev.kairo.tensor;

/**
 * {@code exp} and {@code log} in float precision, inline: a handful of multiplies and adds
 * where {@code Math.exp} and {@code Math.log} are calls into a stub of the JVM that work in
 * double and cost about 35 cycles each. Seed 003's network (W5a) spent about a third of its
 * steady-state step in its 2-class softmax before this, most of it in those two calls.
 *
 * <p>The polynomials go through {@code Math.fma}, one instruction on the CPUs Kairo targets
 * (x86-64 since 2013, AArch64), as in {@link JavaGemm}: half the latency of a multiply and an
 * add, and half the time of the whole function (4.3 to 2.0 ns an element).
 *
 * <p>Both follow the textbook reduction: split off a power of two, approximate on a short
 * interval, put the power back. Error against the double-precision functions rounded to float,
 * measured over the whole float range in {@code FloatMathTest}: at most 1 ulp for {@code exp},
 * at most 2 ulp for {@code log}. Special values behave as {@code Math}'s: NaN gives NaN,
 * {@code exp(-inf) = 0}, {@code exp(+inf) = +inf}, {@code log(0) = -inf}, {@code log(x < 0)}
 * is NaN.
 *
 * <pre>{@code
 * float e = FloatMath.exp(-0.5f);   // 0.60653067
 * float l = FloatMath.log(2f);      // 0.6931472
 * }</pre>
 */
final class FloatMath {
  private FloatMath() {}

  // Package-visible: VectorPairSoftmax repeats exp and log lane by lane with these constants.

  static final float LOG2E = 1.44269504088896341f;
  // ln 2 split in two: LN2_HI has few enough bits that k * LN2_HI is exact for |k| <= 150.
  static final float LN2_HI = 0.693359375f;
  static final float LN2_LO = -2.12194440e-4f;
  // 1.5 * 2^23: adding it rounds a float of magnitude < 2^22 to an integer in the low bits.
  static final float ROUNDER = 12582912f;
  static final int ROUNDER_BITS = 0x4B400000;
  /** Above this e^x overflows float. */
  static final float EXP_MAX = 88.72283935546875f;
  /** Below this e^x is under half the smallest subnormal float, so rounds to 0. */
  static final float EXP_MIN = -104f;

  /**
   * e^x. With {@code x = k·ln2 + r}, {@code |r| <= ln2/2}: e^r from its Taylor series to the
   * r^7 term (the first term left out is below 1e-8 of the result), then times 2^k, applied
   * as two halves so that subnormal results and k = 128 need no special case.
   */
  static float exp(float x) {
    float v = x < EXP_MIN ? EXP_MIN : x > EXP_MAX ? EXP_MAX : x; // NaN stays NaN
    float t = Math.fma(v, LOG2E, ROUNDER);
    int k = Float.floatToRawIntBits(t) - ROUNDER_BITS;
    float n = t - ROUNDER;
    float r = Math.fma(-n, LN2_LO, Math.fma(-n, LN2_HI, v));
    float p = 1f / 5040;
    p = Math.fma(p, r, 1f / 720);
    p = Math.fma(p, r, 1f / 120);
    p = Math.fma(p, r, 1f / 24);
    p = Math.fma(p, r, 1f / 6);
    p = Math.fma(p, r, 0.5f);
    p = Math.fma(p, r, 1f);
    p = Math.fma(p, r, 1f);
    int half = k >> 1;
    float y = p * Float.intBitsToFloat((half + 127) << 23)
        * Float.intBitsToFloat((k - half + 127) << 23);
    return x > EXP_MAX ? Float.POSITIVE_INFINITY : y;
  }

  /**
   * The natural logarithm. With {@code x = 2^e·f}, {@code f} in [√½, √2): {@code ln f =
   * 2 atanh(s)} with {@code s = (f − 1)/(f + 1)}, {@code |s| <= 0.172}, from its series to the
   * s^9 term. Zero, negatives, subnormals, infinity and NaN go to {@code Math.log}.
   */
  static float log(float x) {
    if (!(x >= Float.MIN_NORMAL && x <= Float.MAX_VALUE)) {
      return (float) Math.log(x);
    }
    int bits = Float.floatToRawIntBits(x);
    int e = (bits >> 23) - 127;
    float f = Float.intBitsToFloat((bits & 0x007FFFFF) | 0x3F800000); // in [1, 2)
    if (f > 1.41421356f) {
      f *= 0.5f;
      e++;
    }
    float s = (f - 1f) / (f + 1f);
    float s2 = s * s;
    float q = 2f / 9;
    q = Math.fma(q, s2, 2f / 7);
    q = Math.fma(q, s2, 2f / 5);
    q = Math.fma(q, s2, 2f / 3);
    q = Math.fma(q, s2, 2f);
    return Math.fma(e, LN2_HI, Math.fma(s, q, e * LN2_LO));
  }
}
