package dev.kairo.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kairo.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYSeries;
import org.w3c.dom.Document;

class ScatterPlotTest {

  private static final float[][] POINTS = {{0, 0}, {1, 1}, {2, 0}, {3, 1}, {4, 0}};
  private static final int[] LABELS = {0, 1, 1, 2, 2};

  /** Names of the series a reader sees (not the hidden tick anchor). */
  static java.util.List<String> visible(org.knowm.xchart.XYChart chart) {
    return chart.getSeriesCollection().stream().filter(XYSeries::isEnabled)
        .map(XYSeries::getName).collect(java.util.stream.Collectors.toList());
  }

  @Test
  void svgHasOneDotPerPointInItsClassColourPlusTheLegend() throws Exception {
    ScatterPlot p = new ScatterPlot("dots").points(POINTS, LABELS).classNames("a", "b", "c");

    Document doc = Pictures.parseSvg(Figure.of(p).toSvg());

    // one filled ellipse per point, and one beside the class's name in the legend
    assertThat(Pictures.filled(doc, "ellipse", Style.classColor(0))).isEqualTo(1 + 1);
    assertThat(Pictures.filled(doc, "ellipse", Style.classColor(1))).isEqualTo(2 + 1);
    assertThat(Pictures.filled(doc, "ellipse", Style.classColor(2))).isEqualTo(2 + 1);
    assertThat(Pictures.filled(doc, "ellipse", Style.classColor(3))).isZero();
  }

  @Test
  void tensorAndArrayInputsGiveTheSameSeries() {
    Tensor t = Tensor.matrix(POINTS);
    ScatterPlot a = new ScatterPlot().points(t, LABELS);
    ScatterPlot b = new ScatterPlot().points(
        new double[] {0, 1, 2, 3, 4}, new double[] {0, 1, 0, 1, 0}, LABELS);

    var ca = a.toChart(300, 200);
    var cb = b.toChart(300, 200);
    assertThat(visible(ca))
        .containsExactly("class 0", "class 1", "class 2");
    assertThat(ca.getSeries("class 2").getXData())
        .containsExactly(cb.getSeries("class 2").getXData());
  }

  @Test
  void unlabelledPointsAreOneSeriesWithoutLegend() {
    var chart = new ScatterPlot().points(POINTS, null).toChart(300, 200);

    assertThat(visible(chart)).hasSize(1);
    assertThat(chart.getStyler().isLegendVisible()).isFalse();
  }

  @Test
  void badInputFailsWithWhatWasWrong() {
    assertThatThrownBy(() -> new ScatterPlot().points(POINTS, new int[] {0, 1}))
        .hasMessageContaining("2 labels for 5 points");
    assertThatThrownBy(() -> new ScatterPlot().points(POINTS, new int[] {0, 1, -1, 0, 0}))
        .hasMessageContaining("-1").hasMessageContaining("index 2");
    assertThatThrownBy(() -> new ScatterPlot().points(Tensor.zeros(4, 3), null))
        .hasMessageContaining("[N, 2]").hasMessageContaining("[4, 3]");
    assertThatThrownBy(() -> new ScatterPlot().points(new float[][] {{1, 2}, {3}}, null))
        .hasMessageContaining("point 1");
    assertThatThrownBy(() -> new ScatterPlot().points(new float[][] {{1, Float.NaN}}, null))
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> new ScatterPlot().toChart(100, 100))
        .hasMessageContaining("no points");
  }
}
