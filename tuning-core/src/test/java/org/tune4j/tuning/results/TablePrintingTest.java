package org.tune4j.tuning.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tibble-like printing: golden strings for small tables. */
class TablePrintingTest {

  private final TuneResults results = ResultsFixtures.resultsWithPredictions();

  @Test
  void showBestPrintsLikeATibble() {
    assertEquals("""
        # A tibble: 2 × 8
          config dense_units dropout_rate metric   estimator   mean     n std_err
          <chr>        <int>        <dbl> <chr>    <chr>      <dbl> <int>   <dbl>
        1 Model3          32          0.3 accuracy multiclass  0.84     3  0.0173
        2 Model2          16          0.2 accuracy multiclass  0.83     4  0.0129
        """, results.showBest("accuracy", 2).toString());
  }

  @Test
  void longTablesShowTenRowsThenACount() {
    String printed = results.collectMetrics(false).toString();
    List<String> lines = printed.lines().toList();
    assertEquals("# A tibble: 24 × 7", lines.get(0));
    assertEquals("   config dense_units dropout_rate id    metric      estimator  estimate",
        lines.get(1));
    assertEquals(" 1 Model1           8          0.1 Fold1 accuracy    multiclass     0.8",
        lines.get(3));
    assertEquals("10 Model2          16          0.2 Fold1 brier_class multiclass     0.15",
        lines.get(12));
    assertEquals("# ℹ 14 more rows", lines.get(13));
    assertEquals(14, lines.size());
    assertEquals(24 + 3, results.collectMetrics(false).print(100).lines().count());
  }

  @Test
  void predictionsAndNotesPrint() {
    assertEquals("""
        # A tibble: 3 × 7
            row id    config truth pred_class pred_cat pred_dog
          <int> <chr> <chr>  <chr> <chr>         <dbl>    <dbl>
        1     1 Fold1 Model1 cat   cat           0.9      0.1
        2     4 Fold2 Model1 cat   dog           0.25     0.75
        3     2 Fold1 Model2 dog   dog           0.333    0.667
        """, results.collectPredictions().toString());
    assertEquals("""
        # A tibble: 2 × 5
          config id    stage   type    message
          <chr>  <chr> <chr>   <chr>   <chr>
        1 Model1 Fold2 fit     warning loss, it said "NaN"\\nat epoch 3
        2 Model3 Fold3 metrics warning accuracy is undefined: "no rows", asses…
        """, results.notes().toString());
  }

  @Test
  void numbersShowThreeSignificantDigitsAndNA() {
    assertEquals("0.123", TablePrinter.number(0.123456));
    assertEquals("1235", TablePrinter.number(1234.56));
    assertEquals("1e-10", TablePrinter.number(1e-10));
    assertEquals("1.23e5", TablePrinter.number(123456.0));
    assertEquals("NaN", TablePrinter.number(Double.NaN));
    Table t = Table.of(List.of("x", "s"), List.of(ColumnType.DBL, ColumnType.CHR),
        List.of(Table.cells(1.5, null), Table.cells(null, "a"), Table.cells(10.25, "b")));
    assertEquals("""
        # A tibble: 3 × 2
              x s
          <dbl> <chr>
        1   1.5 <NA>
        2  NA   a
        3  10.2 b
        """, t.toString());
    assertEquals("# A tibble: 3 × 2\n      x s\n  <dbl> <chr>\n# ℹ 3 more rows\n", t.print(0));
  }
}
