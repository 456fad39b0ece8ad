package io.switchboard.history.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void formulaStartsAreShownNotEvaluated() {
        assertThat(CsvCells.text("=1+2")).isEqualTo("'=1+2");
        assertThat(CsvCells.text("+33 6 12")).isEqualTo("'+33 6 12");
        assertThat(CsvCells.text("-5")).isEqualTo("'-5");
        assertThat(CsvCells.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.text("\tcmd")).isEqualTo("'\tcmd");
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuoted() {
        assertThat(CsvCells.text("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvCells.text("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvCells.text("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvCells.text("=A1,\"x\"")).isEqualTo("\"'=A1,\"\"x\"\"\"");
    }

    @Test
    void plainTextAndNothingStayAsTheyAre() {
        assertThat(CsvCells.text("Refund issued")).isEqualTo("Refund issued");
        assertThat(CsvCells.text(null)).isEmpty();
        assertThat(CsvCells.value(42L)).isEqualTo("42");
        assertThat(CsvCells.value(null)).isEmpty();
    }
}
