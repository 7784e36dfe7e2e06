package dev.kairo.optim;

import dev.kairo.nn.Parameter;
import dev.kairo.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Updates parameters from their gradients. Order of use, each training step: compute the
 * loss, {@code zeroGrad()}, {@code loss.backward()}, {@link #step()}.
 *
 * <pre>{@code
 * Optimizer opt = new Adam(model.parameters(), 1e-3);
 * opt.addHook(new ClipGradNorm(5.0));          // hooks run on the gradients before the update
 * for (int epoch = 0; epoch < 100; epoch++) {
 *   Variable loss = F.meanSquaredError(model.forward(x), t);
 *   opt.zeroGrad();
 *   loss.backward();
 *   opt.step();
 * }
 * }</pre>
 *
 * <p>Weight decay (L2), the L1 penalty, gradient clipping and freezing are {@link GradHook}s,
 * written once and usable with every algorithm; each subclass implements only its own update
 * rule in {@link #update}. Per-parameter state (momentum, moments) is created on the first step.
 */
public abstract class Optimizer {
  protected final List<Parameter> params;
  private final List<GradHook> hooks = new ArrayList<>();
  private double lr;
  private long steps;

  protected Optimizer(List<Parameter> params, double lr) {
    if (params == null || params.isEmpty()) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": no parameters to optimise");
    }
    this.params = new ArrayList<>(params);
    setLearningRate(lr);
  }

  /** Adds a hook that transforms the gradients before each update; returns this. */
  public Optimizer addHook(GradHook hook) {
    hooks.add(hook);
    return this;
  }

  /** The hooks, in the order they run. */
  public List<GradHook> hooks() {
    return Collections.unmodifiableList(hooks);
  }

  /** Runs the hooks, then updates every parameter that has a gradient. */
  public final void step() {
    for (GradHook h : hooks) {
      h.apply(params);
    }
    steps++;
    for (Parameter p : params) {
      Tensor g = p.grad();
      if (g != null) {
        update(p, g);
      }
    }
  }

  /** One parameter's update from its (hooked) gradient; {@link #stepCount()} is already advanced. */
  protected abstract void update(Parameter p, Tensor grad);

  /** The number of {@link #step()} calls so far (1 during the first update). */
  public long stepCount() {
    return steps;
  }

  /** Clears every parameter's gradient. */
  public void zeroGrad() {
    for (Parameter p : params) {
      p.zeroGrad();
    }
  }

  /** The parameters being optimised. */
  public List<Parameter> parameters() {
    return Collections.unmodifiableList(params);
  }

  /** The current learning rate. */
  public double learningRate() {
    return lr;
  }

  /**
   * Sets the learning rate (schedules call this).
   *
   * @throws IllegalArgumentException when it is not a positive finite number
   */
  public void setLearningRate(double lr) {
    this.lr = Check.positive(getClass().getSimpleName(), "learning rate", lr);
  }

  /**
   * The optimizer's per-parameter state (momentum, moments, ...) as tensors named
   * {@code INDEX.NAME} by the parameter's position, copied: for checkpoints.
   */
  public final Map<String, Tensor> stateTensors() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (int i = 0; i < params.size(); i++) {
      Parameter p = params.get(i);
      int idx = i;
      parameterState(p).forEach((k, arr) -> out.put(idx + "." + k, Tensor.of(arr.clone(), p.shape())));
    }
    return out;
  }

  /**
   * Restores state saved by {@link #stateTensors()} along with the step count and learning
   * rate. Nothing changes unless every tensor fits a parameter of this optimizer.
   *
   * @throws IllegalArgumentException naming the tensor that does not fit
   */
  public final void loadState(Map<String, Tensor> state, long stepCount, double learningRate) {
    Map<Integer, Map<String, float[]>> byParam = new LinkedHashMap<>();
    for (Map.Entry<String, Tensor> e : state.entrySet()) {
      String[] parts = e.getKey().split("\\.", 2);
      int idx;
      try {
        idx = Integer.parseInt(parts[0]);
      } catch (NumberFormatException ex) {
        idx = -1;
      }
      if (parts.length != 2 || idx < 0 || idx >= params.size()) {
        throw new IllegalArgumentException(getClass().getSimpleName() + ": state '" + e.getKey()
            + "' does not name one of the " + params.size() + " parameters");
      }
      if (!java.util.Arrays.equals(e.getValue().shape(), params.get(idx).shape())) {
        throw new IllegalArgumentException(getClass().getSimpleName() + ": state '" + e.getKey()
            + "' has shape " + java.util.Arrays.toString(e.getValue().shape()) + ", parameter "
            + idx + " has " + java.util.Arrays.toString(params.get(idx).shape()));
      }
      byParam.computeIfAbsent(idx, k -> new LinkedHashMap<>()).put(parts[1], e.getValue().toArray());
    }
    setLearningRate(learningRate);
    steps = stepCount;
    byParam.forEach((i, s) -> restoreParameterState(params.get(i), s));
  }

  /** This algorithm's state arrays for one parameter (empty before its first step). */
  protected Map<String, float[]> parameterState(Parameter p) {
    return Map.of();
  }

  /** Puts back arrays returned by {@link #parameterState} for one parameter. */
  protected void restoreParameterState(Parameter p, Map<String, float[]> state) {
    if (!state.isEmpty()) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " keeps no state, but the "
          + "checkpoint has " + state.keySet());
    }
  }

  /** Restored state must name exactly this algorithm's arrays. */
  protected final float[] require(Map<String, float[]> state, String name) {
    float[] a = state.get(name);
    if (a == null) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": checkpoint state lacks '"
          + name + "' (has " + state.keySet() + "); was it written by another optimizer?");
    }
    return a;
  }

  /** Writable dense storage of a parameter (parameters are always dense). */
  protected static float[] storage(Parameter p) {
    return p.data().data();
  }
}
