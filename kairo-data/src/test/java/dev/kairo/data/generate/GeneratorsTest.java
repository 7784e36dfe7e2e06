package dev.kairo.data.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kairo.data.TensorDataset;
import dev.kairo.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The statistical generators: shapes, labels, the geometry they promise, seeding. */
class GeneratorsTest {
  @Test
  void quadratic64IsSeed000sData() {
    TensorDataset ds = Generators.quadratic64();
    assertThat(ds.features().shape()).containsExactly(64, 1);
    assertThat(ds.targets().shape()).containsExactly(64, 1);
    float[] x = ds.features().toArray();
    float[] y = ds.targets().toArray();
    assertThat(x[0]).isEqualTo(-1f);
    assertThat(x[1]).isEqualTo(-0.96875f);
    assertThat(x[32]).isEqualTo(0f);
    assertThat(x[63]).isEqualTo(0.96875f);  // [-1, 1): the end is excluded
    for (int i = 0; i < 64; i++) {
      double xi = -1 + i * (2.0 / 64);
      assertThat(x[i]).isEqualTo((float) xi);
      assertThat(y[i]).isEqualTo((float) (2 * xi * xi - 1));
    }
    assertThat(y[0]).isEqualTo(1f);
    assertThat(y[32]).isEqualTo(-1f);
  }

  @Test
  void arangeFollowsNumpy() {
    assertThat(Generators.arange(0, 1, 0.1)).hasSize(10);
    assertThat(Generators.arange(1, 0, -0.25)).containsExactly(1, 0.75, 0.5, 0.25);
    assertThat(Generators.arange(0, 0, 1)).isEmpty();
    assertThatThrownBy(() -> Generators.arange(0, 1, 0)).hasMessageContaining("step");
  }

  @Test
  void regression1dEvaluatesTheFunctionAtEachPoint() {
    TensorDataset ds = Generators.regression1d(Math::sin, Tensor.vector(0f, 1f, 2f));
    assertThat(ds.targets().toArray()).containsExactly((float) Math.sin(0), (float) Math.sin(1),
        (float) Math.sin(2));
    assertThat(ds.features().shape()).containsExactly(3, 1);
    assertThatThrownBy(() -> Generators.regression1d(Math::sin, Tensor.zeros(2, 2)))
        .hasMessageContaining("[2, 2]");
  }

