package dev.kairo.nn;

import dev.kairo.tensor.PackedMlp;
import dev.kairo.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A {@link Sequential} read as a plain multilayer perceptron: its {@link Linear} layers and
 * element-wise activations (ReLU, leaky ReLU, tanh, sigmoid) in order, nested containers
 * opened, identities and {@link Flatten} dropped. Programs that run such a network without
 * the general machinery start here: the compiled training step ({@code TrainStep}) and the
 * {@link Predictor}. {@link #of} says why a model is not one.
 *
 * <pre>{@code
 * StringBuilder why = new StringBuilder();
 * MlpStages stages = MlpStages.of(model, why);   // null, with the reason in why, if not an MLP
 * }</pre>
 */
public final class MlpStages {
  private final List<Module> stages;
  private final int[] kind;
  private final int[] width;
  private final float[] slope;
  private final int inWidth;
  private final boolean flattensInput;
  /** The containers the stages came from, and how many layers each had been given then. */
  private final Sequential[] containers;
  private final int[] layersAdded;

  private MlpStages(List<Module> stages, List<Sequential> from, boolean flattensInput) {
    this.stages = Collections.unmodifiableList(stages);
    this.flattensInput = flattensInput;
    containers = from.toArray(new Sequential[0]);
    layersAdded = new int[containers.length];
    for (int i = 0; i < containers.length; i++) {
      layersAdded[i] = containers[i].layersAdded();
    }
    int n = stages.size();
    kind = new int[n];
    width = new int[n];
    slope = new float[n];
    int w = -1;
    for (int s = 0; s < n; s++) {
      Module m = stages.get(s);
      if (m instanceof Linear) {
        kind[s] = PackedMlp.LINEAR;
        w = ((Linear) m).outFeatures();
      } else {
        Activation a = (Activation) m;
        String k = a.kind();
        kind[s] = k.equals("tanh") ? PackedMlp.TANH
            : k.equals("sigmoid") ? PackedMlp.SIGMOID : PackedMlp.LEAKY_RELU;
        slope[s] = k.equals("leaky_relu") ? (float) a.argument() : 0f;
      }
      width[s] = w;
    }
    inWidth = ((Linear) stages.get(0)).inFeatures();
  }

  /**
   * The stages of {@code model}, or null, with a sentence saying why not in {@code whyNot},
   * when it is not a {@code Sequential} (the class itself) of Linear layers, the activations
   * relu, leaky_relu, tanh, sigmoid (temperature 1) and identity, and Flatten, starting with
   * a Linear (after any Flatten) whose widths chain.
   */
  public static MlpStages of(Module model, StringBuilder whyNot) {
    if (model.getClass() != Sequential.class) {
      whyNot.append("the model is a ").append(model.getClass().getSimpleName())
          .append(", not a Sequential");
      return null;
    }
    List<Module> stages = new ArrayList<>();
    List<Sequential> containers = new ArrayList<>();
    if (!flatten((Sequential) model, stages, containers, whyNot)) {
      return null;
    }
    // Stages before the first Linear would only change what the first Linear reads; their
    // widths are those of the input, unknown here. Kept simple: the model starts with one.
    if (stages.isEmpty() || !(stages.get(0) instanceof Linear)) {
      whyNot.append(stages.stream().anyMatch(m -> m instanceof Linear)
          ? "its first layer is not a Linear" : "it has no Linear layer");
      return null;
    }
    Linear prev = null;
    for (Module m : stages) {
      if (m instanceof Linear) {
        Linear l = (Linear) m;
        if (prev != null && prev.outFeatures() != l.inFeatures()) {
          whyNot.append("layer widths do not chain (").append(prev.outFeatures())
              .append(" into ").append(l.inFeatures()).append(')');
          return null;
        }
        prev = l;
      }
    }
    return new MlpStages(stages, containers, startsWithFlatten((Sequential) model));
  }

  /** Appends the stages of {@code seq} (nested Sequentials opened, identities dropped). */
  private static boolean flatten(Sequential seq, List<Module> out, List<Sequential> containers,
      StringBuilder whyNot) {
    containers.add(seq);
    for (int i = 0; i < seq.size(); i++) {
      Module m = seq.get(i);
      if (m.getClass() == Sequential.class) {
        if (!flatten((Sequential) m, out, containers, whyNot)) {
          return false;
        }
      } else if (m.getClass() == Linear.class) {
        out.add(m);
      } else if (m.getClass() == Flatten.class) {
        // First: the input's rows as they lie in memory (see takes). Later: on the [batch,
        // width] arrays between layers, Flatten returns its input as it is.
        continue;
      } else if (m.getClass() == Activation.class && elementwise((Activation) m)) {
        if (!((Activation) m).kind().equals("identity")) {
          out.add(m);
        }
      } else {
        whyNot.append("layer ").append(m).append(" is not a Linear, a Flatten or one of the "
            + "activations relu, leaky_relu, tanh, sigmoid, identity");
        return false;
      }
    }
    return true;
  }

  private static boolean elementwise(Activation a) {
    switch (a.kind().toLowerCase(Locale.ROOT)) {
      case "relu":
      case "leaky_relu":
      case "tanh":
      case "identity":
        return true;
      case "sigmoid":
        return a.argument() == 1; // with a temperature the op divides first: not included
      default:
        return false;
    }
  }

  /** Whether the first layer, opening nested Sequentials, is a Flatten. */
  private static boolean startsWithFlatten(Sequential seq) {
    Module first = seq.size() == 0 ? null : seq.get(0);
    if (first != null && first.getClass() == Sequential.class) {
      return startsWithFlatten((Sequential) first);
    }
    return first != null && first.getClass() == Flatten.class;
  }

  /** The stages in order: {@link Linear} layers and non-identity {@link Activation}s. */
  public List<Module> modules() {
    return stages;
  }

  /** How many stages there are. */
  public int size() {
    return kind.length;
  }

  /** Stage s's kind: {@link PackedMlp#LINEAR}, {@code LEAKY_RELU}, {@code TANH} or {@code SIGMOID}. */
  public int kind(int s) {
    return kind[s];
  }

  /** Stage s's output width (an activation's is that of the layer before it). */
  public int width(int s) {
    return width[s];
  }

  /** Stage s's slope when it is a leaky ReLU (0 for ReLU and for the other kinds). */
  public float slope(int s) {
    return slope[s];
  }

  /** Stage s as a Linear layer (it must be one). */
  public Linear linear(int s) {
    return (Linear) stages.get(s);
  }

  /** The width of an input row: the first layer's input features. */
  public int inWidth() {
    return inWidth;
  }

  /** The width of an output row. */
  public int outWidth() {
    return width[width.length - 1];
  }

  /**
   * Whether these stages take {@code x} as it is: [batch, in] with batch at least 1, or, after
   * a leading Flatten, [batch, ...] whose other axes hold in values per row.
   */
  public boolean takes(Tensor x) {
    if (x.rank() < 2 || x.size(0) < 1) {
      return false;
    }
    return x.rank() == 2 ? x.size(1) == inWidth
        : flattensInput && x.numel() / x.size(0) == inWidth;
  }

  /** Whether the model starts with a Flatten, so that inputs of any rank with rows of inWidth fit. */
  public boolean flattensInput() {
    return flattensInput;
  }

  /** Whether a layer was added to the model, or to a container in it, since these were read. */
  public boolean stale() {
    for (int i = 0; i < containers.length; i++) {
      if (containers[i].layersAdded() != layersAdded[i]) {
        return true;
      }
    }
    return false;
  }

  /** The kinds of all stages, in order (a copy). */
  public int[] kinds() {
    return kind.clone();
  }

  /** The output widths of all stages, in order (a copy). */
  public int[] widths() {
    return width.clone();
  }

  /** The slopes of all stages, in order (a copy). */
  public float[] slopes() {
    return slope.clone();
  }
}
