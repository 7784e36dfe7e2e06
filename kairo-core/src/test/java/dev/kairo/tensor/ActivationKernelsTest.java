package dev.kairo.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The branch-free activation kernels against the plain definitions, edge values included. */
class ActivationKernelsTest {
  private static final float[] EDGES = {
    0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-30f, -1e-30f, 1f, -1f, 3.4e38f, -3.4e38f,
    Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY
  };

  @Test
  void positiveStepIsOneExactlyForPositiveNumbers() {
    for (float x : EDGES) {
      assertThat(ActivationKernels.positiveStep(x)).as("step(%s)", x).isEqualTo(x > 0f ? 1f : 0f);
    }
    assertThat(ActivationKernels.positiveStep(Float.NaN)).isNaN();
  }

  @Test
  void softmaxRowsMatchesTheDefinitionEdgesIncluded() {
    // The rows must equal the definition (with FloatMath's exp and log) bit for bit, ties and
    // an infinite maximum included (inf - inf is NaN there, as in PyTorch).
    float[][] rows = {
      {0.3f, -1.2f}, {-1.2f, 0.3f}, {2f, 2f}, {0f, -0f}, {5f, Float.NEGATIVE_INFINITY},
      {Float.POSITIVE_INFINITY, 1f}, {Float.NaN, 1f}, {1e30f, -1e30f}, {0.1f, 0.7f, -3f}
    };
    for (float[] row : rows) {
      float[] probs = new float[row.length];
      double lse = ActivationKernels.softmaxRows(row, 1, row.length, probs)[0];
      float m = Float.NEGATIVE_INFINITY;
      for (float v : row) {
        m = Math.max(m, v);
      }
      float sum = 0;
      float[] e = new float[row.length];
      for (int j = 0; j < row.length; j++) {
        e[j] = FloatMath.exp(row[j] - m);
        sum += e[j];
      }
      double exactSum = 0;
      for (float v : row) {
        exactSum += Math.exp((double) v - m);
      }
      for (int j = 0; j < row.length; j++) {
        float want = e[j] * (1f / sum);
        // Compared as bits, so NaN equals NaN.
        assertThat(Float.floatToIntBits(probs[j]))
            .as("softmax(%s)[%d] = %s", java.util.Arrays.toString(row), j, probs[j])
            .isEqualTo(Float.floatToIntBits(want));
        if (Float.isFinite(m)) { // and close to softmax in double
          assertThat((double) probs[j]).isCloseTo(Math.exp((double) row[j] - m) / exactSum,
              within(3e-7));
        }
      }
      assertThat(Double.doubleToLongBits(lse)).as("logsumexp(%s) = %s",
          java.util.Arrays.toString(row), lse)
          .isEqualTo(Double.doubleToLongBits(m + (double) FloatMath.log(sum)));
    }
  }

  @Test
  void oneRowInPlaceGivesSoftmaxRowsBits() {
    // softmaxRow on a row inside a larger array, writing over its own input (as a predictor
    // does with a fresh output), must give softmaxRows' bits.
    float[] x = {9f, 0.3f, -1.2f, 2.5f, 0.3f, 7f};
    float[] probs = new float[4];
    ActivationKernels.softmaxRows(java.util.Arrays.copyOfRange(x, 1, 5), 1, 4, probs);
    ActivationKernels.softmaxRow(x, 1, 4, x);
    assertThat(java.util.Arrays.copyOfRange(x, 1, 5)).containsExactly(probs);
    assertThat(x[0]).as("left of the row").isEqualTo(9f);
    assertThat(x[5]).as("right of the row").isEqualTo(7f);
  }

  @Test
  void twoClassRowsGiveTheGeneralPathsBits() {
    // Two classes take a shortcut (one exp per row); a third class at -inf leaves the general
    // path's arithmetic unchanged (e^-inf = 0 adds nothing), so the bits must agree.
    Random rng = new Random(4);
    int rows = 500;
    float[] pairs = new float[2 * rows];
    float[] triples = new float[3 * rows];
    for (int r = 0; r < rows; r++) {
      float a = (float) (rng.nextGaussian() * (r % 7 == 0 ? 40 : 3));
      float b = r % 5 == 0 ? a : (float) (rng.nextGaussian() * 3);
      // Rows whose maximum is infinite or NaN (the shortcut's general arithmetic) and extremes.
      switch (r) {
        case 37: a = Float.POSITIVE_INFINITY; break;
        case 38: b = Float.NaN; break;
        case 100: b = Float.NEGATIVE_INFINITY; break;
        case 101: a = Float.NEGATIVE_INFINITY; b = Float.NEGATIVE_INFINITY; break;
        case 250: a = 1e30f; b = -1e30f; break;
        case 251: a = -0f; b = 0f; break;
        default: break;
      }
      putRow(pairs, triples, r, a, b);
    }
    assertPairsGiveTheGeneralBits(pairs, triples, rows);
  }

  /** Row r as the two logits a, b, and as a, b and a third class at −inf. */
  private static void putRow(float[] pairs, float[] triples, int r, float a, float b) {
    pairs[2 * r] = a;
    pairs[2 * r + 1] = b;
    triples[3 * r] = a;
    triples[3 * r + 1] = b;
    triples[3 * r + 2] = Float.NEGATIVE_INFINITY;
  }

