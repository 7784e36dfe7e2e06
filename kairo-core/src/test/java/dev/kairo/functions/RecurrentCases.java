package dev.kairo.functions;

import dev.kairo.autograd.Variable;
import dev.kairo.functions.FunctionCases.Case;
import dev.kairo.functions.recurrent.GruCell;
import dev.kairo.functions.recurrent.GruSequence;
import dev.kairo.functions.recurrent.LstmCell;
import dev.kairo.functions.recurrent.LstmSequence;
import dev.kairo.functions.recurrent.RnnCell;
import dev.kairo.functions.recurrent.RnnSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * The recurrent rows of {@link FunctionCases}: each fused cell and sequence function, with and
 * without biases, batch-first and time-major, forward against {@link RecurrentReference}; and
 * composites through {@code F} that chain layers, so gradients are checked through whole
 * multi-step, multi-layer sequences and through every output (h sequence, h_T, c_T).
 */
final class RecurrentCases {
  private static final double[] NONE = {};

  private RecurrentCases() {}

  static List<Case> all() {
    List<Case> c = new ArrayList<>();
    // N = 3, I = 4, H = 5 for cells; N = 2, T = 4, I = 3, H = 3 for sequences.
    int[] x1 = {3, 4};
    int[] s1 = {3, 5};
    c.add(row("lstmCell", LstmCell.class, in -> new LstmCell().apply(in),
        xs -> RecurrentReference.lstm(xs, false, true),
        x1, s1, s1, new int[] {20, 4}, new int[] {20, 5}, new int[] {20}, new int[] {20}));
    c.add(row("lstmCell no bias", LstmCell.class, in -> new LstmCell().apply(in),
        xs -> RecurrentReference.lstm(xs, false, true),
        x1, s1, s1, new int[] {20, 4}, new int[] {20, 5}));
    c.add(row("gruCell", GruCell.class, in -> new GruCell().apply(in),
        xs -> RecurrentReference.gru(xs, false, true),
        x1, s1, new int[] {15, 4}, new int[] {15, 5}, new int[] {15}, new int[] {15}));
    c.add(row("gruCell no bias", GruCell.class, in -> new GruCell().apply(in),
        xs -> RecurrentReference.gru(xs, false, true),
        x1, s1, new int[] {15, 4}, new int[] {15, 5}));
    for (String act : new String[] {"tanh", "relu"}) {
      c.add(row("rnnCell " + act, RnnCell.class, in -> new RnnCell(act).apply(in),
          xs -> RecurrentReference.rnn(xs, act.equals("relu"), false, true),
          x1, s1, new int[] {5, 4}, new int[] {5, 5}, new int[] {5}, new int[] {5}));
    }

    int[] st = {2, 3};
    for (boolean bf : new boolean[] {true, false}) {
      int[] xs3 = bf ? new int[] {2, 4, 3} : new int[] {4, 2, 3};
      String lay = bf ? " batch-first" : " time-major";
      c.add(row("lstm sequence" + lay, LstmSequence.class, in -> new LstmSequence(bf).apply(in),
          xs -> RecurrentReference.lstm(xs, true, bf),
          xs3, st, st, new int[] {12, 3}, new int[] {12, 3}, new int[] {12}, new int[] {12}));
      c.add(row("gru sequence" + lay, GruSequence.class, in -> new GruSequence(bf).apply(in),
          xs -> RecurrentReference.gru(xs, true, bf),
          xs3, st, new int[] {9, 3}, new int[] {9, 3}, new int[] {9}, new int[] {9}));
      c.add(row("rnn sequence tanh" + lay, RnnSequence.class,
          in -> new RnnSequence("tanh", bf).apply(in),
          xs -> RecurrentReference.rnn(xs, false, true, bf),
          xs3, st, new int[] {3, 3}, new int[] {3, 3}, new int[] {3}, new int[] {3}));
    }
    c.add(row("rnn sequence relu no bias", RnnSequence.class,
        in -> new RnnSequence("relu", true).apply(in),
        xs -> RecurrentReference.rnn(xs, true, true, true),
        new int[] {2, 4, 3}, st, new int[] {3, 3}, new int[] {3, 3}));
    c.add(row("lstm sequence no bias T=1", LstmSequence.class,
        in -> new LstmSequence(true).apply(in), xs -> RecurrentReference.lstm(xs, true, true),
        new int[] {2, 1, 2}, st, st, new int[] {12, 2}, new int[] {12, 3}));

    // Two stacked layers through F: gradients reach every input through h sequence, h_T, c_T.
    c.add(row("F.lstm 2 layers, all outputs", LstmSequence.class, in -> {
      Variable[] l0 = F.lstm(in[0], in[1], in[2], in[3], in[4], in[5], in[6], true);
      Variable[] l1 = F.lstm(l0[0], null, null, in[7], in[8], null, null, true);
      return F.concat(1, F.reshape(l1[0], 2, -1), l1[1], l1[2], l0[2]);
    }, null, new int[] {2, 5, 3}, st, st, new int[] {12, 3}, new int[] {12, 3}, new int[] {12},
        new int[] {12}, new int[] {12, 3}, new int[] {12, 3}));
    c.add(row("F.gru 2 layers time-major", GruSequence.class, in -> {
      Variable[] l0 = F.gru(in[0], in[1], in[2], in[3], in[4], in[5], false);
      Variable[] l1 = F.gru(l0[0], null, in[6], in[7], null, null, false);
      return F.concat(1, F.reshape(F.transpose(l1[0], 0, 1), 2, -1), l1[1]);
    }, null, new int[] {5, 2, 3}, st, new int[] {9, 3}, new int[] {9, 3}, new int[] {9},
        new int[] {9}, new int[] {9, 3}, new int[] {9, 3}));
    c.add(row("F.rnn 2 layers", RnnSequence.class, in -> {
      Variable[] l0 = F.rnn(in[0], in[1], in[2], in[3], in[4], in[5], "tanh", true);
      return F.rnn(l0[0], null, in[6], in[7], null, null, "tanh", true)[1];
    }, null, new int[] {2, 5, 3}, st, new int[] {3, 3}, new int[] {3, 3}, new int[] {3},
        new int[] {3}, new int[] {3, 3}, new int[] {3, 3}));
    c.add(row("F.lstmCell two steps", LstmCell.class, in -> {
      Variable[] hc = F.lstmCell(in[0], in[1], in[2], in[3], in[4], in[5], in[6]);
      hc = F.lstmCell(in[0], hc[0], hc[1], in[3], in[4], in[5], in[6]);
      return F.concat(1, hc[0], hc[1]);
    }, null, x1, s1, s1, new int[] {20, 4}, new int[] {20, 5}, new int[] {20}, new int[] {20}));
    c.add(row("F.gruCell + rnnCell", GruCell.class, in -> F.rnnCell(in[0],
        F.gruCell(in[0], in[1], in[2], in[3], in[4], in[5]), in[6], in[7], null, null, "tanh"),
        null, x1, s1, new int[] {15, 4}, new int[] {15, 5}, new int[] {15}, new int[] {15},
        new int[] {5, 4}, new int[] {5, 5}));
    return c;
  }

  private static Case row(String name, Class<? extends dev.kairo.autograd.Function> covers,
      dev.kairo.autograd.GradCheck.Fn fn, FunctionCases.Reference ref, int[]... shapes) {
    return new Case(name, covers, fn, shapes, -1, 1, NONE, ref, null);
  }
}