  @Test
  void spiralsHaveBalancedArmsWithRadiusUpToOne() {
    TensorDataset ds = Generators.spirals(301, 3, 0.2, 4);
    assertThat(ds.features().shape()).containsExactly(301, 2);
    int[] counts = new int[3];
    for (int l : ds.labels()) {
      counts[l]++;
    }
    assertThat(counts).containsExactly(101, 100, 100);
    float[] x = ds.features().toArray();
    for (int i = 0; i < 301; i++) {
      assertThat(Math.hypot(x[2 * i], x[2 * i + 1])).isLessThanOrEqualTo(1.0 + 1e-6);
    }
    // The last point of each arm sits on the unit circle.
    assertThat(Math.hypot(x[2 * 100], x[2 * 100 + 1])).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void xorClustersAreBalancedAndLabelledByTheSignsOfTheirCentres() {
    TensorDataset ds = Generators.xor(400, 0.1, 5);
    float[] x = ds.features().toArray();
    int[] y = ds.labels();
    int[] perQuadrant = new int[4];
    for (int i = 0; i < 400; i++) {
      // With noise 0.1 every point stays in its centre's quadrant.
      boolean differ = (x[2 * i] > 0) != (x[2 * i + 1] > 0);
      assertThat(y[i]).as("point %d", i).isEqualTo(differ ? 1 : 0);
      perQuadrant[(x[2 * i] > 0 ? 1 : 0) + (x[2 * i + 1] > 0 ? 2 : 0)]++;
    }
    assertThat(perQuadrant).containsExactly(100, 100, 100, 100);
    // Shuffled: the first 8 labels are not the round-robin pattern 0,1,1,0,...
    assertThat(Arrays.copyOf(y, 8)).isNotEqualTo(new int[] {0, 1, 1, 0, 0, 1, 1, 0});
  }

  @Test
  void xorTruthTableIsExact() {
    TensorDataset t = Generators.xorTruthTable();
    assertThat(t.features().toArray()).containsExactly(0, 0, 0, 1, 1, 0, 1, 1);
    assertThat(t.labels()).containsExactly(0, 1, 1, 0);
  }

  @Test
  void sineWindowsAreShiftedCopiesWithTheNextValueAsTarget() {
    TensorDataset ds = Generators.sineSequences(50, 10, 9);
    assertThat(ds.features().shape()).containsExactly(50, 10, 1);
    assertThat(ds.targets().shape()).containsExactly(50, 1);
    Tensor x = ds.features();
    for (int i = 0; i < 49; i++) {
      assertThat(ds.targets().get(i, 0)).isEqualTo(x.get(i + 1, 9, 0));
      assertThat(x.get(i, 5, 0)).isEqualTo(x.get(i + 1, 4, 0));
    }
    float[] v = x.toArray();
    double max = 0;
    for (float f : v) {
      max = Math.max(max, Math.abs(f));
    }
    assertThat(max).isBetween(0.8, 1.3);  // a unit sine with a little noise
  }

  @Test
  void circlesHaveTheirRadiiWithoutNoise() {
    TensorDataset ds = Generators.makeCircles(40, 0.0, 0.4, 2);
    float[] x = ds.features().toArray();
    int[] y = ds.labels();
    for (int i = 0; i < 40; i++) {
      assertThat(Math.hypot(x[2 * i], x[2 * i + 1])).isCloseTo(y[i] == 0 ? 1.0 : 0.4, within(1e-6));
    }
  }

  @Test
  void blobsGatherAroundTheirCentres() {
    double[][] c = {{5, 5}, {-5, 0}};
    TensorDataset ds = Generators.makeBlobs(2000, c, 0.5, 1);
    float[] x = ds.features().toArray();
    int[] y = ds.labels();
    double[][] sum = new double[2][2];
    int[] n = new int[2];
    for (int i = 0; i < y.length; i++) {
      sum[y[i]][0] += x[2 * i];
      sum[y[i]][1] += x[2 * i + 1];
      n[y[i]]++;
    }
    assertThat(n).containsExactly(1000, 1000);
    for (int k = 0; k < 2; k++) {
      assertThat(sum[k][0] / n[k]).isCloseTo(c[k][0], within(0.05));
      assertThat(sum[k][1] / n[k]).isCloseTo(c[k][1], within(0.05));
    }
  }

  @Test
  void sameSeedSameDataOtherSeedOtherData() {
    assertThat(Generators.xor(20, 0.3, 1).features().toArray())
        .containsExactly(Generators.xor(20, 0.3, 1).features().toArray())
        .isNotEqualTo(Generators.xor(20, 0.3, 2).features().toArray());
    assertThat(Generators.sineSequences(5, 4, 3).features().toArray())
        .containsExactly(Generators.sineSequences(5, 4, 3).features().toArray());
    assertThat(Generators.makeMoons(30, 0.1, 3).features().toArray())
        .isNotEqualTo(Generators.makeMoons(30, 0.1, 4).features().toArray());
  }

  @Test
  void badArgumentsSayWhichAndWhat() {
    assertThatThrownBy(() -> Generators.spirals(10, 0, 0.1, 0)).hasMessageContaining("classes")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> Generators.xor(10, Double.NaN, 0)).hasMessageContaining("NaN");
    assertThatThrownBy(() -> Generators.sineSequences(5, 0, 1)).hasMessageContaining("length 0");
    assertThatThrownBy(() -> Generators.makeBlobs(10, 0, 2, 1.0, 0))
        .hasMessageContaining("0 centers");
  }
}
