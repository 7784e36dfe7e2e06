package dev.kairo.cli;

import dev.kairo.autograd.NoGrad;
import dev.kairo.autograd.Variable;
import dev.kairo.io.Model;
import dev.kairo.nn.Module;
import dev.kairo.nn.Parameter;
import dev.kairo.nn.Sequential;
import dev.kairo.tensor.Shape;
import dev.kairo.tensor.Tensor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kairo inspect MODEL}: prints a saved model's layers as a tree, each with its
 * parameters' shapes and counts, the buffers, and the totals; with {@code --input-shape} it
 * also runs one zero sample through a sequential model and prints each layer's output shape.
 *
 * <pre>
 * kairo inspect kairo-out/model.safetensors --input-shape 1,28,28
 * </pre>
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Prints a saved model's layers, parameter shapes and counts.")
final class InspectCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "MODEL", description = "A model file (.safetensors) written by Kairo.")
  Path file;

  @Option(names = "--input-shape", split = ",", paramLabel = "D[,D...]",
      description = "Shape of one sample (without the batch axis): also print each layer's output shape.")
  int[] inputShape;

  @Override
  public Integer call() throws IOException {
    Module model = Model.load(file);
    PrintStream out = System.out;
    out.printf("%s (%,d bytes)%n", file, Files.size(file));
    out.printf("%-40s %-28s %-18s %12s%n", "layer", "type", "parameter", "count");
    print(out, "", model, 0);
    long buffers = model.namedBuffers().values().stream().mapToLong(Tensor::numel).sum();
    out.printf("total: %,d parameters in %d tensors; %,d buffer values%n", model.parameterCount(),
        model.namedParameters().size(), buffers);
    if (inputShape != null) {
      traceShapes(out, model);
    }
    return 0;
  }

  private static void print(PrintStream out, String name, Module m, int depth) {
    String indent = "  ".repeat(depth);
    String label = name.isEmpty() ? "(model)" : name;
    Map<String, Module> kids = m.children();
    boolean first = true;
    for (Map.Entry<String, Parameter> p : directParameters(m).entrySet()) {
      out.printf("%-40s %-28s %-18s %,12d%n", first ? indent + label : "",
          first ? m.getClass().getSimpleName() : "", p.getKey() + " " + Shape.str(p.getValue().data().shape()),
          p.getValue().data().numel());
      first = false;
    }
    if (first) {
      out.printf("%-40s %-28s %-18s %12s%n", indent + label, m.getClass().getSimpleName(), "",
          kids.isEmpty() ? "0" : "");
    }
    for (Map.Entry<String, Module> k : kids.entrySet()) {
      print(out, name.isEmpty() ? k.getKey() : name + "." + k.getKey(), k.getValue(), depth + 1);
    }
  }

  /** The parameters registered on {@code m} itself, not on its sub-modules. */
  private static Map<String, Parameter> directParameters(Module m) {
    Map<String, Parameter> all = new java.util.LinkedHashMap<>(m.namedParameters());
    all.keySet().removeIf(k -> k.contains("."));
    return all;
  }

  private void traceShapes(PrintStream out, Module model) {
    int[] shape = new int[inputShape.length + 1];
    shape[0] = 1;
    System.arraycopy(inputShape, 0, shape, 1, inputShape.length);
    model.eval();
    out.println("output shapes for one sample " + Shape.str(shape) + ":");
    try (NoGrad g = NoGrad.enter()) {
      Variable x = Variable.of(Tensor.zeros(shape));
      if (model instanceof Sequential) {
        Sequential s = (Sequential) model;
        for (int i = 0; i < s.size(); i++) {
          x = s.get(i).forward(x);
          out.printf("  %-4d %-28s -> %s%n", i, s.get(i).getClass().getSimpleName(),
              Shape.str(x.data().shape()));
        }
      } else {
        out.printf("  %s -> %s%n", model.getClass().getSimpleName(),
            Shape.str(model.forward(x).data().shape()));
      }
    }
  }
}
