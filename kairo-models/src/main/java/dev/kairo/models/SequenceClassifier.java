package dev.kairo.models;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.F;
import dev.kairo.io.Architecture;
import dev.kairo.nn.LSTM;
import dev.kairo.nn.Linear;
import dev.kairo.nn.Module;
import java.util.SplittableRandom;

/**
 * An LSTM that reads a sequence and classifies it from its last hidden state: workload W4's
 * network, which reads each 28 x 28 image as 28 steps (rows) of 28 features. Input
 * [N, T, F], or [N, 1, T, F] images (the channel axis is dropped); output [N, classes] logits.
 *
 * <pre>{@code
 * SequenceClassifier net = new SequenceClassifier(28, 128, 10, 0);   // W4
 * Variable logits = net.forward(Variable.of(images));                // [N, 10]
 * }</pre>
 */
public final class SequenceClassifier extends Module {
  static {
    Architecture.register("SequenceClassifier", SequenceClassifier.class, (m, o) -> {
      o.put("features", m.features);
      o.put("hidden", m.hidden);
      o.put("classes", m.classes);
    }, o -> new SequenceClassifier(o.get("features").asInt(), o.get("hidden").asInt(),
        o.get("classes").asInt(), 0));
  }

  private final int features;
  private final int hidden;
  private final int classes;
  private final LSTM lstm;
  private final Linear fc;

  /** An LSTM(features → hidden) and a Linear(hidden → classes), PyTorch's init, seeded. */
  public SequenceClassifier(int features, int hidden, int classes, long seed) {
    this.features = features;
    this.hidden = hidden;
    this.classes = classes;
    this.lstm = module("lstm", LSTM.builder(features, hidden).seed(seed).build());
    this.fc = module("fc", new Linear(hidden, classes, true, new SplittableRandom(seed + 1)));
  }

  @Override
  public Variable forward(Variable x) {
    int[] s = x.shape();
    Variable seq = s.length == 4 && s[1] == 1 ? F.reshape(x, s[0], s[2], s[3]) : x;
    Variable hT = lstm.forwardWithState(seq).h();      // [layers = 1, N, hidden]
    return fc.forward(F.reshape(hT, seq.shape()[0], hidden));
  }
}
