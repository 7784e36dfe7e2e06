package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;

/**
 * Elman recurrent layers, as {@code torch.nn.RNN}:
 * {@code h' = act(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh)} with act {@code "tanh"} (default) or
 * {@code "relu"}. Each layer is one fused function over the whole sequence ({@link F#rnn});
 * weights [H, I] and [H, H] under PyTorch's names. See {@link RecurrentLayer} for shapes,
 * dropout and initialisation.
 *
 * <pre>{@code
 * RNN rnn = RNN.builder(4, 8).nonlinearity("relu").seed(0).build();
 * Variable y = rnn.forward(x);   // x [N, T, 4] -> [N, T, 8]
 * }</pre>
 */
public final class RNN extends RecurrentLayer {
  /** One batch-first tanh layer with biases, weights from {@link Init#generator()}. */
  public RNN(int inputSize, int hiddenSize) {
    this(builder(inputSize, hiddenSize));
  }

  private RNN(Builder<RNN> b) {
    super("RNN", 1, b);
  }

  /** The knobs: layers, bias, batchFirst, dropout, seed, nonlinearity. */
  public static Builder<RNN> builder(int inputSize, int hiddenSize) {
    return new Builder<>(inputSize, hiddenSize, RNN::new);
  }

  /** {@code "tanh"} or {@code "relu"}. */
  public String nonlinearity() {
    return act;
  }

  /** The output sequence and final h from initial state h0 [layers, N, H] (null for zeros). */
  public Output forwardWithState(Variable x, Variable h0) {
    return forwardWithState(x, h0, null);
  }

  @Override
  Variable[] runLayer(Variable in, Variable h0, Variable c0, Parameter[] w) {
    return F.rnn(in, h0, w[0], w[1], w[2], w[3], act, batchFirst());
  }

  @Override
  public String toString() {
    String s = super.toString();
    return act.equals("tanh") ? s : s.substring(0, s.length() - 1) + ", relu)";
  }
}
