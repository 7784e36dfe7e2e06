package dev.kairo.autograd;

import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;

/**
 * A node of the computation graph: a {@link Tensor} of data, its gradient, and the
 * {@link Function} that produced it (none for a leaf). The split of Chainer and the seeds:
 * the tensor is numbers, the variable is the graph.
 *
 * <pre>{@code
 * Variable x = new Variable(Tensor.scalar(3f));   // leaf, gradient wanted
 * Variable y = F.mul(x, x);                       // y = x^2, recorded
 * y.backward();                                   // dy/dx = 2x
 * x.grad().item();                                // 6.0
 * }</pre>
 *
 * <p>{@code new Variable(t)} makes a leaf that wants its gradient (parameters, or inputs you
 * differentiate with respect to); {@link #of(Tensor)} makes a constant (data, labels).
 * Gradients of leaves accumulate across {@code backward()} calls until {@link #zeroGrad()};
 * intermediate variables keep theirs only when {@link #retainGrad()} was called.
 */
public class Variable {
  private Tensor data;
  private Tensor grad;
  private Function creator;
  private final boolean requiresGrad;
  private boolean retainGrad;
  private boolean graphFreed;
  private String name;

  /** A leaf variable that requires its gradient. */
  public Variable(Tensor data) {
    this(data, true);
  }

  /** A leaf variable; {@code requiresGrad} says whether backward computes its gradient. */
  public Variable(Tensor data, boolean requiresGrad) {
    if (data == null) {
      throw new IllegalArgumentException("Variable: data is null");
    }
    this.data = data;
    this.requiresGrad = requiresGrad;
  }

  Variable(Tensor data, Function creator) {
    this.data = data;
    this.creator = creator;
    this.requiresGrad = true;
  }

  /** A constant: data that takes part in computations but gets no gradient. */
  public static Variable of(Tensor data) {
    return new Variable(data, false);
  }

  /** The data tensor. */
  public Tensor data() {
    return data;
  }

  /**
   * Replaces the data with a tensor of the same shape (loading weights, for example).
   *
   * @throws IllegalArgumentException when the shape differs
   */
  public void setData(Tensor newData) {
    if (!Shape.same(newData.shape(), data.shape())) {
      throw new IllegalArgumentException("setData" + (name == null ? "" : " on '" + name + "'")
          + ": shape " + Shape.str(newData.shape()) + " does not match " + Shape.str(data.shape()));
    }
    this.data = newData;
  }

  /** The gradient from the last backward passes, or {@code null} if none reached this variable. */
  public Tensor grad() {
    return grad;
  }

  /** Replaces the gradient (used by gradient clipping and by optimizers' hooks). */
  public void setGrad(Tensor g) {
    if (g != null && !Shape.same(g.shape(), data.shape())) {
      throw new IllegalArgumentException("setGrad" + (name == null ? "" : " on '" + name + "'")
          + ": gradient shape " + Shape.str(g.shape()) + " does not match data "
          + Shape.str(data.shape()));
    }
    this.grad = g;
  }

  /** Clears the gradient. */
  public void zeroGrad() {
    grad = null;
  }

  /** Whether backward computes this variable's gradient. */
  public boolean requiresGrad() {
    return requiresGrad;
  }

  /** The function that produced this variable, or {@code null} for a leaf or a freed graph. */
  public Function creator() {
    return creator;
  }

  /** Whether this variable was created by the user rather than by a function. */
  public boolean isLeaf() {
    return creator == null && !graphFreed;
  }

  /** Keep this intermediate variable's gradient after backward (leaves always keep theirs). */
  public Variable retainGrad() {
    retainGrad = true;
    return this;
  }

  /** A constant sharing this variable's data, cut off from the graph. */
  public Variable detach() {
    return of(data);
  }

  /** The name used in error messages and listings, or {@code null}. */
  public String name() {
    return name;
  }

  /** Sets the name; returns this. */
  public Variable named(String n) {
    this.name = n;
    return this;
  }

  /** The shape of the data. */
  public int[] shape() {
    return data.shape();
  }

  /** The value of a one-element variable. */
  public float item() {
    return data.item();
  }

  /**
   * Backpropagates from this scalar (one-element) variable: seeds its gradient with 1.
   *
   * @throws IllegalStateException when the variable has more than one element
   */
  public void backward() {
    backward(null, false);
  }

  /** Backpropagates with {@code gradient} as d(loss)/d(this); frees the graph afterwards. */
  public void backward(Tensor gradient) {
    backward(gradient, false);
  }

  /**
   * Backpropagates with {@code gradient} as d(loss)/d(this), or 1 for a one-element variable
   * when {@code gradient} is null. With {@code retainGraph}, the graph stays usable for
   * another backward; otherwise each function is released as soon as it has been used.
   */
  public void backward(Tensor gradient, boolean retainGraph) {
    if (!requiresGrad) {
      throw new IllegalStateException("backward(): this variable does not require a gradient "
          + "(it is a constant, or was computed under NoGrad or only from constants)");
    }
    if (graphFreed) {
      throw freedError();
    }
    Tensor seed = gradient;
    if (seed == null) {
      if (data.numel() != 1) {
        throw new IllegalStateException("backward(): variable of shape " + Shape.str(data.shape())
            + " is not a scalar; pass the gradient of the loss with respect to it: backward(gradient)");
      }
      seed = Tensor.ones(data.shape());
    } else if (!Shape.same(seed.shape(), data.shape())) {
      throw new IllegalArgumentException("backward(gradient): gradient shape "
          + Shape.str(seed.shape()) + " does not match variable shape " + Shape.str(data.shape()));
    }
    Backprop.run(this, seed, retainGraph);
  }

  IllegalStateException freedError() {
    return new IllegalStateException("backward(): the graph through "
        + (name == null ? "this variable" : "'" + name + "'")
        + " was freed by an earlier backward(); call backward(gradient, true) the first "
        + "time to go through a graph twice");
  }

  boolean retainsGrad() {
    return retainGrad;
  }

  boolean graphFreed() {
    return graphFreed;
  }

  void freeGraph() {
    creator = null;
    graphFreed = true;
  }

  void accumulateGrad(Tensor g) {
    grad = grad == null ? g : grad.add(g);
  }

  /** Chainer-style text: {@code variable(tensor(...))} or {@code variable name(...)}. */
  @Override
  public String toString() {
    String t = data.toString();
    String body = t.startsWith("tensor(") ? t.substring("tensor(".length(), t.length() - 1) : t;
    return "variable" + (name == null ? "" : " " + name) + "(" + body + ")";
  }
}
