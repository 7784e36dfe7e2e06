package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What {@link LSTM}, {@link GRU} and {@link RNN} share: a stack of recurrent layers, each one
 * fused sequence function from {@code F}, with PyTorch's parameter names
 * ({@code weight_ih_l0}, {@code weight_hh_l0}, {@code bias_ih_l0}, {@code bias_hh_l0},
 * {@code weight_ih_l1}, ...), shapes and initialisation (every parameter uniform in
 * ±1/√hidden, drawn in that order), so a PyTorch state dict loads unchanged.
 *
 * <pre>{@code
 * LSTM lstm = LSTM.builder(28, 128).layers(2).dropout(0.2).seed(1).build();
 * RecurrentLayer.Output r = lstm.forwardWithState(x);   // x [N, T, 28]
 * Variable last = r.h();                                // [2, N, 128]: final h of each layer
 * }</pre>
 *
 * <p>Shapes: input [N, T, I] when batch-first (Kairo's default, unlike PyTorch's), else
 * [T, N, I]; output [N, T, H] (or [T, N, H]): the last layer's h at every step; initial and
 * final states [layers, N, H] in both layouts, as in PyTorch. Dropout with probability p, when
 * set, applies to every layer's output but the last, in training mode only (with one layer it
 * does nothing, as in PyTorch).
 */
public abstract class RecurrentLayer extends Module {
  /**
   * The output sequence and the final states: h [layers, N, H], c likewise (LSTM) or null.
   *
   * <pre>{@code
   * RecurrentLayer.Output r = lstm.forwardWithState(x);
   * Variable next = lstm.forwardWithState(x2, r.h(), r.c()).output();   // carry the state on
   * }</pre>
   */
  public record Output(Variable output, Variable h, Variable c) {}

  private final String kind;
  private final int input;
  private final int hidden;
  private final int layers;
  private final boolean bias;
  private final boolean batchFirst;
  private final double dropoutP;
  private final Dropout dropout;
  private final List<Parameter[]> weights = new ArrayList<>();
  /** The Elman RNN's nonlinearity ("tanh" for the others, unused). */
  final String act;
  private String label;

  RecurrentLayer(String kind, int gates, Builder<?> b) {
    this.kind = kind;
    this.label = kind;
    if (b.input < 1 || b.hidden < 1 || b.layers < 1) {
      throw new IllegalArgumentException(kind + ": input size, hidden size and layers must be "
          + "positive, got input=" + b.input + ", hidden=" + b.hidden + ", layers=" + b.layers);
    }
    if (!(b.dropout >= 0 && b.dropout < 1)) {
      throw new IllegalArgumentException(kind + ": dropout must be in [0, 1), got " + b.dropout);
    }
    if (b.nonlinearity != null && !kind.equals("RNN")) {
      throw new IllegalArgumentException(kind + ": nonlinearity applies to RNN only");
    }
    act = b.nonlinearity == null ? "tanh" : b.nonlinearity;
    if (!act.equals("tanh") && !act.equals("relu")) {
      throw new IllegalArgumentException(kind + ": nonlinearity must be \"tanh\" or \"relu\", "
          + "got \"" + act + "\"");
    }
    input = b.input;
    hidden = b.hidden;
    layers = b.layers;
    bias = b.bias;
    batchFirst = b.batchFirst;
    dropoutP = b.dropout;
    SplittableRandom rng = b.seed == null ? Init.generator() : new SplittableRandom(b.seed);
    double k = 1 / Math.sqrt(hidden);
    for (int l = 0; l < layers; l++) {
      int in = l == 0 ? input : hidden;
      Parameter[] w = new Parameter[4];
      w[0] = param("weight_ih_l" + l, new Parameter(Init.uniform(rng, -k, k, gates * hidden, in)));
      w[1] = param("weight_hh_l" + l, new Parameter(Init.uniform(rng, -k, k, gates * hidden,
          hidden)));
      if (bias) {
        w[2] = param("bias_ih_l" + l, new Parameter(Init.uniform(rng, -k, k, gates * hidden)));
        w[3] = param("bias_hh_l" + l, new Parameter(Init.uniform(rng, -k, k, gates * hidden)));
      }
      weights.add(w);
    }
    boolean drops = dropoutP > 0 && layers > 1;
    long dropSeed = b.dropoutSeed != null ? b.dropoutSeed : rng.nextLong();
    dropout = drops ? module("dropout", new Dropout(dropoutP, dropSeed)) : null;
  }

  /**
   * Runs layer {@code l} over {@code in} from states h0 (and c0 for LSTM) [N, H]; returns
   * {output sequence, final h, final c (LSTM only)}.
   */
  abstract Variable[] runLayer(Variable in, Variable h0, Variable c0, Parameter[] w);

  /** The output sequence of the last layer, from zero initial states. */
  @Override
  public Variable forward(Variable x) {
    return forwardWithState(x, null, null).output();
  }

  /** The output sequence and final states, from zero initial states. */
  public Output forwardWithState(Variable x) {
    return forwardWithState(x, null, null);
  }

