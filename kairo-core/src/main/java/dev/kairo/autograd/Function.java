package dev.kairo.autograd;

import dev.kairo.tensor.Tensor;

/**
 * A differentiable operation with its forward and backward side by side. Subclasses keep in
 * fields only what their backward needs (Chainer's {@code retain_outputs}), compute on
 * {@link Tensor}s, and return new tensors from {@link #backward}, never writing into the
 * incoming gradient.
 *
 * <p>A Function object is used once: {@link #apply} runs the forward and, when gradients are
 * wanted, records this object as the creator of the output. Users normally call the facade
 * {@code F} instead.
 *
 * <pre>{@code
 * final class Square extends Function {
 *   private Tensor x;
 *   protected Tensor forward(Tensor... in) { x = in[0]; return x.mul(x); }
 *   protected Tensor[] backward(Tensor gy) { return new Tensor[] {gy.mul(x).mul(2f)}; }
 * }
 * Variable y = new Square().apply(x);
 * }</pre>
 */
public abstract class Function {
  private Variable[] inputs;
  private boolean[] needsGrad;
  private boolean used;

  /** Computes the output from the inputs' data. */
  protected abstract Tensor forward(Tensor... xs);

  /**
   * Given the gradient of the loss with respect to the output, returns the gradient with
   * respect to each input, each of that input's shape (or {@code null} for inputs whose
   * gradient is not needed: see {@link #needsInputGrad}).
   */
  protected abstract Tensor[] backward(Tensor gy);

  /** A short name for error messages and graph listings; the class name by default. */
  public String name() {
    return getClass().getSimpleName();
  }

  /** Whether the gradient of input {@code i} is needed by the current backward pass. */
  protected final boolean needsInputGrad(int i) {
    return needsGrad == null || needsGrad[i];
  }

  /** Runs the forward and records the graph when gradients are enabled and wanted. */
  public final Variable apply(Variable... xs) {
    if (used) {
      throw new IllegalStateException(name() + ": a Function object is applied once; "
          + "create a new one for each call");
    }
    used = true;
    Tensor[] data = new Tensor[xs.length];
    boolean anyGrad = false;
    boolean[] need = new boolean[xs.length];
    for (int i = 0; i < xs.length; i++) {
      if (xs[i] == null) {
        throw new IllegalArgumentException(name() + ": input " + i + " is null");
      }
      data[i] = xs[i].data();
      need[i] = xs[i].requiresGrad();
      anyGrad |= need[i];
    }
    Tensor y = forward(data);
    if (anyGrad && NoGrad.isGradEnabled()) {
      inputs = xs.clone();
      needsGrad = need;
      return new Variable(y, this);
    }
    return Variable.of(y);
  }

  Variable[] inputs() {
    return inputs;
  }

  Tensor[] backwardChecked(Tensor gy) {
    Tensor[] gx = backward(gy);
    if (gx.length != inputs.length) {
      throw new IllegalStateException(name() + ".backward returned " + gx.length
          + " gradients for " + inputs.length + " inputs");
    }
    return gx;
  }
}
