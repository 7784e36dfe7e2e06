package dev.kairo.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kairo.tensor.Tensor;
import org.junit.jupiter.api.Test;

class TensorDatasetTest {
  private static TensorDataset sixRows() {
    float[] x = new float[6 * 3];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    return new TensorDataset(Tensor.of(x, 6, 3), Tensor.vector(0, 1, 2, 0, 1, 2));
  }

  @Test
  void gathersRowsInTheGivenOrderAsFreshCopies() {
    TensorDataset ds = sixRows();
    Tensor xb = ds.features(new int[] {4, 0, 4});
    assertThat(xb.shape()).containsExactly(3, 3);
    assertThat(xb.toArray()).containsExactly(12, 13, 14, 0, 1, 2, 12, 13, 14);
    assertThat(ds.targets(new int[] {4, 0}).toArray()).containsExactly(1, 0);
    xb.set(99f, 0, 0);
    assertThat(ds.features().get(4, 0)).isEqualTo(12f);  // the dataset is untouched
  }

  @Test
  void classTargetsGiveLabelsAndClassCount() {
    TensorDataset ds = sixRows();
    assertThat(ds.hasClassTargets()).isTrue();
    assertThat(ds.numClasses()).isEqualTo(3);
    assertThat(ds.labels()).containsExactly(0, 1, 2, 0, 1, 2);
    assertThat(ds.featureShape()).containsExactly(3);
    assertThat(ds.targetShape()).isEmpty();
    Batch b = ds.batch(new int[] {2, 5});
    assertThat(b.labels()).containsExactly(2, 2);
    assertThat(b.size()).isEqualTo(2);
    assertThat(b.indices()).containsExactly(2, 5);
  }

  @Test
  void subsetKeepsTheClassCountEvenWhenAClassIsAbsent() {
    TensorDataset sub = sixRows().subset(0, 3);
    assertThat(sub.labels()).containsExactly(0, 0);
    assertThat(sub.numClasses()).isEqualTo(3);
  }

  @Test
  void regressionTargetsHaveNoLabels() {
    TensorDataset ds = new TensorDataset(Tensor.zeros(4, 2), Tensor.zeros(4, 1));
    assertThat(ds.hasClassTargets()).isFalse();
    assertThat(ds.targetShape()).containsExactly(1);
    assertThatThrownBy(ds::labels).hasMessageContaining("[4, 1]");
    assertThatThrownBy(() -> ds.batch(new int[] {0}).labels()).hasMessageContaining("[1, 1]");
    assertThat(ds.batch(new int[] {0, 1}).y().shape()).containsExactly(2, 1);
  }

  @Test
  void imageShapedFeaturesAndViewsWork() {
    Tensor images = Tensor.arange(0, 2 * 4 * 2 * 2, 1).reshape(4, 2, 2, 2);
    Tensor lastThree = images.slice(0, 1, 4);  // an offset view: copied once
    TensorDataset ds = new TensorDataset(lastThree, Tensor.vector(1, 0, 1));
    assertThat(ds.featureShape()).containsExactly(2, 2, 2);
    Tensor b = ds.features(new int[] {2});
    assertThat(b.shape()).containsExactly(1, 2, 2, 2);
    assertThat(b.get(0, 0, 0, 0)).isEqualTo(24f);
  }

  @Test
  void mismatchesAndBadLabelsAreNamed() {
    assertThatThrownBy(() -> new TensorDataset(Tensor.zeros(5, 2), Tensor.zeros(4)))
        .hasMessageContaining("[5, 2]").hasMessageContaining("[4]").hasMessageContaining("5 samples");
    assertThatThrownBy(() -> new TensorDataset(Tensor.zeros(3, 2), Tensor.vector(0, 1.5f, 1)))
        .hasMessageContaining("index 1").hasMessageContaining("1.5");
    assertThatThrownBy(() -> new TensorDataset(Tensor.zeros(2, 2), Tensor.vector(0, -1)))
        .hasMessageContaining("-1.0");
    assertThatThrownBy(() -> new TensorDataset(Tensor.zeros(2, 2), Tensor.vector(0, 3), 3))
        .hasMessageContaining("3, outside [0, 3)");
    assertThatThrownBy(() -> sixRows().features(new int[] {6}))
        .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("6")
        .hasMessageContaining("[0, 6)");
  }
}
