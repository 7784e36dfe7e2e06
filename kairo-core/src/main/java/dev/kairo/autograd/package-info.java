/**
 * Define-by-run reverse-mode automatic differentiation, Chainer-style (the seeds'
 * 誤差逆伝播法): a {@link dev.kairo.autograd.Variable} holds a tensor, its gradient and the
 * {@link dev.kairo.autograd.Function} that produced it; {@code backward()} walks the recorded
 * graph in reverse topological order and applies the chain rule.
 *
 * <p>Design decision: backward passes work on {@link dev.kairo.tensor.Tensor}s, not on
 * Variables. Higher-order gradients are not needed, and this keeps every backward a plain,
 * fast tensor computation with no graph bookkeeping. The graph is freed as backward walks
 * it (unless asked to retain it), so memory does not grow across training steps.
 *
 * <pre>{@code
 * Variable w = new Variable(Tensor.vector(1, 2, 3));       // a leaf that wants a gradient
 * Variable x = Variable.of(Tensor.vector(4, 5, 6));        // data: no gradient
 * Variable loss = F.sum(F.mul(w, x));
 * loss.backward();
 * w.grad();                                               // [4, 5, 6]
 * }</pre>
 */
package dev.kairo.autograd;
