package org.percepnet4j.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
    @Test
    void quotedFieldsMayHoldCommasQuotesAndNewlines(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("manifest.csv");
        Files.writeString(f, "file,tags,n\r\na.flac,\"outside, busses \"\"loud\"\"\",3\nb.flac,\"two\nlines\",\n");
        var rows = Csv.read(f);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("file", "a.flac").containsEntry("tags", "outside, busses \"loud\"")
                .containsEntry("n", "3");
        assertThat(rows.get(1)).containsEntry("tags", "two\nlines").containsEntry("n", "");
    }

    @Test
    void authorsAreReducedToTheBareName() {
        assertThat(Corpus.normaliseAuthor("Horia PELLE (Vorbis ARTIST tag)")).isEqualTo("Horia PELLE");
        assertThat(Corpus.normaliseAuthor("Eva Romero <eva at example.org> 2016")).isEqualTo("Eva Romero");
        assertThat(Corpus.normaliseAuthor("Julia Wycherley 2014")).isEqualTo("Julia Wycherley");
        assertThat(Corpus.normaliseAuthor("")).isEmpty();
    }
}