  /**
   * Rows of two logits ({@code pairs}) against the same rows with a third class at −inf
   * ({@code triples}, which take the general path): the same probabilities and log-sum-exps,
   * bit for bit.
   */
  private static void assertPairsGiveTheGeneralBits(float[] pairs, float[] triples, int rows) {
    float[] p2 = new float[2 * rows];
    float[] p3 = new float[3 * rows];
    double[] lse2 = ActivationKernels.softmaxRows(pairs, rows, 2, p2);
    double[] lse3 = ActivationKernels.softmaxRows(triples, rows, 3, p3);
    for (int r = 0; r < rows; r++) {
      assertThat(new float[] {p2[2 * r], p2[2 * r + 1]}).as("%d rows, row %d", rows, r)
          .containsExactly(p3[3 * r], p3[3 * r + 1]);
      assertThat(Double.doubleToLongBits(lse2[r])).as("%d rows, row %d", rows, r)
          .isEqualTo(Double.doubleToLongBits(lse3[r]));
    }
  }

  @Test
  void twoClassRowsAgreeForEveryCountOfRows() {
    // The vector kernel takes whole blocks of rows and the scalar loop the rest: every count
    // from 1 to 40, with a non-finite row in some blocks, must give the general path's bits.
    assertThat(Simd.pairSoftmax() != null).as("the Vector API kernel loads with the module")
        .isEqualTo(Simd.enabled());
    Random rng = new Random(9);
    for (int rows = 1; rows <= 40; rows++) {
      float[] pairs = new float[2 * rows];
      float[] triples = new float[3 * rows];
      for (int r = 0; r < rows; r++) {
        float a = (float) (rng.nextGaussian() * 5);
        float b = rows % 3 == 0 && r == rows / 2 ? Float.NaN : (float) (rng.nextGaussian() * 5);
        putRow(pairs, triples, r, a, b);
      }
      assertPairsGiveTheGeneralBits(pairs, triples, rows);
    }
  }

  @Test
  void reluAndLeakyReluMatchTheirDefinitions() {
    float[] x = values();
    for (float slope : new float[] {0f, 0.01f, 0.25f}) {
      float[] y = ActivationKernels.leakyRectify(Tensor.of(x, x.length), slope).toArray();
      for (int i = 0; i < x.length; i++) {
        float want = x[i] > 0f ? x[i] : (slope == 0f ? 0f : x[i] * slope);
        assertThat(y[i]).as("slope %s at x = %s", slope, x[i]).isEqualTo(want);
      }
    }
  }

  @Test
  void arrayFormsGiveTheTensorFormsBitsAndRefuseMismatchedLengths() {
    float[] x = values();
    float[] g = new float[x.length];
    float[] y = new float[x.length];
    Random r = new Random(5);
    for (int i = 0; i < g.length; i++) {
      g[i] = (float) r.nextGaussian();
      y[i] = r.nextFloat();
    }
    Tensor xt = Tensor.of(x, x.length);
    Tensor gt = Tensor.of(g, g.length);
    Tensor yt = Tensor.of(y, y.length);
    float[] out = new float[x.length];
    ActivationKernels.tanh(x, out);
    assertThat(out).containsExactly(xt.tanh().toArray());
    ActivationKernels.sigmoid(x, out);
    assertThat(out).containsExactly(xt.sigmoid().toArray());
    ActivationKernels.leakyRectify(x, 0.1f, out);
    assertThat(out).containsExactly(ActivationKernels.leakyRectify(xt, 0.1f).toArray());
    ActivationKernels.maskNonPositive(g, x, 0.1f, out);
    assertThat(out).containsExactly(ActivationKernels.maskNonPositive(gt, xt, 0.1f).toArray());
    ActivationKernels.mulOneMinusSquare(g, y, out);
    assertThat(out).containsExactly(ActivationKernels.mulOneMinusSquare(gt, yt).toArray());
    ActivationKernels.mulLogisticSlope(g, y, 0.5f, out);
    assertThat(out).containsExactly(ActivationKernels.mulLogisticSlope(gt, yt, 0.5f).toArray());
    assertThatThrownBy(() -> ActivationKernels.mulOneMinusSquare(g, new float[3], out))
        .hasMessageContaining("must be of one length");
    assertThatThrownBy(() -> ActivationKernels.tanh(x, new float[3]))
        .hasMessageContaining("must be of one length");
  }

  @Test
  void masksPassTheGradientWherePositive() {
    float[] x = values();
    float[] g = new float[x.length];
    Random r = new Random(3);
    for (int i = 0; i < g.length; i++) {
      g[i] = (float) r.nextGaussian();
    }
    for (float slope : new float[] {0f, 0.01f, 0.25f}) {
      float[] d = ActivationKernels.maskNonPositive(Tensor.of(g, g.length), Tensor.of(x, x.length),
          slope).toArray();
      for (int i = 0; i < x.length; i++) {
        float want = x[i] > 0f ? g[i] : g[i] * slope;
        assertThat(d[i]).as("slope %s at x = %s", slope, x[i]).isCloseTo(want,
            org.assertj.core.data.Offset.offset(1e-6f * Math.abs(g[i])));
      }
    }
  }

  /** Random values of both signs, long enough for vector loops, plus the edge values. */
  private static float[] values() {
    Random r = new Random(7);
    float[] x = new float[1000 + EDGES.length];
    for (int i = 0; i < 1000; i++) {
      x[i] = (float) r.nextGaussian();
    }
    System.arraycopy(EDGES, 0, x, 1000, EDGES.length);
    return x;
  }
}
