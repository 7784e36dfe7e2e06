package dev.kairo.train.callbacks;

import dev.kairo.nn.Parameter;
import dev.kairo.train.Callback;
import dev.kairo.train.TrainingContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records the L2 norm of each layer's weight gradient at every step: the diagnosis of
 * vanishing gradients (勾配消失, seeds 002 and 004), where the layers near the input get
 * gradients orders of magnitude smaller than those near the output.
 *
 * <pre>{@code
 * GradientNorms norms = new GradientNorms();
 * trainer.fit(...);
 * norms.perStep();        // layer → norms, one per step
 * norms.epochMeans();     // layer → mean norm per epoch
 * }</pre>
 *
 * <p>A layer is named by its weight's dotted name without {@code .weight} ({@code 0},
 * {@code encoder.fc1}); parameters of rank 1 (biases, norm scales) are skipped.
 */
public final class GradientNorms implements Callback {
  private final Map<String, List<Double>> steps = new LinkedHashMap<>();
  private final Map<String, List<Double>> epochs = new LinkedHashMap<>();
  private final Map<String, double[]> running = new LinkedHashMap<>();

  @Override
  public void onTrainBegin(TrainingContext ctx) {
    steps.clear();
    epochs.clear();
  }

  @Override
  public void onEpochBegin(TrainingContext ctx, int epoch) {
    running.clear();
  }

  @Override
  public void afterBackward(TrainingContext ctx) {
    for (Map.Entry<String, Parameter> e : ctx.model().namedParameters().entrySet()) {
      Parameter p = e.getValue();
      if (p.data().rank() < 2 || p.grad() == null) {
        continue;
      }
      double s = 0;
      for (float v : p.grad().denseData()) {
        s += (double) v * v;
      }
      double norm = Math.sqrt(s);
      String layer = e.getKey().endsWith(".weight")
          ? e.getKey().substring(0, e.getKey().length() - ".weight".length()) : e.getKey();
      steps.computeIfAbsent(layer, k -> new ArrayList<>()).add(norm);
      double[] r = running.computeIfAbsent(layer, k -> new double[2]);
      r[0] += norm;
      r[1]++;
    }
  }

  @Override
  public void onEpochEnd(TrainingContext ctx, Map<String, Double> log) {
    running.forEach((layer, r) ->
        epochs.computeIfAbsent(layer, k -> new ArrayList<>()).add(r[0] / r[1]));
  }

  /** Layer → gradient norm at each step. */
  public Map<String, double[]> perStep() {
    return toArrays(steps);
  }

  /** Layer → mean gradient norm in each epoch. */
  public Map<String, double[]> epochMeans() {
    return toArrays(epochs);
  }

  private static Map<String, double[]> toArrays(Map<String, List<Double>> m) {
    Map<String, double[]> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
    return Collections.unmodifiableMap(out);
  }
}
