package dev.kairo.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class LinePlotTest {

  private static final double[] X = {0, 1, 2, 3, 4};

  private static LinePlot threeSeries() {
    return new LinePlot("three").xLabel("x").yLabel("y")
        .series("a", X, new double[] {0, 1, 2, 3, 4})
        .series("b", X, new double[] {4, 3, 2, 1, 0}, LinePlot.Line.DASHED)
        .series("c", new float[] {0, 4}, new float[] {2, 2});
  }

  @Test
  void svgHasOneLineInEachSeriesColourAndNoOther() throws Exception {
    Document doc = Pictures.parseSvg(Figure.of(threeSeries()).toSvg());

    for (int k = 0; k < 3; k++) {
      // the line itself and its sample in the legend
      assertThat(Pictures.stroked(doc, "path", Style.classColor(k))
              + Pictures.stroked(doc, "line", Style.classColor(k)))
          .as("series %d", k).isGreaterThanOrEqualTo(2);
    }
    assertThat(Pictures.stroked(doc, "path", Style.classColor(3))).isZero();
  }

  @Test
  void pngShowsEverySeriesColour() throws Exception {
    BufferedImage img = Pictures.png(Figure.of(threeSeries()).size(400, 300));

    assertThat(img.getWidth()).isEqualTo(400);
    for (int k = 0; k < 3; k++) {
      assertThat(Pictures.count(img, Style.classColor(k))).as("series %d", k).isGreaterThan(20);
    }
  }

  @Test
  void colourCanBeChosenPerSeries() throws Exception {
    Color pink = new Color(255, 0, 200);
    BufferedImage img = Pictures.png(Figure.of(threeSeries().color("a", pink)).size(400, 300));

    assertThat(Pictures.count(img, pink)).isGreaterThan(20);
    assertThat(Pictures.count(img, Style.classColor(0))).isZero();
  }

  @Test
  void yOnlySeriesCountsFromOne() {
    LinePlot p = new LinePlot().series("loss", new double[] {3, 2, 1});

    assertThat(p.seriesNames()).containsExactly("loss");
    assertThat(p.toChart(300, 200).getSeries("loss").getXData()).containsExactly(1, 2, 3);
  }

  @Test
  void logYDrawsPositiveDataAndNaNGaps() throws Exception {
    LinePlot p = new LinePlot("log").logY(true)
        .series("norm", X, new double[] {1e-6, 1e-4, Double.NaN, 1e-1, 10});

    BufferedImage img = Pictures.png(Figure.of(p).size(400, 300));

    assertThat(Pictures.count(img, Style.classColor(0))).isGreaterThan(20);
  }

  @Test
  void logYRejectsZeroNamingSeriesAndIndex() {
    LinePlot p = new LinePlot("norms").logY(true)
        .series("fc1", X, new double[] {1, 0.5, 0, 0.1, 0.2});

    assertThatThrownBy(() -> Figure.of(p).toImage())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'fc1'").hasMessageContaining("index 2")
        .hasMessageContaining("log-y");
  }

  @Test
  void badSeriesFailAtOnceWithNamesAndLengths() {
    LinePlot p = new LinePlot("t").series("a", X, X);

    assertThatThrownBy(() -> p.series("b", X, new double[] {1, 2}))
        .hasMessageContaining("'b'").hasMessageContaining("5").hasMessageContaining("2");
    assertThatThrownBy(() -> p.series("a", X, X)).hasMessageContaining("already");
    assertThatThrownBy(() -> p.series("e", new double[0], new double[0]))
        .hasMessageContaining("no points");
    assertThatThrownBy(() -> p.color("zzz", Color.RED)).hasMessageContaining("'zzz'");
    assertThatThrownBy(() -> p.yRange(1, 1)).hasMessageContaining("min < max");
    assertThatThrownBy(() -> new LinePlot("empty").toChart(100, 100))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no series");
    assertThatThrownBy(() -> new LinePlot().series("nan", X,
            new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN})
        .toChart(100, 100)).hasMessageContaining("'nan'");
  }

  @Test
  void inputArraysAreCopied() {
    double[] y = {1, 2, 3, 4, 5};
    LinePlot p = new LinePlot().series("y", X, y);
    y[0] = 100;

    assertThat(p.toChart(300, 200).getSeries("y").getYData()[0]).isEqualTo(1.0);
  }

  @Test
  void autoLegendAvoidsTheCornerWhereTheDataAre() {
    // Data only in the top right: any other corner is free.
    List<double[]> xs = List.of(new double[] {0.9, 0.95, 1.0});
    List<double[]> ys = List.of(new double[] {0.9, 0.95, 1.0});
    Legend l = Legend.choose(xs, ys, false, false, 2, new double[] {0, 1}, new double[] {0, 1});

    assertThat(l).isIn(Legend.INSIDE_NW, Legend.INSIDE_SE, Legend.INSIDE_SW);
  }

  @Test
  void autoLegendGoesOutsideWhenEveryCornerIsCrowded() {
    int n = 400;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (i % 20) / 19.0;
      y[i] = (i / 20) / 19.0;
    }
    Legend l = Legend.choose(List.of(x), List.of(y), false, false, 2,
        new double[] {0, 1}, new double[] {0, 1});

    assertThat(l).isEqualTo(Legend.OUTSIDE_RIGHT);
  }

  @Test
  void logTickLabelsAreConsistent() {
    assertThat(Charts.logLabel(0.1)).isEqualTo("0.1");
    assertThat(Charts.logLabel(0.001)).isEqualTo("0.001");
    assertThat(Charts.logLabel(1e-4)).isEqualTo("1e-4");
    assertThat(Charts.logLabel(2e-7)).isEqualTo("2e-7");
    assertThat(Charts.logLabel(1000)).isEqualTo("1000");
    assertThat(Charts.logLabel(1e5)).isEqualTo("1e5");
  }
}
