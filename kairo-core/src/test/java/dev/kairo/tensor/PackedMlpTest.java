package dev.kairo.tensor;

import static dev.kairo.tensor.PackedMlp.LEAKY_RELU;
import static dev.kairo.tensor.PackedMlp.LINEAR;
import static dev.kairo.tensor.PackedMlp.SIGMOID;
import static dev.kairo.tensor.PackedMlp.TANH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PackedMlpTest {

  /** A chain of stages with random weights, and its forward pass in double precision. */
  private static final class Net {
    final int in;
    final int[] kind;
    final int[] width;
    final float[] slope;
    final float[][] w;
    final float[][] b;

    Net(long seed, int in, int[] kind, int[] width, float[] slope, boolean bias) {
      this.in = in;
      this.kind = kind;
      this.width = width;
      this.slope = slope;
      Random r = new Random(seed);
      w = new float[kind.length][];
      b = new float[kind.length][];
      int fanIn = in;
      for (int s = 0; s < kind.length; s++) {
        if (kind[s] == LINEAR) {
          w[s] = random(r, width[s] * fanIn, 1.0 / Math.sqrt(fanIn));
          b[s] = bias ? random(r, width[s], 0.5) : null;
          fanIn = width[s];
        }
      }
    }

    PackedMlp pack() {
      return PackedMlp.pack(in, kind, width, slope, w, b);
    }

    double[] reference(float[] x, int row) {
      double[] v = new double[in];
      for (int i = 0; i < in; i++) {
        v[i] = x[row * in + i];
      }
      for (int s = 0; s < kind.length; s++) {
        double[] o = new double[width[s]];
        for (int j = 0; j < width[s]; j++) {
          switch (kind[s]) {
            case LINEAR:
              double d = b[s] == null ? 0 : b[s][j];
              for (int k = 0; k < v.length; k++) {
                d += (double) w[s][j * v.length + k] * v[k];
              }
              o[j] = d;
              break;
            case LEAKY_RELU:
              o[j] = v[j] > 0 ? v[j] : slope[s] * v[j];
              break;
            case TANH:
              o[j] = Math.tanh(v[j]);
              break;
            default:
              o[j] = 1 / (1 + Math.exp(-v[j]));
              break;
          }
        }
        v = o;
      }
      return v;
    }
  }

  private static float[] random(Random r, int n, double scale) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) ((2 * r.nextDouble() - 1) * scale);
    }
    return a;
  }

  private static void assertCloseToReference(Net net, float[] x, int rows, float[] y) {
    int out = net.width[net.width.length - 1];
    assertThat(y).hasSize(rows * out);
    for (int r = 0; r < rows; r++) {
      double[] ref = net.reference(x, r);
      for (int j = 0; j < out; j++) {
        assertThat((double) y[r * out + j]).as("row %d output %d", r, j)
            .isCloseTo(ref[j], org.assertj.core.data.Offset.offset(2e-5 + 2e-5 * Math.abs(ref[j])));
      }
    }
  }

  /** Shapes around the vector width, several panels per thread, and every activation. */
  private static List<Net> nets() {
    List<Net> nets = new ArrayList<>();
    nets.add(new Net(1, 784, new int[] {LINEAR, LEAKY_RELU, LINEAR, LEAKY_RELU, LINEAR},
        new int[] {256, 256, 128, 128, 10}, new float[5], true));
    nets.add(new Net(2, 37, new int[] {LINEAR, TANH, LINEAR, SIGMOID, LINEAR},
        new int[] {100, 100, 19, 19, 3}, new float[5], true));
    nets.add(new Net(3, 300, new int[] {LINEAR, LEAKY_RELU, TANH, LINEAR},
        new int[] {1030, 1030, 1030, 17}, new float[] {0, 0.1f, 0, 0}, false));
    nets.add(new Net(4, 5, new int[] {LINEAR, LINEAR, SIGMOID}, new int[] {64, 2, 2},
        new float[3], true));
    nets.add(new Net(5, 16, new int[] {LINEAR}, new int[] {16}, new float[1], true));
    return nets;
  }

  @Test
  void oneSampleAndBatchesMatchADoublePrecisionForwardPass() {
    Random r = new Random(7);
    for (Net net : nets()) {
      PackedMlp mlp = net.pack();
      for (int rows : new int[] {1, 2, 5, 64}) {
        float[] x = random(r, rows * net.in, 2);
        assertCloseToReference(net, x, rows, mlp.forward(x, rows));
      }
    }
  }

  @Test
  void theSameInputGivesTheSameBitsEveryCallAndTheOutputIsNew() {
    Net net = nets().get(0);
    PackedMlp mlp = net.pack();
    float[] x = random(new Random(8), 784, 1);
    float[] first = mlp.forward(x, 1);
    for (int i = 0; i < 500; i++) {
      float[] again = mlp.forward(x, 1);
      assertThat(again).isNotSameAs(first).containsExactly(first);
    }
  }

  @Test
  void theWeightsAreCopiedWhenPacked() {
    Net net = nets().get(1);
    PackedMlp mlp = net.pack();
    float[] x = random(new Random(9), 37, 1);
    float[] before = mlp.forward(x, 1);
    java.util.Arrays.fill(net.w[0], 0f);
    assertThat(mlp.forward(x, 1)).containsExactly(before);
  }

  @Test
  void severalThreadsAtOnceGetEachTheirOwnAnswer() throws Exception {
    Net net = nets().get(0);
    PackedMlp mlp = net.pack();
    Random r = new Random(10);
    float[][] xs = new float[8][];
    float[][] expected = new float[8][];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = random(r, 784, 1);
      expected[i] = mlp.forward(xs[i], 1);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> {
          for (int rep = 0; rep < 300; rep++) {
            int i = rep % xs.length;
            if (!java.util.Arrays.equals(mlp.forward(xs[i], 1), expected[i])) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void badChainsAndInputsAreRefusedWithTheStageAndSizes() {
    Net net = nets().get(1);
    float[][] shortWeight = net.w.clone();
    shortWeight[2] = new float[5];
    assertThatThrownBy(() -> PackedMlp.pack(37, net.kind, net.width, net.slope, shortWeight,
        net.b)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stage 2 maps 100 to 19 values")
        .hasMessageContaining("got 5");
    assertThatThrownBy(() -> PackedMlp.pack(37, new int[] {TANH}, new int[] {3}, new float[1],
        new float[1][], new float[1][])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the first a LINEAR");
    assertThatThrownBy(() -> PackedMlp.pack(37, new int[] {LINEAR, TANH}, new int[] {100, 99},
        new float[2], new float[][] {net.w[0], null}, new float[][] {null, null}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stage 1 (kind 2, width 99) is not an activation of width 100");
    PackedMlp mlp = net.pack();
    assertThatThrownBy(() -> mlp.forward(new float[36], 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PackedMlp: 36 input values for 1 rows of 37");
  }
}
