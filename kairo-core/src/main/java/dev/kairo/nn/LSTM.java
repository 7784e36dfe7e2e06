package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;

/**
 * Long short-term memory layers (Hochreiter and Schmidhuber 1997), as {@code torch.nn.LSTM}:
 * gates i, f, g, o from {@code x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh}, then
 * {@code c' = f⊙c + i⊙g} and {@code h' = o⊙tanh(c')}. Each layer is one fused function over
 * the whole sequence ({@link F#lstm}); weights are [4H, I] and [4H, H] with PyTorch's names,
 * so a PyTorch {@code state_dict} loads as is. See {@link RecurrentLayer} for shapes, dropout
 * and initialisation.
 *
 * <pre>{@code
 * LSTM lstm = LSTM.builder(28, 128).seed(1).build();        // batch-first
 * Variable y = lstm.forward(x);                             // x [N, 28, 28] -> y [N, 28, 128]
 * RecurrentLayer.Output r = lstm.forwardWithState(x, h0, c0);
 * Variable hLast = r.h(), cLast = r.c();                    // [1, N, 128] each
 * }</pre>
 */
public final class LSTM extends RecurrentLayer {
  /** One batch-first layer with biases, weights from {@link Init#generator()}. */
  public LSTM(int inputSize, int hiddenSize) {
    this(builder(inputSize, hiddenSize));
  }

  private LSTM(Builder<LSTM> b) {
    super("LSTM", 4, b);
  }

  /** The knobs: layers, bias, batchFirst, dropout, seed. */
  public static Builder<LSTM> builder(int inputSize, int hiddenSize) {
    return new Builder<>(inputSize, hiddenSize, LSTM::new);
  }

  @Override
  Variable[] runLayer(Variable in, Variable h0, Variable c0, Parameter[] w) {
    return F.lstm(in, h0, c0, w[0], w[1], w[2], w[3], batchFirst());
  }
}
