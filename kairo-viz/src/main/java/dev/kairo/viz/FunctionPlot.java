package dev.kairo.viz;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * The graph of y = f(x) and, dashed, of its derivative f'(x) over a range: one panel of seed
 * 002's picture of every activation function. {@link #grid} lays many of them out as a figure.
 *
 * <pre>{@code
 * Figure fig = FunctionPlot.grid("Activation functions", 3,
 *     FunctionPlot.of("sigmoid", x -> 1 / (1 + Math.exp(-x)),
 *                                x -> { double s = 1 / (1 + Math.exp(-x)); return s * (1 - s); }),
 *     FunctionPlot.of("tanh", Math::tanh, x -> 1 - Math.tanh(x) * Math.tanh(x)).range(-10, 10),
 *     FunctionPlot.of("ReLU", x -> Math.max(0, x), x -> x > 0 ? 1 : 0));
 * fig.save(Path.of("out/activations.svg"));
 * }</pre>
 */
public final class FunctionPlot implements Panel {

  private final String name;
  private final DoubleUnaryOperator f;
  private final DoubleUnaryOperator derivative;
  private double from = -5;
  private double to = 5;
  private int samples = 301;
  private double[] yRange;

  private FunctionPlot(String name, DoubleUnaryOperator f, DoubleUnaryOperator derivative) {
    this.name = Objects.requireNonNull(name, "FunctionPlot: name");
    this.f = Objects.requireNonNull(f, "FunctionPlot '" + name + "': function");
    this.derivative = derivative;
  }

  /** The graph of {@code f} alone, over -5..5. */
  public static FunctionPlot of(String name, DoubleUnaryOperator f) {
    return new FunctionPlot(name, f, null);
  }

  /** The graph of {@code f} and of its {@code derivative} (may be null), over -5..5. */
  public static FunctionPlot of(
      String name, DoubleUnaryOperator f, DoubleUnaryOperator derivative) {
    return new FunctionPlot(name, f, derivative);
  }

  /** Sets the range of x (default -5..5). */
  public FunctionPlot range(double from, double to) {
    if (!(from < to) || !Double.isFinite(to - from)) {
      throw new IllegalArgumentException(
          "FunctionPlot '" + name + "'.range: need finite from < to, got [" + from + ", " + to
              + "]");
    }
    this.from = from;
    this.to = to;
    return this;
  }

  /** Sets how many evenly spaced x values are evaluated, ends included (default 301). */
  public FunctionPlot samples(int n) {
    if (n < 2 || n > 1_000_000) {
      throw new IllegalArgumentException(
          "FunctionPlot '" + name + "'.samples: " + n + " is outside 2..1000000");
    }
    this.samples = n;
    return this;
  }

  /** Fixes the y axis to [min, max] instead of fitting the curves. */
  public FunctionPlot yRange(double min, double max) {
    if (!(min < max) || !Double.isFinite(max - min)) {
      throw new IllegalArgumentException(
          "FunctionPlot '" + name + "'.yRange: need finite min < max, got [" + min + ", " + max
              + "]");
    }
    this.yRange = new double[] {min, max};
    return this;
  }

  /** The name shown as the panel title. */
  public String name() {
    return name;
  }

  /** The x values the function is evaluated at. */
  public double[] xs() {
    double[] x = new double[samples];
    for (int i = 0; i < samples; i++) {
      // from + i * step would drift; this hits both ends (and 0 in a symmetric range) exactly.
      x[i] = i == samples - 1 ? to : from + (to - from) * i / (samples - 1);
    }
    return x;
  }

  /** The plot this graph is drawn as, for further changes. */
  public LinePlot plot() {
    double[] x = xs();
    LinePlot p = new LinePlot(name).xLabel("x").series("f(x)", x, eval(f, x));
    if (derivative != null) {
      p.series("f'(x)", x, eval(derivative, x), LinePlot.Line.DASHED);
    }
    if (yRange != null) {
      p.yRange(yRange[0], yRange[1]);
    }
    return p;
  }

  @Override
  public Dimension preferredSize() {
    return new Dimension(440, 330);
  }

  @Override
  public void paint(Graphics2D g, int width, int height) {
    plot().paint(g, width, height);
  }

  /** A figure of the given plots, {@code cols} per row, under an overall title (may be null). */
  public static Figure grid(String title, int cols, List<FunctionPlot> plots) {
    if (cols < 1) {
      throw new IllegalArgumentException("FunctionPlot.grid: cols must be at least 1, got " + cols);
    }
    return Figure.grid(cols, plots).title(title);
  }

  /** A figure of the given plots, {@code cols} per row, under an overall title (may be null). */
  public static Figure grid(String title, int cols, FunctionPlot... plots) {
    return grid(title, cols, List.of(plots));
  }

  private static double[] eval(DoubleUnaryOperator op, double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = op.applyAsDouble(x[i]);
    }
    return y;
  }
}
