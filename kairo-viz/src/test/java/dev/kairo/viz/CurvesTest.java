package dev.kairo.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** TrainingCurves, GradientNormCurves and FunctionPlot: the plots built on LinePlot. */
class CurvesTest {

  private static final double[] TRAIN = {1.0, 0.6, 0.4, 0.3, 0.25, 0.2};
  private static final double[] VAL = {1.1, 0.7, 0.5, 0.45, 0.5, 0.6};

  @Test
  void trainingCurvesMarkTheEpochOfLowestValidationLoss() {
    XYChart chart = TrainingCurves.of(TRAIN, VAL).lossPlot().toChart(600, 400);

    assertThat(ScatterPlotTest.visible(chart))
        .containsExactly("training", "validation", "best: epoch 4");
    XYSeries best = chart.getSeries("best: epoch 4");
    assertThat(best.getXData()).containsExactly(4.0);
    assertThat(best.getYData()).containsExactly(0.45);
  }

  @Test
  void trainingCurvesWithAMetricAreTwoPanelsSideBySide() throws Exception {
    TrainingCurves c = TrainingCurves.of(TRAIN, VAL)
        .metric("accuracy", new double[] {0.5, 0.7, 0.8, 0.9, 0.95, 0.97}, null)
        .title("MLP");

    Figure f = c.figure();
    BufferedImage img = Pictures.png(Figure.of(c));

    assertThat(f.cols()).isEqualTo(2);
    assertThat(c.metricPlot().seriesNames()).containsExactly("training");
    assertThat(img.getWidth()).isEqualTo(1280);
    assertThat(img.getHeight()).isEqualTo(460 + 44);
    assertThat(Pictures.texts(Pictures.parseSvg(Figure.of(c).toSvg()))).containsExactly("MLP");
  }

  @Test
  void trainingCurvesWithoutValidationHaveOneSeries() {
    assertThat(TrainingCurves.of(TRAIN).lossPlot().seriesNames()).containsExactly("training");
    assertThat(TrainingCurves.of(TRAIN).metricPlot()).isNull();
    assertThatThrownBy(() -> TrainingCurves.of(new double[0]))
        .hasMessageContaining("training loss has no values");
    assertThatThrownBy(() -> TrainingCurves.of(TRAIN).metric("acc", null, null))
        .hasMessageContaining("'acc'");
  }

  @Test
  void gradientNormsAreLogScaledAndSurviveZeros() throws Exception {
    Map<String, double[]> norms = new LinkedHashMap<>();
    norms.put("fc1", new double[] {1e-7, 0, 1e-8, 1e-8});
    norms.put("fc2", new double[] {1e-3, 1e-3, 1e-4, 1e-4});
    norms.put("dead", new double[] {0, 0, 0, 0});
    GradientNormCurves g = GradientNormCurves.of(norms);

    LinePlot p = g.plot();
    XYChart chart = p.toChart(600, 400);
    BufferedImage img = Pictures.png(Figure.of(g));

    assertThat(chart.getStyler().isYAxisLogarithmic()).isTrue();
    assertThat(p.seriesNames()).containsExactly("fc1", "fc2");
    assertThat(chart.getSeries("fc1").getYData()[1]).isNaN(); // a gap where the norm was 0
    assertThat(chart.getTitle()).contains("all zero: dead");
    assertThat(Pictures.count(img, Style.classColor(0))).isGreaterThan(10);
  }

  @Test
  void manyLayersGetAColourRampFromFirstToLast() {
    Map<String, double[]> norms = new LinkedHashMap<>();
    for (int i = 0; i < 12; i++) {
      norms.put("layer" + i, new double[] {Math.pow(10, i - 12), Math.pow(10, i - 11)});
    }
    XYChart chart = GradientNormCurves.of(norms).plot().toChart(600, 400);

    assertThat(chart.getSeries("layer0").getLineColor()).isEqualTo(GradientNormCurves.ramp(0));
    assertThat(chart.getSeries("layer11").getLineColor()).isEqualTo(GradientNormCurves.ramp(1));
  }

  @Test
  void gradientNormsRejectEmptyInput() {
    assertThatThrownBy(() -> GradientNormCurves.of(Map.of())).hasMessageContaining("no layers");
    assertThatThrownBy(() -> GradientNormCurves.of(Map.of("fc", new double[0])))
        .hasMessageContaining("'fc'");
    Map<String, double[]> zeros = Map.of("fc", new double[] {0, 0});
    assertThatThrownBy(() -> GradientNormCurves.of(zeros).plot())
        .hasMessageContaining("nothing to draw");
  }

  @Test
  void functionPlotSamplesTheRangeEndsAndZeroExactly() {
    FunctionPlot p = FunctionPlot.of("tanh", Math::tanh, x -> 1 - Math.tanh(x) * Math.tanh(x))
        .range(-10, 10).samples(201);

    double[] x = p.xs();
    XYChart chart = p.plot().toChart(400, 300);

    assertThat(x).hasSize(201);
    assertThat(x[0]).isEqualTo(-10.0);
    assertThat(x[100]).isEqualTo(0.0);
    assertThat(x[200]).isEqualTo(10.0);
    assertThat(chart.getSeries("f(x)").getYData()[150]).isEqualTo(Math.tanh(5));
    assertThat(chart.getSeries("f'(x)").getYData()[100]).isEqualTo(1.0);
    assertThat(chart.getTitle()).isEqualTo("tanh");
  }

  @Test
  void functionPlotWithoutDerivativeHasOneSeries() {
    assertThat(FunctionPlot.of("id", x -> x).plot().seriesNames()).containsExactly("f(x)");
    assertThatThrownBy(() -> FunctionPlot.of("id", x -> x).range(1, -1))
        .hasMessageContaining("'id'");
  }

  @Test
  void functionGridIsAFigureOfPanels() throws Exception {
    FunctionPlot[] plots = new FunctionPlot[6];
    for (int i = 0; i < 6; i++) {
      int k = i + 1;
      plots[i] = FunctionPlot.of("x^" + k, x -> Math.pow(x, k), x -> k * Math.pow(x, k - 1));
    }
    Figure f = FunctionPlot.grid("powers", 3, plots);
    BufferedImage img = Pictures.png(f);

    assertThat(f.rows()).isEqualTo(2);
    assertThat(f.cols()).isEqualTo(3);
    assertThat(img.getWidth()).isEqualTo(3 * 440);
    assertThat(img.getHeight()).isEqualTo(2 * 330 + 44);
  }
}
