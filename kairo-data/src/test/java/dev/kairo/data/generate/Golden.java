package dev.kairo.data.generate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code golden/sklearn_golden.txt}, written by {@code golden/make_golden.py}. */
final class Golden {
  /** One dataset block: its rows of floats and its labels. */
  record Case(String name, List<String> args, List<float[]> rows, List<Integer> labels) {}

  final Map<String, Case> cases = new LinkedHashMap<>();
  final Map<String, List<String>> values = new LinkedHashMap<>();

  static Golden load() throws IOException {
    try (InputStream in = Golden.class.getResourceAsStream("/golden/sklearn_golden.txt")) {
      if (in == null) {
        throw new IOException("golden/sklearn_golden.txt is not on the test class path");
      }
      Golden g = new Golden();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Case current = null;
      List<String> currentValues = null;
      for (String line : text.split("\n")) {
        String[] t = line.trim().split(" ");
        if (line.startsWith("#") || line.isBlank() || t[0].equals("end")) {
          continue;
        }
        if (t[0].equals("case")) {
          List<String> args = List.of(t).subList(2, t.length);
          current = new Case(t[1], args, new ArrayList<>(), new ArrayList<>());
          g.cases.put(t[1] + " " + String.join(" ", args), current);
          currentValues = null;
        } else if (t[0].equals("values")) {
          currentValues = new ArrayList<>();
          g.values.put(t[1], currentValues);
          current = null;
        } else if (currentValues != null) {
          currentValues.add(t[0]);
        } else {
          float[] row = new float[t.length - 1];
          for (int i = 0; i < row.length; i++) {
            row[i] = Float.parseFloat(t[i]);
          }
          current.rows().add(row);
          current.labels().add(Integer.parseInt(t[t.length - 1]));
        }
      }
      return g;
    }
  }

  Case get(String key) {
    Case c = cases.get(key);
    if (c == null) {
      throw new IllegalArgumentException("no golden case '" + key + "'; have " + cases.keySet());
    }
    return c;
  }
}
