package dev.kairo.nn;

import dev.kairo.autograd.Variable;
import java.util.function.UnaryOperator;

/**
 * A parameter-free layer wrapping a function, so any activation fits in a {@link Sequential}.
 *
 * <pre>{@code
 * Module relu = new Lambda("ReLU", F::relu);
 * }</pre>
 */
public class Lambda extends Module {
  private final String name;
  private final UnaryOperator<Variable> fn;

  /** A layer named {@code name} computing {@code fn}. */
  public Lambda(String name, UnaryOperator<Variable> fn) {
    this.name = name;
    this.fn = fn;
  }

  @Override
  public Variable forward(Variable x) {
    return fn.apply(x);
  }

  @Override
  public String toString() {
    return name + "()";
  }
}
