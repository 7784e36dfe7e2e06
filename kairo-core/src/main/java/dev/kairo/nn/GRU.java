package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;

/**
 * Gated recurrent unit layers (Cho et al. 2014), as {@code torch.nn.GRU}: gates r, z, n with
 * {@code n = tanh(W_in x + b_in + r⊙(W_hn h + b_hn))} and {@code h' = (1 − z)⊙n + z⊙h}. Each
 * layer is one fused function over the whole sequence ({@link F#gru}); weights [3H, I] and
 * [3H, H] under PyTorch's names. See {@link RecurrentLayer} for shapes, dropout and
 * initialisation.
 *
 * <pre>{@code
 * GRU gru = GRU.builder(16, 32).layers(2).seed(3).build();
 * RecurrentLayer.Output r = gru.forwardWithState(x);   // x [N, T, 16]
 * Variable y = r.output(), hLast = r.h();              // [N, T, 32], [2, N, 32]
 * }</pre>
 */
public final class GRU extends RecurrentLayer {
  /** One batch-first layer with biases, weights from {@link Init#generator()}. */
  public GRU(int inputSize, int hiddenSize) {
    this(builder(inputSize, hiddenSize));
  }

  private GRU(Builder<GRU> b) {
    super("GRU", 3, b);
  }

  /** The knobs: layers, bias, batchFirst, dropout, seed. */
  public static Builder<GRU> builder(int inputSize, int hiddenSize) {
    return new Builder<>(inputSize, hiddenSize, GRU::new);
  }

  /** The output sequence and final h from initial state h0 [layers, N, H] (null for zeros). */
  public Output forwardWithState(Variable x, Variable h0) {
    return forwardWithState(x, h0, null);
  }

  @Override
  Variable[] runLayer(Variable in, Variable h0, Variable c0, Parameter[] w) {
    return F.gru(in, h0, w[0], w[1], w[2], w[3], batchFirst());
  }
}
