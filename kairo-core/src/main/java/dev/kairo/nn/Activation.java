package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * A parameter-free activation as a layer, so it fits in a {@link Sequential}. Each factory
 * names the function of {@code F} it applies; the name and argument also describe the layer in
 * saved architectures. Layers with parameters or randomness are {@link PRelu}, {@link RRelu}
 * and {@link Dropout}.
 *
 * <pre>{@code
 * Sequential net = new Sequential(new Linear(2, 3), Activation.tanh(), new Linear(3, 2));
 * Activation a = Activation.of("leaky_relu", 0.1);   // by name, as in a config file
 * }</pre>
 */
public final class Activation extends Module {
  private final String kind;
  private final double arg;
  private final UnaryOperator<Variable> fn;

  private Activation(String kind, double arg, UnaryOperator<Variable> fn) {
    this.kind = kind;
    this.arg = arg;
    this.fn = fn;
  }

  /** Heaviside step (no useful gradient). */
  public static Activation step() {
    return new Activation("step", Double.NaN, F::step);
  }

  /** Logistic sigmoid. */
  public static Activation sigmoid() {
    return new Activation("sigmoid", 1, F::sigmoid);
  }

  /** Sigmoid with temperature T. */
  public static Activation sigmoid(double temperature) {
    return new Activation("sigmoid", temperature, x -> F.sigmoid(x, (float) temperature));
  }

  /** Hyperbolic tangent. */
  public static Activation tanh() {
    return new Activation("tanh", Double.NaN, F::tanh);
  }

  /** ReLU. */
  public static Activation relu() {
    return new Activation("relu", Double.NaN, F::relu);
  }

  /** Leaky ReLU with the given negative slope. */
  public static Activation leakyRelu(double slope) {
    return new Activation("leaky_relu", slope, x -> F.leakyRelu(x, (float) slope));
  }

  /** Absolute value rectification. */
  public static Activation absoluteRectification() {
    return new Activation("abs", Double.NaN, F::absoluteRectification);
  }

  /** Maxout over groups of {@code pieces} units along axis 1. */
  public static Activation maxout(int pieces) {
    return new Activation("maxout", pieces, x -> F.maxout(x, pieces));
  }

  /** GELU (exact). */
  public static Activation gelu() {
    return new Activation("gelu", Double.NaN, F::gelu);
  }

  /** Softplus with β. */
  public static Activation softplus(double beta) {
    return new Activation("softplus", beta, x -> F.softplus(x, (float) beta));
  }

  /** ELU with α. */
  public static Activation elu(double alpha) {
    return new Activation("elu", alpha, x -> F.elu(x, (float) alpha));
  }

  /** SELU. */
  public static Activation selu() {
    return new Activation("selu", Double.NaN, F::selu);
  }

  /** Identity. */
  public static Activation identity() {
    return new Activation("identity", Double.NaN, F::identity);
  }

  /** Softmax over the last axis. */
  public static Activation softmax() {
    return new Activation("softmax", Double.NaN, F::softmax);
  }

  /** Log-softmax over the last axis. */
  public static Activation logSoftmax() {
    return new Activation("log_softmax", Double.NaN, F::logSoftmax);
  }

  /**
   * An activation by name (case-insensitive; {@code -} and {@code _} alike) with an optional
   * argument (NaN for the default): step, sigmoid [T], tanh, relu, leaky_relu [slope 0.01],
   * abs, maxout pieces, gelu, softplus [β 1], elu [α 1], selu, identity, softmax, log_softmax.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Activation of(String name, double arg) {
    boolean none = Double.isNaN(arg);
    switch (name.toLowerCase(Locale.ROOT).replace('-', '_')) {
      case "step": return step();
      case "sigmoid": return none ? sigmoid() : sigmoid(arg);
      case "tanh": return tanh();
      case "relu": return relu();
      case "leaky_relu": case "leakyrelu": return leakyRelu(none ? 0.01 : arg);
      case "abs": case "absolute_rectification": return absoluteRectification();
      case "maxout":
        if (none) {
          throw new IllegalArgumentException("Activation maxout needs the number of pieces");
        }
        return maxout((int) arg);
      case "gelu": return gelu();
      case "softplus": return softplus(none ? 1 : arg);
      case "elu": return elu(none ? 1 : arg);
      case "selu": return selu();
      case "identity": case "linear": return identity();
      case "softmax": return softmax();
      case "log_softmax": case "logsoftmax": return logSoftmax();
      default:
        throw new IllegalArgumentException("unknown activation '" + name + "'; known: step, "
            + "sigmoid, tanh, relu, leaky_relu, abs, maxout, gelu, softplus, elu, selu, "
            + "identity, softmax, log_softmax");
    }
  }

  /** The activation's name, as accepted by {@link #of}. */
  public String kind() {
    return kind;
  }

  /** Its argument (temperature, slope, pieces, β, α), or NaN when it has none. */
  public double argument() {
    return arg;
  }

  @Override
  public Variable forward(Variable x) {
    return fn.apply(x);
  }

  @Override
  public String toString() {
    return kind + (Double.isNaN(arg) ? "()" : "(" + arg + ")");
  }
}
