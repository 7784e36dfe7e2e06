package dev.kairo.data.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kairo.data.TensorDataset;
import dev.kairo.data.csv.CsvColumn.Encoding;
import dev.kairo.data.csv.CsvColumn.Kind;
import dev.kairo.data.csv.CsvReader.MissingPolicy;
import dev.kairo.data.csv.CsvReader.TargetKind;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clean files, and one test per kind of bad input: each names file, line, column and text. */
class CsvReaderTest {
  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static CsvReader target(String column) {
    return CsvReader.builder().target(column).build();
  }

  private static final String PETS = String.join("\n",
      "weight,color,note,kind",
      "4.5,red,\"small, quiet\",cat",
      "30,blue,\"says \"\"woof\"\"\",dog",
      "  5.25 ,green,\"two\nlines\",cat",
      "0.9,red,plain,bird",
      "");

  @Test
  void readsACleanFileWithQuotesCategoriesAndClasses() throws IOException {
    Path f = write("pets.csv", PETS);
    CsvData d = CsvReader.builder().target("kind").categorical("note", Encoding.INDEX).build()
        .read(f);
    assertThat(d.featureNames()).containsExactly("weight", "color=blue", "color=green",
        "color=red", "note");
    assertThat(d.classNames()).containsExactly("bird", "cat", "dog");   // sorted: stable indices
    assertThat(d.targetName()).isEqualTo("kind");
    assertThat(d.schema().feature("note").categories())
        .containsExactly("plain", "says \"woof\"", "small, quiet", "two\nlines");
    TensorDataset ds = d.dataset();
    assertThat(ds.features().shape()).containsExactly(4, 5);
    assertThat(ds.features().toArray()).containsExactly(
        4.5f, 0, 0, 1, 2,
        30f, 1, 0, 0, 1,
        5.25f, 0, 1, 0, 3,
        0.9f, 0, 0, 1, 0);
    assertThat(ds.labels()).containsExactly(1, 2, 1, 0);
    assertThat(ds.numClasses()).isEqualTo(3);
    assertThat(d.droppedRows()).isZero();
    assertThat(d.schema().feature("weight").kind()).isEqualTo(Kind.NUMERIC);
    assertThat(d.schema().feature("color").kind()).isEqualTo(Kind.CATEGORICAL);
  }

  @Test
  void numericTargetIsRegressionAndCrlfBomAndSemicolonsWork() throws IOException {
    Path f = write("prices.csv", "\uFEFFsize;rooms;price\r\n50;2;100.5\r\n80;3;151\r\n\r\n");
    CsvData d = CsvReader.builder().target("price").delimiter(';').build().read(f);
    assertThat(d.featureNames()).containsExactly("size", "rooms");
    assertThat(d.classNames()).isEmpty();
    assertThat(d.dataset().targets().shape()).containsExactly(2, 1);
    assertThat(d.dataset().targets().toArray()).containsExactly(100.5f, 151f);
  }

  @Test
  void numericClassNamesSortNumericallyWhenAskedForClasses() throws IOException {
    Path f = write("digits.csv", "x,digit\n1,10\n2,9\n3,10\n4,2\n");
    CsvData d = CsvReader.builder().target("digit").targetKind(TargetKind.CLASSES).build().read(f);
    assertThat(d.classNames()).containsExactly("2", "9", "10");
    assertThat(d.dataset().labels()).containsExactly(2, 1, 2, 0);
  }

  @Test
  void wrongFieldCountNamesFileLineAndCounts() throws IOException {
    Path f = write("short.csv", "a,b,c\n1,2,3\n\"x,y\",5,6\n1,2\n");
    assertThatThrownBy(() -> target("c").read(f))
        .isInstanceOf(CsvException.class)
        .hasMessageStartingWith(f + ":4: ")
        .hasMessageContaining("expected 3 fields (as in the header) but found 2: 1|2")
        .satisfies(e -> assertThat(((CsvException) e).line()).isEqualTo(4));
  }

  @Test
  void badNumberInANumericColumnNamesLineColumnAndText() throws IOException {
    Path f = write("ages.csv", "name,age,ok\nann,31,yes\n\"bob\nby\",42,no\ncid,4x2,yes\n");
    assertThatThrownBy(() -> CsvReader.builder().target("ok").numeric("age").build().read(f))
        .isInstanceOf(CsvException.class)
        // the quoted newline in line 3 makes cid's record start on line 5
        .hasMessage(f + ":5: column 'age' (field 2): bad number \"4x2\"")
        .satisfies(e -> assertThat(((CsvException) e).column()).isEqualTo("age"));
  }

  @Test
  void badRegressionTargetIsABadNumber() throws IOException {
    Path f = write("y.csv", "x,y\n1,2.5\n2,two\n");
    assertThatThrownBy(() -> CsvReader.builder().target("y").targetKind(TargetKind.REGRESSION)
        .build().read(f)).hasMessage(f + ":3: column 'y' (field 2): bad number \"two\"");
  }

  @Test
  void missingValueIsAnErrorByDefault() throws IOException {
    Path f = write("gaps.csv", "a,b,label\n1,2,x\n3,NA,y\n,4,x\n");
    assertThatThrownBy(() -> target("label").read(f))
        .isInstanceOf(CsvException.class)
        .hasMessageStartingWith(f + ":3: column 'b' (field 2): missing value \"NA\"")
        .hasMessageContaining("MissingPolicy.FILL");
  }

