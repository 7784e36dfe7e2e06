package dev.kairo.viz;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gradient norm of each layer over training steps, on a logarithmic axis by default: the
 * diagnosis of vanishing (or exploding) gradients, where the layers nearest the input see norms
 * orders of magnitude below those nearest the output.
 *
 * <p>Layers are drawn in the map's iteration order (pass a {@link LinkedHashMap} in network
 * order). With more than ten layers the colours run along a dark-to-light ramp so that depth
 * reads as colour. On the log axis, a zero norm cannot be drawn: it leaves a gap, and a layer
 * whose norms are all zero is named in the title instead of drawn.
 *
 * <pre>{@code
 * Map<String, double[]> norms = new LinkedHashMap<>();
 * norms.put("fc1.weight", fc1Norms);
 * norms.put("fc2.weight", fc2Norms);
 * GradientNormCurves.of(norms).title("sigmoid, 8 layers").save(Path.of("out/grad-norms.png"));
 * }</pre>
 */
public final class GradientNormCurves implements Panel {

  private final Map<String, double[]> norms;
  private double[] steps;
  private String title = "Gradient norm per layer";
  private String xLabel = "step";
  private boolean logY = true;

  private GradientNormCurves(Map<String, double[]> norms) {
    this.norms = norms;
  }

  /** Curves for each layer name → its gradient norm at each step. */
  public static GradientNormCurves of(Map<String, double[]> normsByLayer) {
    if (normsByLayer == null || normsByLayer.isEmpty()) {
      throw new IllegalArgumentException("GradientNormCurves: no layers given");
    }
    Map<String, double[]> copy = new LinkedHashMap<>();
    normsByLayer.forEach(
        (name, values) -> {
          if (values == null || values.length == 0) {
            throw new IllegalArgumentException(
                "GradientNormCurves: layer '" + name + "' has no values");
          }
          copy.put(name, values.clone());
        });
    return new GradientNormCurves(copy);
  }

  /** The step number of each value (default 1, 2, ...); must be as long as the longest layer. */
  public GradientNormCurves steps(double[] steps) {
    int longest = norms.values().stream().mapToInt(a -> a.length).max().orElse(0);
    if (steps == null || steps.length < longest) {
      throw new IllegalArgumentException(
          "GradientNormCurves.steps: " + (steps == null ? 0 : steps.length)
              + " steps for layers with up to " + longest + " values");
    }
    this.steps = steps.clone();
    return this;
  }

  /** Sets the title (default "Gradient norm per layer"). */
  public GradientNormCurves title(String title) {
    this.title = title;
    return this;
  }

  /** Sets the x axis title (default "step"). */
  public GradientNormCurves xLabel(String label) {
    this.xLabel = label;
    return this;
  }

  /** Uses a logarithmic y axis (the default) or a linear one. */
  public GradientNormCurves logY(boolean logY) {
    this.logY = logY;
    return this;
  }

  /** The plot these curves are drawn as, for further changes. */
  public LinePlot plot() {
    LinePlot p = new LinePlot().xLabel(xLabel).yLabel(logY ? "gradient norm (log)" : "norm");
    List<String> allZero = new ArrayList<>();
    List<String> drawn = new ArrayList<>();
    for (Map.Entry<String, double[]> e : norms.entrySet()) {
      double[] y = e.getValue().clone();
      boolean any = false;
      for (int i = 0; i < y.length; i++) {
        if (logY && y[i] <= 0) {
          y[i] = Double.NaN; // no place for zero on a log axis: leave a gap
        }
        any |= Double.isFinite(y[i]);
      }
      if (!any) {
        allZero.add(e.getKey());
        continue;
      }
      double[] x = steps != null ? Arrays.copyOf(steps, y.length)
          : Charts.indices(y.length, 1);
      p.series(e.getKey(), x, y);
      drawn.add(e.getKey());
    }
    if (drawn.isEmpty()) {
      throw new IllegalStateException(
          "GradientNormCurves: every layer's gradient norm is zero or not finite; nothing to draw");
    }
    p.logY(logY);
    if (drawn.size() > Style.paletteSize()) {
      for (int i = 0; i < drawn.size(); i++) {
        p.color(drawn.get(i), ramp((double) i / (drawn.size() - 1)));
      }
    }
    String t = title == null ? "" : title;
    if (!allZero.isEmpty()) {
      t += (t.isEmpty() ? "" : "  ") + "(all zero: " + String.join(", ", allZero) + ")";
    }
    return p.title(t);
  }

  @Override
  public void paint(Graphics2D g, int width, int height) {
    plot().paint(g, width, height);
  }

  /** A dark-blue to yellow-green ramp (close to viridis): first layer dark, last light. */
  static Color ramp(double t) {
    Color[] stops = {
      new Color(0x44, 0x01, 0x54), new Color(0x3b, 0x52, 0x8b), new Color(0x21, 0x90, 0x8c),
      new Color(0x5d, 0xc8, 0x63), new Color(0xc8, 0xd8, 0x2a)
    };
    double s = Math.max(0, Math.min(1, t)) * (stops.length - 1);
    int i = Math.min((int) s, stops.length - 2);
    return Style.mix(stops[i + 1], stops[i], s - i);
  }
}
