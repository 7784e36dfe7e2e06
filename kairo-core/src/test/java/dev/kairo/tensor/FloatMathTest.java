package dev.kairo.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleUnaryOperator;
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
    // NaN inputs are left out here (the bit patterns above +inf): specialValues covers NaN.
    assertWithinUlps(FloatMath::exp, Math::exp, 0xFFFFFFFFL, STRIDE, 1);
  }

  @Test
  void logIsWithinTwoUlpOverThePositiveFloats() {
    assertWithinUlps(FloatMath::log, Math::log, 0x7F800000L, STRIDE / 2, 2);
  }

  /**
   * Sweeps the float bit patterns 0, stride, 2·stride, ... up to {@code lastBits}, skipping
   * NaNs, and asserts {@code f} stays within {@code maxUlps} of {@code reference} rounded to
   * float; the message names the input of the largest error.
   */
  private static void assertWithinUlps(FloatUnaryOperator f, DoubleUnaryOperator reference,
      long lastBits, int stride, int maxUlps) {
    int worst = 0;
    float worstAt = 0;
    for (long bits = 0; bits <= lastBits; bits += stride) {
      float x = Float.intBitsToFloat((int) bits);
      if (Float.isNaN(x)) {
        continue;
      }
      int d = ulps(f.apply(x), (float) reference.applyAsDouble(x));
      if (d > worst) {
        worst = d;
        worstAt = x;
      }
    }
    assertThat(worst).as("largest error, at x = %s", worstAt).isLessThanOrEqualTo(maxUlps);
  }

  private interface FloatUnaryOperator {
    float apply(float x);
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
