package org.piste.sim;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The ground-truth files (UTF-8 CSV) under truth/. */
final class Truth {
    static final String[] PERSON_HEADER = {"person_id", "side", "role", "sex", "given_names", "middle_name", "surname",
        "birth_date", "city", "group_id"};

    private Truth() {}

    static CsvWriter writer(Path file) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w);
    }

    static void person(CsvWriter w, Person p) {
        w.writeRecord(p.id(), p.role().side().name(), p.role().name(), p.female() ? "F" : "M", p.given(), p.middle(),
                p.surname(), Fmt.isoDate(p.birth()), p.city().name(), p.group());
    }
}
