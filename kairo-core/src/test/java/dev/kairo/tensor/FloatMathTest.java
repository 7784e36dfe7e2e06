package dev.kairo.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * FloatMath against {@code Math} in double rounded to float: every 97th float bit pattern
 * (about 44 million inputs, both signs, subnormals and the ends of the range included) plus the
 * special values.
 */
class FloatMathTest {
  private static final int STRIDE = 97;

  @Test
  void expIsWithinOneUlpOverTheWholeFloatRange() {
    int worst = 0;
    float worstAt = 0;
    for (long bits = 0; bits <= 0xFFFFFFFFL; bits += STRIDE) {
      float x = Float.intBitsToFloat((int) bits);
      if (Float.isNaN(x)) {
        continue;
      }
      int d = ulps(FloatMath.exp(x), (float) Math.exp(x));
      if (d > worst) {
        worst = d;
        worstAt = x;
      }
    }
    assertThat(worst).as("largest error, at x = %s", worstAt).isLessThanOrEqualTo(1);
  }

  @Test
  void logIsWithinTwoUlpOverThePositiveFloats() {
    int worst = 0;
    float worstAt = 0;
    for (long bits = 0; bits <= 0x7F800000L; bits += STRIDE / 2) {
      float x = Float.intBitsToFloat((int) bits);
      int d = ulps(FloatMath.log(x), (float) Math.log(x));
      if (d > worst) {
        worst = d;
        worstAt = x;
      }
    }
    assertThat(worst).as("largest error, at x = %s", worstAt).isLessThanOrEqualTo(2);
  }

  @Test
  void specialValuesBehaveAsMathDoes() {
    assertThat(FloatMath.exp(Float.NaN)).isNaN();
    assertThat(FloatMath.exp(Float.NEGATIVE_INFINITY)).isEqualTo(0f);
    assertThat(FloatMath.exp(Float.POSITIVE_INFINITY)).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(FloatMath.exp(89f)).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(FloatMath.exp(-200f)).isEqualTo(0f);
    assertThat(FloatMath.exp(0f)).isEqualTo(1f);
    assertThat(FloatMath.exp(-0f)).isEqualTo(1f);
    assertThat(FloatMath.exp(1f)).isEqualTo((float) Math.E);
    assertThat(FloatMath.log(Float.NaN)).isNaN();
    assertThat(FloatMath.log(-1f)).isNaN();
    assertThat(FloatMath.log(0f)).isEqualTo(Float.NEGATIVE_INFINITY);
    assertThat(FloatMath.log(-0f)).isEqualTo(Float.NEGATIVE_INFINITY);
    assertThat(FloatMath.log(Float.POSITIVE_INFINITY)).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(FloatMath.log(1f)).isEqualTo(0f);
    assertThat(FloatMath.log(Float.MIN_VALUE)).isEqualTo((float) Math.log(Float.MIN_VALUE));
  }

  /** Distance in units in the last place; results of opposite signs count as far apart. */
  private static int ulps(float got, float want) {
    if (Float.floatToRawIntBits(got) == Float.floatToRawIntBits(want)) {
      return 0;
    }
    if (Float.isNaN(got) || Float.isNaN(want) || Float.isInfinite(got) != Float.isInfinite(want)
        || (got < 0) != (want < 0)) {
      return Integer.MAX_VALUE;
    }
    return Math.abs(Float.floatToRawIntBits(got) - Float.floatToRawIntBits(want));
  }
}
