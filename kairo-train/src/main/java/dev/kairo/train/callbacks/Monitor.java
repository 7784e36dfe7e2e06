package dev.kairo.train.callbacks;

import java.util.Map;

/**
 * Which logged value to watch and which direction is better: lower for losses, higher for
 * anything named like accuracy, F1, R² or a score.
 */
final class Monitor {
  final String name;
  final boolean higherIsBetter;

  Monitor(String name) {
    this.name = name;
    String n = name.toLowerCase(java.util.Locale.ROOT);
    this.higherIsBetter = n.contains("acc") || n.contains("f1") || n.contains("r2")
        || n.contains("score");
  }

  double read(String owner, Map<String, Double> log) {
    Double v = log.get(name);
    if (v == null) {
      throw new IllegalStateException(owner + ": the epoch log has no '" + name + "' (has "
          + log.keySet() + "); monitor a value the trainer records, e.g. val_loss needs "
          + "validation data");
    }
    return v;
  }

  boolean improves(double value, double best, double minDelta) {
    if (Double.isNaN(best)) {
      return !Double.isNaN(value);
    }
    return higherIsBetter ? value > best + minDelta : value < best - minDelta;
  }
}
