package dev.kairo.data.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kairo.data.TensorDataset;
import dev.kairo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class TransformsTest {
  // Column 0: 1..4 (mean 2.5, population std sqrt(1.25)); column 1 constant 7.
  private static final Tensor TRAIN = Tensor.matrix(new float[][] {{1, 7}, {2, 7}, {3, 7}, {4, 7}});

  @Test
  void standardizerUsesTrainingMeanAndPopulationStd() {
    Standardizer s = Standardizer.fit(TRAIN);
    assertThat(s.mean().toArray()).containsExactly(2.5f, 7f);
    assertThat(s.std().get(0)).isCloseTo((float) Math.sqrt(1.25), within(1e-7f));
    assertThat(s.std().get(1)).isZero();
    Tensor z = s.transform(TRAIN);
    assertThat(z.get(0, 0)).isCloseTo((float) (-1.5 / Math.sqrt(1.25)), within(1e-6f));
    assertThat(z.mean(new int[] {0}, false).get(0)).isCloseTo(0f, within(1e-6f));
    assertThat(z.variance(new int[] {0}, 0, false).get(0)).isCloseTo(1f, within(1e-6f));
    // The constant feature becomes 0, not NaN.
    assertThat(z.get(2, 1)).isZero();
  }

  @Test
  void fittedStatisticsAreReusedOnNewData() {
    Standardizer s = Standardizer.fit(TRAIN);
    Tensor later = s.transform(Tensor.matrix(new float[][] {{2.5f, 8f}}));
    assertThat(later.toArray()).containsExactly(0f, 1f);   // 8 - 7, divided by 1 for std 0
    Tensor back = s.inverseTransform(s.transform(TRAIN));
    assertThat(back.allClose(TRAIN, 1e-6, 1e-6)).isTrue();
    Standardizer restored = Standardizer.of(s.mean(), s.std());
    assertThat(restored.transform(TRAIN).toArray()).containsExactly(s.transform(TRAIN).toArray());
  }

  @Test
  void datasetsKeepTheirTargets() {
    TensorDataset ds = new TensorDataset(TRAIN, Tensor.vector(0, 1, 0, 1));
    TensorDataset t = Standardizer.fit(ds.features()).transform(ds);
    assertThat(t.labels()).containsExactly(0, 1, 0, 1);
    assertThat(t.numClasses()).isEqualTo(2);
    assertThat(t.features().get(3, 0)).isGreaterThan(1f);
  }

  @Test
  void minMaxMapsTheTrainingRange() {
    MinMaxScaler m = MinMaxScaler.fit(TRAIN);
    Tensor t = m.transform(TRAIN);
    assertThat(t.slice(1, 0, 1).toArray()).containsExactly(0f, 1f / 3, 2f / 3, 1f);
    assertThat(t.slice(1, 1, 2).toArray()).containsOnly(0f);   // constant -> low
    MinMaxScaler sym = MinMaxScaler.fit(TRAIN, -1, 1);
    assertThat(sym.transform(Tensor.matrix(new float[][] {{5.5f, 7}})).toArray())
        .containsExactly(2f, -1f);   // outside the training range: not clipped
    assertThat(sym.inverseTransform(sym.transform(TRAIN)).allClose(TRAIN, 1e-6, 1e-6)).isTrue();
    assertThat(m.dataMin().toArray()).containsExactly(1f, 7f);
    assertThat(m.dataMax().toArray()).containsExactly(4f, 7f);
  }

  @Test
  void perPositionStatisticsForImageShapedFeatures() {
    Tensor images = Tensor.arange(0, 2 * 2 * 2, 1).reshape(2, 2, 2);
    Standardizer s = Standardizer.fit(images);
    assertThat(s.mean().shape()).containsExactly(2, 2);
    assertThat(s.mean().toArray()).containsExactly(2, 3, 4, 5);
    assertThat(s.transform(images).toArray()).containsExactly(-1, -1, -1, -1, 1, 1, 1, 1);
  }

  @Test
  void shapeAndValueProblemsAreNamed() {
    Standardizer s = Standardizer.fit(TRAIN);
    assertThatThrownBy(() -> s.transform(Tensor.zeros(3, 3))).hasMessageContaining("[2]")
        .hasMessageContaining("[3, 3]");
    assertThatThrownBy(() -> Standardizer.fit(Tensor.zeros(0, 2)))
        .hasMessageContaining("0 samples");
    Tensor withNaN = Tensor.matrix(new float[][] {{1, 2}, {Float.NaN, 3}});
    assertThatThrownBy(() -> MinMaxScaler.fit(withNaN)).hasMessageContaining("sample 1")
        .hasMessageContaining("feature 0").hasMessageContaining("NaN");
    assertThatThrownBy(() -> MinMaxScaler.fit(TRAIN, 1, 1)).hasMessageContaining("[1.0, 1.0]");
    assertThatThrownBy(() -> Standardizer.of(Tensor.vector(0), Tensor.vector(-1)))
        .hasMessageContaining("std -1.0");
  }

  @Test
  void oneHotEncodesAndDecodes() {
    Tensor t = OneHot.encode(new int[] {2, 0, 1}, 3);
    assertThat(t.shape()).containsExactly(3, 3);
    assertThat(t.toArray()).containsExactly(0, 0, 1, 1, 0, 0, 0, 1, 0);
    assertThat(OneHot.decode(t)).containsExactly(2, 0, 1);
    assertThat(OneHot.encode(Tensor.vector(1, 0), 2).toArray()).containsExactly(0, 1, 1, 0);
    assertThatThrownBy(() -> OneHot.encode(new int[] {0, 3}, 3)).hasMessageContaining("label 3")
        .hasMessageContaining("index 1").hasMessageContaining("[0, 3)");
    assertThatThrownBy(() -> OneHot.encode(Tensor.vector(0.5f), 2)).hasMessageContaining("0.5");
  }
}
