package dev.kairo.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kairo.data.generate.Generators;
import dev.kairo.tensor.Tensor;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitsTest {
  /** Sample i has feature i, so parts can be traced back to the original indices. */
  private static TensorDataset numbered(int n, int classes) {
    float[] x = new float[n];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
      y[i] = i % classes;
    }
    return new TensorDataset(Tensor.of(x, n, 1), Tensor.of(y, n));
  }

  private static Set<Integer> ids(TensorDataset ds) {
    Set<Integer> out = new HashSet<>();
    for (float f : ds.features().toArray()) {
      out.add((int) f);
    }
    return out;
  }

  @Test
  void partsHaveTheRequestedSizesAndPartitionTheData() {
    Splits.Split s = Splits.builder().validation(0.1).test(0.3).seed(5).split(numbered(200, 2));
    assertThat(s.test().size()).isEqualTo(60);   // 0.3 * 200 is 60.00000000000001 in double
    assertThat(s.validation().size()).isEqualTo(20);
    assertThat(s.train().size()).isEqualTo(120);
    Set<Integer> all = new HashSet<>(ids(s.train()));
    all.addAll(ids(s.validation()));
    all.addAll(ids(s.test()));
    assertThat(all).hasSize(200);
    assertThat(s.train().numClasses()).isEqualTo(2);
  }

  @Test
  void theSeedDecidesThePartsAndShufflesThem() {
    TensorDataset ds = numbered(100, 2);
    Splits.Split a = Splits.trainTest(ds, 0.25, 1);
    Splits.Split b = Splits.trainTest(ds, 0.25, 1);
    Splits.Split c = Splits.trainTest(ds, 0.25, 2);
    assertThat(a.test().features().toArray()).containsExactly(b.test().features().toArray());
    assertThat(ids(a.test())).isNotEqualTo(ids(c.test()));
    float[] train = a.train().features().toArray();
    float[] sorted = train.clone();
    Arrays.sort(sorted);
    assertThat(train).isNotEqualTo(sorted);
    assertThat(a.validation().size()).isZero();
  }

  @Test
  void stratifiedPartsKeepClassProportions() {
    // 3 classes of 60, 30 and 10 samples.
    int n = 100;
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      y[i] = i < 60 ? 0 : i < 90 ? 1 : 2;
    }
    TensorDataset ds = new TensorDataset(Tensor.arange(0, n, 1).reshape(n, 1), Tensor.of(y, n));
    Splits.Split s = Splits.builder().validation(0.2).test(0.2).seed(3).stratified(true).split(ds);
    assertThat(counts(s.test())).containsExactly(12, 6, 2);
    assertThat(counts(s.validation())).containsExactly(12, 6, 2);
    assertThat(counts(s.train())).containsExactly(36, 18, 6);
  }

  @Test
  void stratifiedSplitOfMoonsIsBalancedWithinOne() {
    TensorDataset moons = Generators.makeMoons(201, 0.2, 0);
    Splits.Split s = Splits.stratifiedTrainTest(moons, 0.3, 9);
    int[] c = counts(s.test());
    assertThat(s.test().size()).isEqualTo(61);
    assertThat(Math.abs(c[0] - c[1])).isLessThanOrEqualTo(1);
  }

  @Test
  void indicesWorkForAnyDataset() {
    int[][] parts = Splits.indices(10, null, 0.2, 0.2, 0);
    assertThat(parts[0]).hasSize(6);
    assertThat(parts[1]).hasSize(2);
    assertThat(parts[2]).hasSize(2);
  }

  @Test
  void badFractionsAndNonClassStratificationAreRefused() {
    TensorDataset ds = numbered(10, 2);
    assertThatThrownBy(() -> Splits.builder().validation(0.5).test(0.5).split(ds))
        .hasMessageContaining("0.5").hasMessageContaining("training");
    assertThatThrownBy(() -> Splits.trainTest(ds, -0.1, 0)).hasMessageContaining("-0.1");
    TensorDataset reg = new TensorDataset(Tensor.zeros(4, 1), Tensor.zeros(4, 1));
    assertThatThrownBy(() -> Splits.stratifiedTrainTest(reg, 0.5, 0))
        .hasMessageContaining("class targets").hasMessageContaining("[4, 1]");
  }

  private static int[] counts(TensorDataset ds) {
    int[] c = new int[ds.numClasses()];
    for (int l : ds.labels()) {
      c[l]++;
    }
    return c;
  }
}
