package io.hyperscalelab.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void quotesOnlyWhatCopyNeedsQuotedAndKeepsNullApartFromEmpty() throws IOException {
        String csv = write(w -> {
            w.number(-42);
            w.number(4_950_000_001L);
            w.bool(true);
            w.bool(false);
            w.text("plain");
            w.text("");
            w.nullField();
            w.text("a,b");
            w.text("say \"hi\"");
            w.text("two\nlines");
            w.text("\\.");
            w.text("2016-12-01 05:00:00");
            w.endRow();
        });

        assertThat(csv).isEqualTo("-42,4950000001,t,f,plain,\"\",,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"\\.\",2016-12-01 05:00:00\n");
        assertThat(new StrictCsv(new StringReader(csv)).next()).containsExactly(
                "-42", "4950000001", "t", "f", "plain", "", null, "a,b", "say \"hi\"", "two\nlines", "\\.", "2016-12-01 05:00:00");
    }

    @Test
    void writesUtf8IncludingCharactersOutsideTheBasicPlane() throws IOException {
        String text = "\u4fee\u590d \u00f1 \uD83D\uDE80";
        byte[] bytes = writeBytes(w -> {
            w.text(text);
            w.endRow();
        });

        assertThat(bytes).isEqualTo((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rowsLongerThanTheBufferSurviveIntact() throws IOException {
        char[] chars = new char[200_000];
        Arrays.fill(chars, 'x');
        String longText = new String(chars);
        String csv = write(w -> {
            w.text(longText);
            w.number(1);
            w.endRow();
        });

        assertThat(csv).isEqualTo(longText + ",1\n");
    }

    private interface Rows {
        void writeTo(CsvWriter writer) throws IOException;
    }

    private static String write(Rows rows) throws IOException {
        return new String(writeBytes(rows), StandardCharsets.UTF_8);
    }

    private static byte[] writeBytes(Rows rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvWriter writer = new CsvWriter(out);
        rows.writeTo(writer);
        writer.flush();
        return out.toByteArray();
    }
}
