package dev.kairo.nn;

import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.tensor.Workspace;
import java.util.ArrayList;
import java.util.List;

/**
 * Modules applied one after another; they are registered as {@code 0}, {@code 1}, ... so their
 * parameters are named {@code 0.weight}, {@code 1.bias}, as in PyTorch.
 *
 * <pre>{@code
 * Sequential net = new Sequential(new Linear(784, 256), Layers.relu(), new Linear(256, 10));
 * }</pre>
 *
 * <p>Inference reuses memory: under {@link NoGrad}, when every layer is one of Kairo's own
 * that keeps nothing from a call ({@code Linear}, {@code Activation}, {@code Dropout},
 * {@code Flatten}, {@code BatchNorm}, {@code LayerNorm}, or such a {@code Sequential}), the
 * layers' output arrays are kept and filled again by the next call (see {@link Workspace});
 * the array behind the returned result is never reused, so what a caller holds stays as it
 * was. Any other layer, or a graph being recorded, turns this off for the call.
 */
public class Sequential extends Module {
  private final List<Module> layers = new ArrayList<>();
  private final Workspace workspace = new Workspace();
  private int layersAdded;

  /** A container of the given modules, in order. */
  public Sequential(Module... modules) {
    for (Module m : modules) {
      add(m);
    }
  }

  /** Appends a module; returns this. */
  public Sequential add(Module m) {
    layers.add(module(Integer.toString(layers.size()), m));
    layersAdded++;
    return this;
  }

  /**
   * How many layers have been added so far (the constructor's included): a program built from
   * this container, such as a compiled training step, compares it to notice a later change.
   */
  public int layersAdded() {
    return layersAdded;
  }

  /** The i-th module. */
  public Module get(int i) {
    return layers.get(i);
  }

  /** The number of modules. */
  public int size() {
    return layers.size();
  }

  /**
   * Applies the modules in order. A {@link Linear} or convolution layer directly followed by
   * {@link Activation#relu()} runs as one fused op (see {@link ReluFusable}), and a
   * {@link Conv2d}, ReLU, {@link MaxPool2d} run as one op that pools each image while it is in
   * cache: the same bits, forward and backward, fewer passes over memory.
   */
  @Override
  public Variable forward(Variable x) {
    if (NoGrad.isGradEnabled() || !keepsNothing(this) || !workspace.enter()) {
      return forwardLayers(x);
    }
    Variable y = null;
    try {
      y = forwardLayers(x);
      return y;
    } finally {
      workspace.exit(y == null ? null : y.data());
    }
  }

  /**
   * Whether {@code m} is a layer known to keep no array of its input or output once its
   * forward returns (exact classes: a subclass may override forward).
   */
  private static boolean keepsNothing(Module m) {
    Class<?> c = m.getClass();
    if (c == Sequential.class) {
      for (Module child : ((Sequential) m).layers) {
        if (!keepsNothing(child)) {
          return false;
        }
      }
      return true;
    }
    return c == Linear.class || c == Activation.class || c == Dropout.class
        || c == Flatten.class || c == BatchNorm.class || c == LayerNorm.class;
  }

  private Variable forwardLayers(Variable x) {
    Variable y = x;
    for (int i = 0; i < layers.size(); i++) {
      Module m = layers.get(i);
      if (m instanceof ReluFusable && i + 2 < layers.size() && isRelu(layers.get(i + 1))
          && layers.get(i + 2) instanceof MaxPool2d) {
        Variable fused = ((ReluFusable) m).forwardThenReluMaxPool(y,
            (MaxPool2d) layers.get(i + 2));
        if (fused != null) {
          y = fused;
          i += 2;
          continue;
        }
      }
      if (m instanceof ReluFusable && i + 1 < layers.size() && isRelu(layers.get(i + 1))) {
        Variable fused = ((ReluFusable) m).forwardThenRelu(y);
        if (fused != null) {
          y = fused;
          i++;
          continue;
        }
      }
      y = m.forward(y);
    }
    return y;
  }

  private static boolean isRelu(Module m) {
    return m instanceof Activation && ((Activation) m).kind().equals("relu");
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("Sequential(\n");
    for (int i = 0; i < layers.size(); i++) {
      s.append("  (").append(i).append(") ").append(layers.get(i)).append('\n');
    }
    return s.append(')').toString();
  }
}
