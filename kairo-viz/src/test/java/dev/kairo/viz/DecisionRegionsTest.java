package dev.kairo.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kairo.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class DecisionRegionsTest {

  /** Four points, two per class, split by the line x = 0. */
  private static final float[][] POINTS = {{-0.9f, -0.9f}, {-0.9f, 0.9f}, {0.9f, -0.9f},
      {0.9f, 0.9f}};
  private static final int[] LABELS = {0, 0, 1, 1};

  /** Class 0 left of x = 0, class 1 right of it; counts its calls and batch sizes. */
  private static final class LeftRight implements Function<float[][], int[]> {
    final List<Integer> batches = new ArrayList<>();

    @Override
    public int[] apply(float[][] batch) {
      batches.add(batch.length);
      int[] out = new int[batch.length];
      for (int i = 0; i < batch.length; i++) {
        out[i] = batch[i][0] < 0 ? 0 : 1;
      }
      return out;
    }
  }

  private static DecisionRegions leftRight(LeftRight f) {
    return DecisionRegions.of(f, POINTS, LABELS).bounds(-1, 1, -1, 1).legend(Legend.NONE);
  }

  @Test
  void shadesEachSideInItsClassRegionColour() throws Exception {
    BufferedImage img = Pictures.png(Figure.of(leftRight(new LeftRight())).size(640, 480));

    // The plot area spans most of the width; 30% across is left of x = 0, 75% right of it.
    assertThat(Pictures.pixel(img, 192, 240)).isEqualTo(Style.regionColor(0));
    assertThat(Pictures.pixel(img, 480, 240)).isEqualTo(Style.regionColor(1));
    // Points on top, in the full class colour.
    assertThat(Pictures.count(img, Style.classColor(0))).isGreaterThan(20);
    assertThat(Pictures.count(img, Style.classColor(1))).isGreaterThan(20);
  }

  @Test
  void classifiesTheWholeGridInOneCallAndOnlyOnce() throws Exception {
    LeftRight f = new LeftRight();
    DecisionRegions d = leftRight(f).resolution(50);
    Figure fig = Figure.of(d);

    fig.toImage();
    fig.toSvg();

    assertThat(f.batches).containsExactly(50 * 50);
  }

  @Test
  void svgMergesEqualCellsIntoFewRectangles() throws Exception {
    Document doc = Pictures.parseSvg(Figure.of(leftRight(new LeftRight())).toSvg());

    // 200 x 200 cells, but each half is one run repeated down every row: one rectangle each.
    assertThat(Pictures.filled(doc, "rect", Style.regionColor(0))).isEqualTo(1);
    assertThat(Pictures.filled(doc, "rect", Style.regionColor(1))).isEqualTo(1);
    assertThat(Pictures.filled(doc, "ellipse", Style.classColor(0))).isEqualTo(2);
  }

  @Test
  void tensorClassifierGetsOneBatchOfShapeNBy2() {
    List<int[]> shapes = new ArrayList<>();
    DecisionRegions d = DecisionRegions.ofTensor(t -> {
      shapes.add(t.shape());
      float[] xy = t.toArray();
      int[] out = new int[t.size(0)];
      for (int i = 0; i < out.length; i++) {
        out[i] = xy[2 * i + 1] > 0 ? 1 : 0; // top half is class 1
      }
      return out;
    }, Tensor.matrix(POINTS), LABELS).resolution(20).bounds(-1, 1, -1, 1);

    assertThat(d.predictedClassAt(0.5, 0.5)).isEqualTo(1);
    assertThat(d.predictedClassAt(0.5, -0.5)).isZero();
    assertThat(d.predictedClassAt(5, 5)).isEqualTo(-1);
    assertThat(shapes).hasSize(1);
    assertThat(shapes.get(0)).containsExactly(400, 2);
  }

  @Test
  void defaultAreaIsTheDataBoxPlusMargin() {
    DecisionRegions d = DecisionRegions.of(new LeftRight(), POINTS, LABELS).margin(0.5);

    // box [-0.9, 0.9]^2 is 1.8 wide; half of that on each side
    assertThat(d.shadedBounds()).containsExactly(new double[] {-1.8, 1.8, -1.8, 1.8},
        org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void badClassifierOutputIsReportedWithCounts() {
    DecisionRegions shortOutput = DecisionRegions.of(b -> new int[3], POINTS, LABELS)
        .resolution(10);
    DecisionRegions allZero = DecisionRegions.of(b -> new int[b.length], POINTS, LABELS)
        .resolution(10);
    DecisionRegions minusOne = DecisionRegions.of(b -> {
      int[] out = new int[b.length];
      out[7] = -1;
      return out;
    }, POINTS, LABELS).resolution(10);

    assertThatThrownBy(() -> Figure.of(shortOutput).toImage())
        .hasMessageContaining("3 classes").hasMessageContaining("100 grid points");
    assertThat(allZero.predictedClassAt(0, 0)).isZero();
    assertThatThrownBy(() -> minusOne.predictedClassAt(0, 0)).hasMessageContaining("class -1");
  }

  @Test
  void badDataFailsAtOnce() {
    assertThatThrownBy(() -> DecisionRegions.of(new LeftRight(), POINTS, new int[] {0, 1}))
        .hasMessageContaining("2 labels for 4 points");
    assertThatThrownBy(() -> DecisionRegions.of(new LeftRight(), POINTS, null))
        .hasMessageContaining("labels");
    assertThatThrownBy(() -> DecisionRegions.ofTensor(t -> null, Tensor.zeros(3, 3), LABELS))
        .hasMessageContaining("[3, 3]");
    assertThatThrownBy(() -> leftRight(new LeftRight()).resolution(1)).hasMessageContaining("1");
    assertThatThrownBy(() -> leftRight(new LeftRight()).bounds(1, 0, 0, 1))
        .hasMessageContaining("xmin < xmax");
  }
}
