package dev.kairo.cli;

import static dev.kairo.cli.TinyImageModels.kairo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kairo.autograd.Variable;
import dev.kairo.cli.TinyImageModels.Run;
import dev.kairo.data.image.FashionMnist;
import dev.kairo.data.image.ImageDataset;
import dev.kairo.data.image.MnistSplit;
import dev.kairo.functions.F;
import dev.kairo.io.Model;
import dev.kairo.nn.Flatten;
import dev.kairo.nn.Linear;
import dev.kairo.nn.Sequential;
import dev.kairo.optim.Adam;
import dev.kairo.optim.Optimizer;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
  @TempDir
  Path dir;

  private Path model() throws Exception {
    Path f = dir.resolve("model.safetensors");
    Model.save(TinyImageModels.trained(dir.resolve("train")), f,
        Map.of("input_shape", "1,28,28", "classes", "a,b,c"));
    return f;
  }

  @Test
  void printsAccuracyPerClassScoresAndTheMatrixAndWritesPicturesAndJson() throws Exception {
    Path model = model();
    // A test folder of 5 images per class, two of them filed under the wrong class.
    Path data = TinyImageModels.folder(dir.resolve("pets/test"), 5, 2);
    SplittableRandom rng = new SplittableRandom(3);
    TinyImageModels.write(data.resolve("a/wrong1.png"), 1, 28, rng);   // a b-picture in a/
    TinyImageModels.write(data.resolve("c/wrong2.png"), 0, 28, rng);   // an a-picture in c/
    Path out = dir.resolve("eval");

    Run r = kairo("evaluate", model.toString(), "--data", dir.resolve("pets").toString(),
        "--batch-size", "4", "--out", out.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("17 images [1, 28, 28]").contains("accuracy 0.8824 (15 of 17")
        // a: 5 of the 6 in a/ right, and c/'s a-picture taken for an a.
        .containsPattern("(?m)^a +0\\.833 +0\\.833 +0\\.833 +6$")
        .containsPattern("(?m)^b +0\\.833 +1\\.000 +0\\.909 +5$")
        .containsPattern("(?m)^c +1\\.000 +0\\.833 +0\\.909 +6$")
        .containsPattern("(?m)^macro average +0\\.889 +0\\.889 +0\\.884 +17$")
        .contains("confusion matrix (rows: true class, columns: predicted class)")
        .containsPattern("(?m)^ +0 a +5 +1 +0$").containsPattern("(?m)^ +2 c +1 +0 +5$")
        .contains("wrote confusion-matrix.png, misclassified.png, evaluation.json");
    BufferedImage cm = ImageIO.read(out.resolve("confusion-matrix.png").toFile());
    BufferedImage wrong = ImageIO.read(out.resolve("misclassified.png").toFile());
    assertThat(cm.getWidth()).isGreaterThan(200);
    assertThat(wrong.getWidth()).isGreaterThan(2 * 28);   // two images side by side
    JsonNode json = new ObjectMapper().readTree(out.resolve("evaluation.json").toFile());
    assertThat(json.get("accuracy").asDouble()).isEqualTo(15 / 17.0);
    assertThat(json.get("samples").asInt()).isEqualTo(17);
    assertThat(json.get("classes").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
    assertThat(json.get("per_class").get(2).get("recall").asDouble()).isEqualTo(5 / 6.0);
    assertThat(json.get("confusion").toString()).isEqualTo("[[5,1,0],[0,5,0],[1,0,5]]");
  }

  @Test
  void aFolderMissingAClassIsMatchedByName() throws Exception {
    Path model = model();
    Path data = dir.resolve("only-c");
    TinyImageModels.write(data.resolve("c/1.png"), 2, 28, new SplittableRandom(5));
    Run r = kairo("evaluate", model.toString(), "--data", data.toString(), "--out",
        dir.resolve("o").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("matched by name").contains("accuracy 1.0000 (1 of 1")
        .containsPattern("(?m)^a +- +- +- +0$");
    assertThat(dir.resolve("o/misclassified.png")).doesNotExist();
  }

  @Test
  void aModelForOtherImagesIsBadUsageNamingBothShapes() throws Exception {
    Path rgb = dir.resolve("rgb.safetensors");
    Model.save(new Sequential(new Flatten(), new Linear(3 * 32 * 32, 10)), rgb,
        Map.of("input_shape", "3,32,32"));
    // Refused before any data is read: the folder does not even hold Fashion-MNIST.
    Run r = kairo("evaluate", rgb.toString(), "--data", "fashion-mnist", "--data-dir",
        dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("takes inputs of shape [3, 32, 32]")
        .contains("fashion-mnist images are [1, 28, 28]").doesNotContain("Exception");

    // Without input_shape metadata the model itself refuses the folder's 1 x 28 x 28 images.
    Path bare = dir.resolve("bare.safetensors");
    Model.save(new Sequential(new Flatten(), new Linear(3 * 32 * 32, 3)), bare);
    Path data = TinyImageModels.folder(dir.resolve("abc"), 1, 0);
    r = kairo("evaluate", bare.toString(), "--data", data.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("does not take").contains("of shape [1, 28, 28]")
        .contains("[1, 784]").contains("3072");
  }

  @Test
  void badOptionValuesAreBadUsage() throws Exception {
    Path model = model();
    Path data = TinyImageModels.folder(dir.resolve("abc"), 1, 0);
    Run r = kairo("evaluate", model.toString(), "--data", data.toString(), "--split", "dev");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--split must be test or train");
    assertThat(kairo("evaluate", model.toString(), "--data", dir.resolve("nope").toString())
        .err()).contains("--data must be fashion-mnist, mnist or a folder");
    assertThat(kairo("evaluate", model.toString(), "--data", data.toString(), "--batch-size", "0")
        .code()).isEqualTo(2);
  }

  /** The real thing, when the Debian package is installed: a linear model on Fashion-MNIST. */
  @Test
  void evaluatesALinearModelOnFashionMnist() throws Exception {
    assumeTrue(FashionMnist.isAvailable(MnistSplit.TEST) && FashionMnist.isAvailable(MnistSplit.TRAIN),
        "Fashion-MNIST is not installed");
    ImageDataset train = FashionMnist.load(MnistSplit.TRAIN);
    Sequential model = new Sequential(new Flatten(), new Linear(784, 10, true,
        new SplittableRandom(0)));
    Optimizer opt = new Adam(model.parameters(), 0.01);
    SplittableRandom rng = new SplittableRandom(0);
    for (int step = 0; step < 100; step++) {
      int[] idx = rng.ints(256, 0, train.size()).toArray();
      opt.zeroGrad();
      int[] y = Arrays.stream(idx).map(train::label).toArray();
      F.softmaxCrossEntropy(model.forward(Variable.of(train.features(idx))), y).backward();
      opt.step();
    }
    Path f = dir.resolve("fashion.safetensors");
    Model.save(model, f, Map.of("input_shape", "1,28,28", "data", "fashion-mnist",
        "classes", String.join(",", FashionMnist.CLASS_NAMES)));
    Path out = dir.resolve("fm");
    Run r = kairo("evaluate", f.toString(), "--data", "fashion-mnist", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    double acc = Double.parseDouble(r.out().replaceAll("(?s).*accuracy (\\S+) \\(.*", "$1"));
    assertThat(acc).as(r.out()).isGreaterThan(0.7);
    assertThat(r.out()).contains("10,000 images").contains("Ankle boot").contains("T-shirt/top");
    assertThat(Files.size(out.resolve("misclassified.png"))).isGreaterThan(10_000);
    assertThat(Files.size(out.resolve("confusion-matrix.png"))).isGreaterThan(10_000);
  }
}
