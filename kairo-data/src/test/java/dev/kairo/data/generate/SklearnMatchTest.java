package dev.kairo.data.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kairo.data.TensorDataset;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * make_moons and friends against scikit-learn 1.2.1 / NumPy 1.24.2, bit for bit in float32.
 * The reference values come from {@code src/test/resources/golden/make_golden.py}; Python is
 * not needed to run these tests.
 */
class SklearnMatchTest {
  private static Golden golden;

  @BeforeAll
  static void load() throws IOException {
    golden = Golden.load();
  }

  /** Every point and label equal, bit for bit. */
  private static void assertSame(TensorDataset ds, Golden.Case c) {
    int n = c.rows().size();
    int f = c.rows().get(0).length;
    assertThat(ds.features().shape()).containsExactly(n, f);
    assertThat(ds.targets().shape()).containsExactly(n);
    float[] x = ds.features().toArray();
    int[] labels = ds.labels();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < f; j++) {
        float want = c.rows().get(i)[j];
        assertThat(Float.floatToIntBits(x[i * f + j]))
            .as("%s %s: point %d coordinate %d: got %s, sklearn %s", c.name(), c.args(), i, j,
                x[i * f + j], want)
            .isEqualTo(Float.floatToIntBits(want));
      }
      assertThat(labels[i]).as("%s %s: label %d", c.name(), c.args(), i)
          .isEqualTo(c.labels().get(i));
    }
  }

  private static double[] columnSums(TensorDataset ds) {
    float[] x = ds.features().toArray();
    int f = ds.features().size(1);
    double[] s = new double[f];
    for (int i = 0; i < x.length; i++) {
      s[i % f] += x[i];
    }
    return s;
  }

  @Test
  void makeMoons200MatchesSklearnSeed003Setup() {
    TensorDataset ds = Generators.makeMoons(200, 0.20, 0);
    // Written out by hand from the "# summary" lines of the golden file, so that a reader can
    // check the numbers against a Python session without running the script.
    assertThat(ds.features().get(0, 0)).isEqualTo(0.7434612f);
    assertThat(ds.features().get(0, 1)).isEqualTo(0.46465632f);
    assertThat(ds.features().get(1, 0)).isEqualTo(1.6575567f);
    assertThat(ds.features().get(1, 1)).isEqualTo(-0.63203156f);
    assertThat(ds.features().get(198, 0)).isEqualTo(0.25919428f);
    assertThat(ds.features().get(198, 1)).isEqualTo(1.0410421f);
    assertThat(ds.features().get(199, 0)).isEqualTo(1.5215205f);
    assertThat(ds.features().get(199, 1)).isEqualTo(-0.1258923f);
    StringBuilder labels = new StringBuilder();
    for (int l : ds.labels()) {
      labels.append(l);
    }
    assertThat(labels.toString()).isEqualTo("0110110101011100010011010111100011011001100110001101"
        + "1010010010101001001011101001101110001100101111011100010010000001011000101001110001111"
        + "010110000110111001011001101110111000011100010111001000000101101");
    double[] sums = columnSums(ds);
    assertThat(sums[0]).isCloseTo(97.18469025131239, within(1e-4));
    assertThat(sums[1]).isCloseTo(51.77337657782114, within(1e-4));
    assertThat(ds.numClasses()).isEqualTo(2);
    assertSame(ds, golden.get("moons 200 0.2 0"));
  }

  @Test
  void makeMoons1000Seed1Matches() {
    TensorDataset ds = Generators.makeMoons(1000, 0.20, 1);
    assertThat(ds.features().get(0, 0)).isEqualTo(0.26291212f);
    assertThat(ds.features().get(0, 1)).isEqualTo(0.2249473f);
    assertThat(ds.features().get(999, 0)).isEqualTo(1.2553532f);
    assertThat(ds.features().get(999, 1)).isEqualTo(0.43164203f);
    double[] sums = columnSums(ds);
    assertThat(sums[0]).isCloseTo(503.6082281907905, within(1e-3));
    assertThat(sums[1]).isCloseTo(251.1674636351356, within(1e-3));
    assertThat(ds.labels()).containsOnly(0, 1);
    assertThat(java.util.Arrays.stream(ds.labels()).sum()).isEqualTo(500);
    assertSame(ds, golden.get("moons 1000 0.2 1"));
  }

  @Test
  void makeMoonsOddCountSeed42Matches() {
    // n odd: the inner moon gets the extra point (n_in = n - n // 2).
    TensorDataset ds = Generators.makeMoons(7, 0.10, 42);
    assertThat(ds.labels()).containsExactly(0, 0, 1, 0, 1, 1, 1);
    assertThat(ds.features().get(0, 0)).isEqualTo(0.888812f);
    assertThat(ds.features().get(0, 1)).isEqualTo(0.031890217f);
    assertThat(ds.features().get(6, 0)).isEqualTo(1.9571954f);
    assertThat(ds.features().get(6, 1)).isEqualTo(0.42575932f);
    double[] sums = columnSums(ds);
    assertThat(sums[0]).isCloseTo(3.579075287845705, within(1e-5));
    assertThat(sums[1]).isCloseTo(1.1243743596543752, within(1e-5));
    assertSame(ds, golden.get("moons 7 0.1 42"));
  }

  @Test
  void makeCirclesMatches() {
    TensorDataset ds = Generators.makeCircles(101, 0.05, 0.5, 3);
    assertSame(ds, golden.get("circles 101 0.05 0.5 3"));
  }

  @Test
  void makeBlobsWithGivenCentersMatches() {
    double[][] centers = {{1.0, 2.0}, {-3.0, 0.5}, {4.0, -4.0}};
    assertSame(Generators.makeBlobs(50, centers, 0.7, 5), golden.get("blobs_centers 50 0.7 5"));
    float[][] floats = {{1f, 2f}, {-3f, 0.5f}, {4f, -4f}};
    assertSame(Generators.makeBlobs(50, floats, 0.7, 5), golden.get("blobs_centers 50 0.7 5"));
  }

  @Test
  void makeBlobsWithCentersFromTheBoxMatches() {
    TensorDataset ds = Generators.makeBlobs(31, 4, 3, 1.5, 9);
    assertSame(ds, golden.get("blobs_box 31 4 3 1.5 9"));
    assertThat(ds.numClasses()).isEqualTo(4);
  }

  @Test
  void spiralsMatchCs231nAfterNpRandomSeed() {
    TensorDataset ds = Generators.spirals(300, 3, 0.2, 0);
    assertSame(ds, golden.get("spirals 300 3 0.2 0"));
  }

  @Test
  void noiseFreeMoonsLieOnTheTwoHalfCircles() {
    TensorDataset ds = Generators.makeMoons(50, 0.0, 11);
    float[] x = ds.features().toArray();
    int[] y = ds.labels();
    for (int i = 0; i < y.length; i++) {
      double cx = y[i] == 0 ? 0 : 1;
      double cy = y[i] == 0 ? 0 : 0.5;
      double r = Math.hypot(x[2 * i] - cx, x[2 * i + 1] - cy);
      assertThat(r).as("point %d", i).isCloseTo(1.0, within(1e-6));
      assertThat(y[i] == 0 ? x[2 * i + 1] >= 0 : x[2 * i + 1] <= 0.5f).isTrue();
    }
  }

  @Test
  void badArgumentsAreNamed() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Generators.makeMoons(-1, 0.1, 0))
        .hasMessageContaining("makeMoons").hasMessageContaining("-1");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Generators.makeMoons(10, -0.1, 0))
        .hasMessageContaining("noise").hasMessageContaining("-0.1");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Generators.makeMoons(10, 0.1, -5))
        .hasMessageContaining("seed").hasMessageContaining("-5");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Generators.makeCircles(10, 0.1, 1.0, 0))
        .hasMessageContaining("factor").hasMessageContaining("1.0");
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> Generators.makeBlobs(10, new double[][] {{1, 2}, {3}}, 1.0, 0))
        .hasMessageContaining("center 1 has 1 coordinates");
  }

  @Test
  void goldenFileHasAllCases() {
    assertThat(golden.cases.keySet()).contains("moons 200 0.2 0", "moons 1000 0.2 1",
        "moons 7 0.1 42");
    assertThat(golden.cases.get("moons 200 0.2 0").rows()).hasSize(200);
    assertThat(golden.values.keySet()).containsAll(List.of("random_sample_seed0",
        "standard_normal_seed123456789", "permutation20_seed4294967295", "randint_0_1000_seed7"));
  }
}
