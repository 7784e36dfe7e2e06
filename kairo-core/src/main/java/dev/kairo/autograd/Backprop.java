package dev.kairo.autograd;

import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reverse walk: a depth-first post-order of the graph (iterative, so a recurrent net of a
 * thousand steps does not overflow the stack), then the chain rule in reverse order, each
 * variable's gradient summed from all its uses before it is passed on.
 */
final class Backprop {
  private Backprop() {}

  static void run(Variable root, Tensor seed, boolean retainGraph) {
    List<Variable> order = topologicalOrder(root);
    Map<Variable, Tensor> pending = new IdentityHashMap<>();
    pending.put(root, seed);
    for (int idx = order.size() - 1; idx >= 0; idx--) {
      Variable v = order.get(idx);
      Tensor g = pending.remove(v);
      if (g == null) {
        continue;
      }
      Function f = v.creator();
      if (f == null) {
        if (v.graphFreed()) {
          throw v.freedError();
        }
        v.accumulateGrad(g);
        continue;
      }
      if (v.retainsGrad()) {
        v.accumulateGrad(g);
      }
      Variable[] inputs = f.inputs();
      Tensor[] gx = f.backwardChecked(g);
      for (int i = 0; i < inputs.length; i++) {
        Variable in = inputs[i];
        if (!in.requiresGrad() || gx[i] == null) {
          continue;
        }
        if (!Shape.same(gx[i].shape(), in.data().shape())) {
          throw new IllegalStateException(f.name() + ".backward returned a gradient of shape "
              + Shape.str(gx[i].shape()) + " for input " + i + " of shape "
              + Shape.str(in.data().shape()));
        }
        pending.merge(in, gx[i], Tensor::add);
      }
      if (!retainGraph) {
        v.freeGraph();
      }
    }
  }

  /** Variables reachable from {@code root} through inputs that require gradients, children first. */
  private static List<Variable> topologicalOrder(Variable root) {
    List<Variable> order = new ArrayList<>();
    Map<Variable, Boolean> seen = new IdentityHashMap<>();
    Deque<Variable> stack = new ArrayDeque<>();
    Deque<Integer> next = new ArrayDeque<>();
    stack.push(root);
    next.push(0);
    seen.put(root, Boolean.TRUE);
    while (!stack.isEmpty()) {
      Variable v = stack.peek();
      int i = next.pop();
      Variable[] inputs = v.creator() == null ? null : v.creator().inputs();
      if (inputs != null && i < inputs.length) {
        next.push(i + 1);
        Variable in = inputs[i];
        if (in.requiresGrad() && seen.put(in, Boolean.TRUE) == null) {
          if (in.graphFreed()) {
            throw in.freedError();
          }
          stack.push(in);
          next.push(0);
        }
      } else {
        stack.pop();
        order.add(v);
      }
    }
    return order;
  }
}
