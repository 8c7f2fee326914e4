package org.piste.app.web.victims;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.piste.app.victims.Compensation;
import org.piste.app.victims.CompensationSchedule;
import org.piste.app.victims.Victim;
import org.piste.app.web.CsvDialect;

/** What the pages and the API read from a form or a body alike: dates, amounts, a new victim; and the CSV download. */
final class VictimForms {
    private VictimForms() {}

    static String text(String value) {
        return Objects.requireNonNullElse(value, "");
    }

    static Optional<LocalDate> optionalDate(String value) {
        return Compensation.optionalDate(value);
    }

    static LocalDate date(String value) {
        return Compensation.date(value);
    }

    static BigDecimal amount(String value) {
        return Compensation.amount(value);
    }

    static Victim.NewVictim newVictim(String pseudonym, String authority, String country, String ageBracket,
            String from, String to, String note, List<String> facilitators) {
        return new Victim.NewVictim(pseudonym, authority, country, Victim.AgeBracket.parse(ageBracket),
                optionalDate(from), optionalDate(to), note, facilitators.stream().filter(f -> f != null && !f.isBlank())
                        .toList());
    }

    static void download(CompensationSchedule s, CsvDialect d, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"case-" + s.caseId() + "-compensation.csv\"");
        CompensationCsv.write(s, d, response.getOutputStream());
    }
}
