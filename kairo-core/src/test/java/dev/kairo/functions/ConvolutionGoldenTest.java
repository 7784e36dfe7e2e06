package dev.kairo.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kairo.autograd.Variable;
import dev.kairo.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Forward and all three gradients of one grouped, strided, dilated conv2d and one grouped
 * convTranspose2d with output padding, against values computed independently in float64 by
 * {@code src/test/python/conv_reference.py} (NumPy, strided slices of the padded input; the
 * script checks its own gradients against central differences).
 */
class ConvolutionGoldenTest {
  private static Map<String, float[]> reference() throws IOException {
    Map<String, float[]> out = new HashMap<>();
    for (String line : Files.readAllLines(Paths.get("src/test/resources/conv/reference.txt"))) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String name = line.substring(0, line.indexOf(' '));
      String[] parts = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
      float[] v = new float[parts.length];
      for (int i = 0; i < v.length; i++) {
        v[i] = Float.parseFloat(parts[i]);
      }
      out.put(name, v);
    }
    return out;
  }

  private static Tensor formula(DoubleUnaryOperator f, int... shape) {
    int n = 1;
    for (int s : shape) {
      n *= s;
    }
    float[] d = new float[n];
    for (int i = 0; i < n; i++) {
      d[i] = (float) f.applyAsDouble(i);
    }
    return Tensor.of(d, shape);
  }

  private static void check(String name, Tensor actual, float[] expected) {
    float[] a = actual.toArray();
    assertThat(a).as(name + " size").hasSize(expected.length);
    for (int i = 0; i < a.length; i++) {
      if (Math.abs(a[i] - expected[i]) > 1e-5 + 1e-5 * Math.abs(expected[i])) {
        throw new AssertionError(name + "[" + i + "]: " + a[i] + ", reference " + expected[i]);
      }
    }
  }

  private static void run(String prefix, int[] xs, int[] ws, int outC,
      java.util.function.Function<Variable[], Variable> op) throws IOException {
    Map<String, float[]> ref = reference();
    Variable x = new Variable(formula(i -> Math.sin(0.37 * i + 0.1), xs));
    Variable w = new Variable(formula(i -> 0.5 * Math.cos(0.23 * i + 0.2), ws));
    Variable b = new Variable(formula(i -> 0.1 * i - 0.2, outC));
    Variable y = op.apply(new Variable[] {x, w, b});
    check(prefix + ".y", y.data(), ref.get(prefix + ".y"));
    y.backward(formula(i -> Math.sin(0.11 * i + 0.3), y.shape()));
    check(prefix + ".gx", x.grad(), ref.get(prefix + ".gx"));
    check(prefix + ".gw", w.grad(), ref.get(prefix + ".gw"));
    check(prefix + ".gb", b.grad(), ref.get(prefix + ".gb"));
  }

  @Test
  void conv2dGroupedStridedDilatedMatchesNumPy() throws IOException {
    run("conv2d", new int[] {2, 4, 5, 6}, new int[] {6, 2, 3, 2}, 6,
        v -> F.conv2d(v[0], v[1], v[2], new int[] {2, 1}, new int[] {1, 1}, new int[] {1, 2}, 2));
  }

  @Test
  void convTranspose2dGroupedWithOutputPaddingMatchesNumPy() throws IOException {
    run("convT", new int[] {2, 4, 3, 3}, new int[] {4, 3, 3, 3}, 6,
        v -> F.convTranspose2d(v[0], v[1], v[2], new int[] {2, 2}, new int[] {1, 1},
            new int[] {1, 0}, 2, new int[] {1, 1}));
  }
}
