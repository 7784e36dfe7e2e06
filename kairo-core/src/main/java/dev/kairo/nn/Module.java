package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A building block that owns parameters and sub-modules (Chainer's Link/Chain, PyTorch's
 * Module). Registration is explicit and ordered, so dotted names such as {@code fc1.weight}
 * are stable: they are the keys of {@link #stateDict()} and of saved files.
 *
 * <pre>{@code
 * class TwoLayer extends Module {
 *   final Linear fc1 = module("fc1", new Linear(3, 2));
 *   final Linear fc2 = module("fc2", new Linear(2, 1));
 *   public Variable forward(Variable x) { return fc2.forward(F.relu(fc1.forward(x))); }
 * }
 * }</pre>
 *
 * <p>Modules know whether they are training ({@link #train()}) or evaluating ({@link #eval()});
 * layers such as dropout read it. Modules own parameters; the maths lives in {@code F}.
 */
public abstract class Module {
  private final Map<String, Parameter> params = new LinkedHashMap<>();
  private final Map<String, Module> modules = new LinkedHashMap<>();
  private final Map<String, Tensor> buffers = new LinkedHashMap<>();
  private boolean training = true;

  /** Computes the output for one input. */
  public abstract Variable forward(Variable x);

  /** Registers a parameter under {@code name} and returns it. */
  protected final <P extends Parameter> P param(String name, P p) {
    checkName(name);
    p.named(name);
    params.put(name, p);
    return p;
  }

  /**
   * Registers a buffer: state that is saved with the module but not trained (batch norm's
   * running statistics). The module updates it in place; returns it.
   */
  protected final Tensor buffer(String name, Tensor t) {
    checkName(name);
    buffers.put(name, t);
    return t;
  }

  /** Registers a sub-module under {@code name} and returns it. */
  protected final <M extends Module> M module(String name, M m) {
    checkName(name);
    modules.put(name, m);
    return m;
  }

  private void checkName(String name) {
    if (name == null || name.isEmpty() || name.contains(".")) {
      throw new IllegalArgumentException(getClass().getSimpleName()
          + ": a parameter or module name must be non-empty without '.', got '" + name + "'");
    }
    if (params.containsKey(name) || modules.containsKey(name) || buffers.containsKey(name)) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": name '" + name
          + "' is already registered");
    }
  }

  /** Every parameter of this module and its sub-modules, by dotted name, in registration order. */
  public final Map<String, Parameter> namedParameters() {
    Map<String, Parameter> out = new LinkedHashMap<>();
    collect("", out);
    return Collections.unmodifiableMap(out);
  }

  private void collect(String prefix, Map<String, Parameter> out) {
    params.forEach((n, p) -> out.put(prefix + n, p));
    modules.forEach((n, m) -> m.collect(prefix + n + ".", out));
  }

  /** Every buffer of this module and its sub-modules, by dotted name. */
  public final Map<String, Tensor> namedBuffers() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    collectBuffers("", out);
    return Collections.unmodifiableMap(out);
  }

  private void collectBuffers(String prefix, Map<String, Tensor> out) {
    buffers.forEach((n, b) -> out.put(prefix + n, b));
    modules.forEach((n, m) -> m.collectBuffers(prefix + n + ".", out));
  }

  /** Every parameter, in registration order. */
  public final List<Parameter> parameters() {
    return new ArrayList<>(namedParameters().values());
  }

  /** The direct sub-modules by name. */
  public final Map<String, Module> children() {
    return Collections.unmodifiableMap(modules);
  }

  /** The total number of parameter elements. */
  public final long parameterCount() {
    long n = 0;
    for (Parameter p : parameters()) {
      n += p.data().numel();
    }
    return n;
  }

  /** Clears every parameter's gradient. */
  public final void zeroGrad() {
    for (Parameter p : parameters()) {
      p.zeroGrad();
    }
  }

  /** Switches this module and its sub-modules to training mode; returns this. */
  public Module train() {
    setTraining(true);
    return this;
  }

  /** Switches this module and its sub-modules to evaluation mode; returns this. */
  public Module eval() {
    setTraining(false);
    return this;
  }

  private void setTraining(boolean t) {
    training = t;
    modules.values().forEach(m -> m.setTraining(t));
  }

  /** Whether the module is in training mode. */
  public final boolean isTraining() {
    return training;
  }

  /** The parameters' data and the buffers by dotted name (shared, not copied). */
  public final Map<String, Tensor> stateDict() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    namedParameters().forEach((n, p) -> out.put(n, p.data()));
    out.putAll(namedBuffers());
    return out;
  }

  /**
   * Copies values into the parameters. Every key must exist and every shape match; nothing is
   * changed unless all do.
   *
   * @throws IllegalArgumentException naming the missing, unexpected or mismatched keys
   */
  public final void loadStateDict(Map<String, Tensor> state) {
    List<String> problems = checkStateDict(state);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(getClass().getSimpleName()
          + ".loadStateDict: " + String.join("; ", problems));
    }
    Map<String, Tensor> mine = stateDict();
    Map<String, Parameter> ps = namedParameters();
    mine.forEach((k, t) -> {
      if (ps.containsKey(k)) {
        ps.get(k).setData(state.get(k).copy());
      } else {
        t.copyFrom(state.get(k));
      }
    });
  }

  /**
   * What would stop {@link #loadStateDict} from loading {@code state}: missing, unexpected and
   * mismatched keys (empty when it fits).
   */
  public final List<String> checkStateDict(Map<String, Tensor> state) {
    Map<String, Tensor> mine = stateDict();
    List<String> problems = new ArrayList<>();
    for (String k : mine.keySet()) {
      if (!state.containsKey(k)) {
        problems.add("missing '" + k + "'");
      } else if (!Shape.same(state.get(k).shape(), mine.get(k).shape())) {
        problems.add("'" + k + "' has shape " + Shape.str(state.get(k).shape()) + ", expected "
            + Shape.str(mine.get(k).shape()));
      }
    }
    for (String k : state.keySet()) {
      if (!mine.containsKey(k)) {
        problems.add("unexpected '" + k + "'");
      }
    }
    return problems;
  }

  /** A one-line summary: class name and parameter count. */
  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + parameterCount() + " parameters)";
  }
}