  /**
   * The output sequence and final states from initial states h0 and c0 [layers, N, H] (each
   * may be null for zeros; c0 only for LSTM).
   *
   * @throws IllegalArgumentException naming this layer and the shapes that do not fit
   */
  public Output forwardWithState(Variable x, Variable h0, Variable c0) {
    int[] s = x.shape();
    if (s.length != 3 || s[2] != input) {
      throw new IllegalArgumentException(label + ": input " + Shape.str(s) + " does not match "
          + "input size " + input + " (expected " + (batchFirst ? "[N, T, " : "[T, N, ") + input
          + "], " + (batchFirst ? "batch-first" : "time-major") + ")");
    }
    if (c0 != null && !kind.equals("LSTM")) {
      throw new IllegalArgumentException(label + ": has no cell state; pass c0 = null");
    }
    int n = batchFirst ? s[0] : s[1];
    checkState("h0", h0, n);
    checkState("c0", c0, n);
    Variable in = x;
    Variable[] hs = new Variable[layers];
    Variable[] cs = new Variable[layers];
    for (int l = 0; l < layers; l++) {
      if (l > 0 && dropout != null) {
        in = dropout.forward(in);
      }
      Variable[] r = runLayer(in, layerState(h0, l, n), layerState(c0, l, n), weights.get(l));
      in = r[0];
      hs[l] = F.reshape(r[1], 1, n, hidden);
      cs[l] = r.length > 2 ? F.reshape(r[2], 1, n, hidden) : null;
    }
    Variable h = layers == 1 ? hs[0] : F.concat(0, hs);
    Variable c = cs[0] == null ? null : layers == 1 ? cs[0] : F.concat(0, cs);
    return new Output(in, h, c);
  }

  private void checkState(String what, Variable st, int n) {
    if (st != null && !Shape.same(st.shape(), new int[] {layers, n, hidden})) {
      throw new IllegalArgumentException(label + ": initial state " + what + " "
          + Shape.str(st.shape()) + " does not match " + layers + " layer(s), batch " + n
          + " and hidden size " + hidden + " (expected " + Shape.str(new int[] {layers, n, hidden})
          + ")");
    }
  }

  private Variable layerState(Variable st, int l, int n) {
    if (st == null) {
      return null;
    }
    return F.reshape(layers == 1 ? st : F.slice(st, 0, l, l + 1), n, hidden);
  }

  /** Gives the layer a name for error messages ({@code LSTM 'encoder': ...}); returns this. */
  public RecurrentLayer named(String name) {
    this.label = kind + " '" + name + "'";
    return this;
  }

  /** Input feature size I. */
  public int inputSize() {
    return input;
  }

  /** Hidden size H. */
  public int hiddenSize() {
    return hidden;
  }

  /** Number of stacked layers. */
  public int numLayers() {
    return layers;
  }

  /** Whether the layers have biases. */
  public boolean hasBias() {
    return bias;
  }

  /** Whether inputs and outputs are [N, T, F] (true) or [T, N, F]. */
  public boolean batchFirst() {
    return batchFirst;
  }

  /** The dropout probability between layers. */
  public double dropout() {
    return dropoutP;
  }

  /** The seed of the dropout masks between layers, or 0 when there is no dropout. */
  public long dropoutSeed() {
    return dropout == null ? 0 : dropout.seed();
  }

  @Override
  public String toString() {
    return kind + "(" + input + ", " + hidden + (layers > 1 ? ", layers=" + layers : "")
        + (bias ? "" : ", no bias") + (batchFirst ? "" : ", time-major")
        + (dropoutP > 0 ? ", dropout=" + dropoutP : "") + ")";
  }

  /**
   * The knobs of a recurrent layer, with PyTorch's defaults except batch-first: 1 layer, with
   * biases, batch-first, no dropout, weights from {@link Init#generator()} unless seeded.
   *
   * <pre>{@code
   * GRU gru = GRU.builder(10, 32).layers(2).batchFirst(false).seed(7).build();
   * }</pre>
   *
   * @param <M> the layer built
   */
  public static final class Builder<M extends RecurrentLayer> {
    private final java.util.function.Function<Builder<M>, M> make;
    final int input;
    final int hidden;
    int layers = 1;
    boolean bias = true;
    boolean batchFirst = true;
    double dropout;
    Long seed;
    Long dropoutSeed;
    String nonlinearity;

    Builder(int input, int hidden, java.util.function.Function<Builder<M>, M> make) {
      this.input = input;
      this.hidden = hidden;
      this.make = make;
    }

    /** Stacked layers (default 1). */
    public Builder<M> layers(int n) {
      layers = n;
      return this;
    }

    /** With biases b_ih and b_hh (default true). */
    public Builder<M> bias(boolean b) {
      bias = b;
      return this;
    }

    /** Inputs and outputs [N, T, F] (default true) or time-major [T, N, F]. */
    public Builder<M> batchFirst(boolean b) {
      batchFirst = b;
      return this;
    }

    /** Dropout probability on each layer's output except the last's (default 0). */
    public Builder<M> dropout(double p) {
      dropout = p;
      return this;
    }

    /** Seeds the weights (and the dropout masks); default: the thread's {@link Init} generator. */
    public Builder<M> seed(long s) {
      seed = s;
      return this;
    }

    /** Seeds the dropout masks alone (used when a saved model is rebuilt). */
    public Builder<M> dropoutSeed(long s) {
      dropoutSeed = s;
      return this;
    }

    /** RNN only: {@code "tanh"} (default) or {@code "relu"}. */
    public Builder<M> nonlinearity(String act) {
      nonlinearity = act;
      return this;
    }

    /**
     * Builds the layer.
     *
     * @throws IllegalArgumentException naming the layer type and the bad knob
     */
    public M build() {
      return make.apply(this);
    }
  }
}