  @Test
  void missingValuesCanBeFilledWithMeanAndMode() throws IOException {
    Path f = write("gaps.csv", "a,c,label\n1,red,x\n?,,y\n5,red,x\n3,blue,y\n");
    CsvData d = CsvReader.builder().target("label").missingPolicy(MissingPolicy.FILL).build()
        .read(f);
    assertThat(d.featureNames()).containsExactly("a", "c=blue", "c=red");
    // row 2: a = mean(1, 5, 3) = 3, c = mode = red
    assertThat(d.dataset().features().toArray())
        .containsExactly(1, 0, 1, 3, 0, 1, 5, 0, 1, 3, 1, 0);
    assertThat(d.schema().feature("a").fill()).isEqualTo(3.0);
  }

  @Test
  void missingTargetCannotBeFilledButRowsCanBeDropped() throws IOException {
    Path f = write("t.csv", "a,label\n1,x\n2,\n3,y\n");
    assertThatThrownBy(() -> CsvReader.builder().target("label")
        .missingPolicy(MissingPolicy.FILL).build().read(f))
        .hasMessageStartingWith(f + ":3: column 'label' (field 2): missing target value")
        .hasMessageContaining("DROP_ROW");
    CsvData d = CsvReader.builder().target("label").missingPolicy(MissingPolicy.DROP_ROW).build()
        .read(f);
    assertThat(d.droppedRows()).isEqualTo(1);
    assertThat(d.dataset().features().toArray()).containsExactly(1, 3);
  }

  @Test
  void unterminatedQuoteNamesTheLineWhereItOpened() throws IOException {
    Path f = write("open.csv", "a,b\n1,2\n3,\"never closed\n4,5\n");
    assertThatThrownBy(() -> target("b").read(f))
        .isInstanceOf(CsvException.class)
        .hasMessageStartingWith(f + ":3: a quoted field opened on this line is never closed");
  }

  @Test
  void textAfterAClosingQuoteIsABadRow() throws IOException {
    Path f = write("junk.csv", "a,b\n1,\"ab\"c\n");
    assertThatThrownBy(() -> target("b").read(f))
        .hasMessageStartingWith(f + ":2: unexpected 'c' after the closing quote of field 2");
  }

  @Test
  void headerProblemsAreNamed() throws IOException {
    assertThatThrownBy(() -> target("y").read(write("empty.csv", "")))
        .hasMessageContaining("empty.csv: the file is empty");
    assertThatThrownBy(() -> target("y").read(write("dup.csv", "x,x,y\n1,2,3\n")))
        .hasMessageContaining("dup.csv:1: column 'x': the name appears twice");
    assertThatThrownBy(() -> target("price").read(write("nt.csv", "x,y\n1,2\n")))
        .hasMessageContaining("nt.csv:1: column 'price': no such column in the header")
        .hasMessageContaining("[x, y]");
  }

  @Test
  void schemaEncodesLaterFilesLikeTheTrainingFile() throws IOException {
    CsvReader reader = CsvReader.builder().target("kind").ignore("note").build();
    CsvData train = reader.read(write("train.csv", PETS));
    // Columns in another order, an extra column, only some categories present.
    Path later = write("later.csv", "kind,extra,color,note,weight\ndog,zz,green,n,12\ncat,zz,red,,1\n");
    CsvData test = reader.read(later, train.schema());
    assertThat(test.featureNames()).isEqualTo(train.featureNames());
    assertThat(test.dataset().features().toArray()).containsExactly(12, 0, 1, 0, 1, 0, 0, 1);
    assertThat(test.dataset().labels()).containsExactly(2, 1);
    assertThat(test.dataset().numClasses()).isEqualTo(3);

    Path unknown = write("unknown.csv", "weight,color,kind\n3,purple,cat\n");
    assertThatThrownBy(() -> reader.read(unknown, train.schema()))
        .hasMessage(unknown + ":2: column 'color' (field 2): unknown category \"purple\"; the"
            + " schema knows [blue, green, red]");
  }

  @Test
  void readsFromAReaderWithAGivenName() throws IOException {
    CsvData d = target("y").read(new StringReader("x,y\n1,a\n2,b\n"), "inline", null);
    assertThat(d.dataset().labels()).containsExactly(0, 1);
    assertThatThrownBy(() -> target("y").read(new StringReader("x,y\n1\n"), "inline", null))
        .hasMessageStartingWith("inline:2: expected 2 fields");
  }

  @Test
  void textInTheWrongCharacterSetIsNamed() throws IOException {
    Path f = dir.resolve("latin1.csv");
    Files.write(f, "a,y\n1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> target("y").read(f)).isInstanceOf(CsvException.class)
        .hasMessageContaining("latin1.csv").hasMessageContaining("character set");
    CsvData d = CsvReader.builder().target("y").charset(StandardCharsets.ISO_8859_1).build()
        .read(f);
    assertThat(d.classNames()).containsExactly("caf\u00e9");
  }

  @Test
  void optionsAboutTheTargetOrUnknownColumnsAreRefused() throws IOException {
    assertThatThrownBy(() -> CsvReader.builder().target("y").numeric("y").build())
        .hasMessageContaining("'y'").hasMessageContaining("targetKind");
    Path f = write("ok.csv", "a,y\n1,2\n");
    assertThatThrownBy(() -> CsvReader.builder().target("y").ignore("b").build().read(f))
        .hasMessageContaining("ok.csv:1: column 'b': no such column");
  }

  @Test
  void customMissingTokensAndOutOfRangeNumbers() throws IOException {
    Path f = write("m.csv", "a,y\nNA,1\n");
    // "NA" is no longer missing, so column a is categorical with category "NA".
    CsvData d = CsvReader.builder().target("y").missing("-").build().read(f);
    assertThat(d.schema().feature("a").categories()).containsExactly("NA");
    Path big = write("big.csv", "a,y\n1e39,1\n");
    assertThatThrownBy(() -> target("y").read(big))
        .hasMessage(big + ":2: column 'a' (field 1): number \"1e39\" is outside the float32 range");
  }
}
