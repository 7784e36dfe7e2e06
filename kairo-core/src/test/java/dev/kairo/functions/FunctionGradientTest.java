package dev.kairo.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kairo.autograd.Function;
import dev.kairo.autograd.GradCheck;
import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.tensor.Tensor;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Derives, for every row of {@link FunctionCases}, the checks every function must pass. */
class FunctionGradientTest {
  static Stream<FunctionCases.Case> cases() {
    return FunctionCases.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void forwardMatchesReference(FunctionCases.Case c) {
    if (c.ref == null) {
      return;
    }
    Variable[] in = c.inputs(1);
    Tensor[] data = new Tensor[in.length];
    for (int i = 0; i < in.length; i++) {
      data[i] = in[i].data();
    }
    Tensor expected = c.ref.apply(data);
    Tensor actual = c.fn.apply(in).data();
    assertThat(actual.shape()).as("%s output shape", c).containsExactly(expected.shape());
    assertThat(actual.allClose(expected, 1e-5, 1e-5))
        .as("%s forward:%nactual   %s%nexpected %s", c, actual, expected).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void backwardMatchesCentralDifferences(FunctionCases.Case c) {
    GradCheck.Result r = GradCheck.check(c.fn, c.inputs(2));
    assertThat(r.passed()).as("%s gradient check:%n%s", c, r.report()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void backwardLeavesIncomingGradientUntouchedAndShapesMatch(FunctionCases.Case c) {
    Variable[] in = c.inputs(3);
    Variable y = c.fn.apply(in);
    Tensor gy = Tensor.normal(0, 1, 7L, y.shape());
    float[] before = gy.toArray();
    y.backward(gy);
    assertThat(gy.toArray()).as("%s wrote into the incoming gradient", c).containsExactly(before);
    for (Variable v : in) {
      if (v.requiresGrad()) {
        assertThat(v.grad()).as("%s gradient missing", c).isNotNull();
        assertThat(v.grad().shape()).as("%s gradient shape", c).containsExactly(v.shape());
      } else {
        assertThat(v.grad()).as("%s constant got a gradient", c).isNull();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void noGraphUnderNoGrad(FunctionCases.Case c) {
    try (NoGrad g = NoGrad.enter()) {
      Variable y = c.fn.apply(c.inputs(4));
      assertThat(y.creator()).as("%s recorded a graph under NoGrad", c).isNull();
      assertThat(y.requiresGrad()).isFalse();
    }
  }

  /** A test must fail when a function has no row: adding an op = one class + one row. */
  @Test
  void everyFunctionHasARow() throws IOException, URISyntaxException {
    Set<String> covered = FunctionCases.all().stream().map(c -> c.covers.getName())
        .collect(Collectors.toSet());
    Path root = Paths.get(F.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<String> missing = new HashSet<>();
    try (Stream<Path> files = Files.walk(root.resolve("dev/kairo/functions"))) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String rel = root.relativize(p).toString();
        if (!rel.endsWith(".class") || rel.contains("$")) {
          continue;
        }
        String name = rel.substring(0, rel.length() - 6).replace('/', '.');
        try {
          Class<?> k = Class.forName(name);
          if (Function.class.isAssignableFrom(k) && !Modifier.isAbstract(k.getModifiers())
              && !covered.contains(name)) {
            missing.add(name);
          }
        } catch (ClassNotFoundException e) {
          throw new AssertionError(e);
        }
      }
    }
    assertThat(missing).as("functions without a row in FunctionCases").isEmpty();
  }

  /** The check must be able to fail: a deliberately wrong backward is caught. */
  @Test
  void gradCheckCatchesAWrongBackward() {
    GradCheck.Fn broken = in -> new Function() {
      private Tensor x;

      @Override
      protected Tensor forward(Tensor... xs) {
        x = xs[0];
        return x.mul(x);
      }

      @Override
      protected Tensor[] backward(Tensor gy) {
        return new Tensor[] {gy.mul(x).mul(2.1f)};  // should be 2
      }
    }.apply(in[0]);
    GradCheck.Result r = GradCheck.check(broken, new Variable(Tensor.uniform(0.5, 1, 3L, 3, 3)));
    assertThat(r.passed()).isFalse();
    assertThat(r.report()).contains("analytic").contains("numeric");
  }
}
