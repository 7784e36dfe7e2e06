package dev.kairo.optim;

/** Hyperparameter checks with messages that name the optimizer and the value. */
final class Check {
  private Check() {}

  static double positive(String owner, String what, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(owner + ": " + what + " must be a positive finite number, got " + v);
    }
    return v;
  }

  static double nonNegative(String owner, String what, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(owner + ": " + what + " must be >= 0 and finite, got " + v);
    }
    return v;
  }

  static double unitInterval(String owner, String what, double v) {
    if (!(v >= 0 && v < 1)) {
      throw new IllegalArgumentException(owner + ": " + what + " must be in [0, 1), got " + v);
    }
    return v;
  }
}
