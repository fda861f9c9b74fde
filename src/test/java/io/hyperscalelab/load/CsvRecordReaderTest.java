package io.hyperscalelab.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

    @Test
    void integerKeysParseLikePostgresInt8() throws IOException {
        CsvRecordReader reader = reader("a,42\nb, 42 \nc,\"42\"\nd,-9223372036854775808\ne,9223372036854775807\nf,\n", 1);
        List<String> seen = new ArrayList<>();
        while (reader.next()) {
            seen.add(reader.keyIsNull() ? "NULL" : String.valueOf(reader.keyAsLong()));
        }
        assertThat(seen).containsExactly("42", "42", "42", "-9223372036854775808", "9223372036854775807", "NULL");
    }

    @Test
    void keysThatAreNotIntegersAreRefused() throws IOException {
        // an empty quoted field is an empty string, not NULL, as in COPY ... CSV
        for (String bad : List.of("4x2", "9223372036854775808", "-9223372036854775809", "--1", "\"\"")) {
            CsvRecordReader reader = reader("a," + bad + "\n", 1);
            assertThat(reader.next()).isTrue();
            assertThatThrownBy(reader::keyAsLong).as(bad).isInstanceOf(NumberFormatException.class);
        }
    }

    @Test
    void recordsLongerThanTheBufferAndSplitAcrossReadsKeepTheirBytesAndKey() throws IOException {
        String longField = "\"" + "x,\n\"\"".repeat(40_000) + "\"";
        String input = "1," + longField + ",7\n2,short,8\n";
        // a stream that hands out a few bytes at a time forces refills in the middle of records
        InputStream trickle = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 997));
            }
        };
        CsvRecordReader reader = new CsvRecordReader(trickle, "long.csv", 2);

        assertThat(reader.next()).isTrue();
        assertThat(reader.keyAsLong()).isEqualTo(7);
        assertThat(reader.recordLine()).isEqualTo(1);
        assertThat(reader.recordLineCount()).isEqualTo(40_001);
        assertThat(new String(reader.buffer(), reader.recordOffset(), reader.recordLength(), StandardCharsets.UTF_8))
                .isEqualTo("1," + longField + ",7\n");
        assertThat(reader.next()).isTrue();
        assertThat(reader.keyAsLong()).isEqualTo(8);
        assertThat(reader.recordLine()).isEqualTo(40_002);
        assertThat(reader.next()).isFalse();
    }

    @Test
    void aLastLineWithoutLineBreakIsARecord() throws IOException {
        CsvRecordReader reader = reader("1,a\n2,b", 0);
        assertThat(reader.next()).isTrue();
        assertThat(reader.next()).isTrue();
        assertThat(reader.keyAsLong()).isEqualTo(2);
        assertThat(reader.next()).isFalse();
    }

    private static CsvRecordReader reader(String csv, int keyField) {
        return new CsvRecordReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "t.csv", keyField);
    }
}
