package org.piste.app.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.piste.app.cases.TimelineDetail.Shape;

/** The timeline's stored details, taken apart as CaseService writes them; anything else kept whole. */
class TimelineDetailTest {
    private static final String SHA = "ab".repeat(32);

    @Test
    void aSubjectLineGivesItsKindRecordAndNameAsWritten() {
        assertThat(TimelineDetail.of("subject.add", "BUYER 5637:S Jean de la Tour"))
                .isEqualTo(new TimelineDetail(Shape.SUBJECT, List.of("BUYER", "5637:S", "Jean de la Tour")));
        assertThat(TimelineDetail.of("subject.remove", "VICTIM 12:R ").parts()).containsExactly("VICTIM", "12:R", "");
    }

    @Test
    void aStatusAndAnEvidenceLineAreTakenApart() {
        assertThat(TimelineDetail.of("status", "OPEN -> CLOSED").parts()).containsExactly("OPEN", "CLOSED");
        // A file name with spaces and brackets, as operators name them.
        assertThat(TimelineDetail.of("evidence.add", "transfer 1016 6297294913 (export (oct) 2023.csv sha256 " + SHA
                + " line 17)")).isEqualTo(new TimelineDetail(Shape.EVIDENCE,
                        List.of("1016", "6297294913", "export (oct) 2023.csv", SHA, "17")));
    }

    @Test
    void anythingElseIsKeptWhole() {
        assertThat(TimelineDetail.of("note", "BUYER 1:S pris pour un statut")).isEqualTo(
                new TimelineDetail(Shape.TEXT, List.of("BUYER 1:S pris pour un statut")));
        assertThat(TimelineDetail.of("status", "OPEN → CLOSED").shape()).isEqualTo(Shape.TEXT);
        assertThat(TimelineDetail.of("subject.add", "buyer 1:S x").shape()).isEqualTo(Shape.TEXT);
    }

    /** Issue 18 review: a request abroad's lines are counts and dates, worded by the page (never "2 persons"). */
    @Test
    void aRequestsLinesAreTakenApartAndTheOlderEnglishOnesKeptWhole() {
        assertThat(TimelineDetail.of("request.package", "EAI-2026-0001 → PNP – WCPC (PH) 2 1")).isEqualTo(
                new TimelineDetail(Shape.REQUEST_PACKAGE, List.of("EAI-2026-0001", "PNP – WCPC (PH)", "2", "1")));
        assertThat(TimelineDetail.of("request.selection", "EAI-2026-0001 0 12").parts())
                .containsExactly("EAI-2026-0001", "0", "12");
        assertThat(TimelineDetail.of("request.sent", "EAI-2026-0001 2026-12-06").parts())
                .containsExactly("EAI-2026-0001", "2026-12-06", "");
        assertThat(TimelineDetail.of("request.sent", "EAI-2026-0001 2026-12-06 2027-01-05").parts())
                .containsExactly("EAI-2026-0001", "2026-12-06", "2027-01-05");
        assertThat(TimelineDetail.of("request.create", "EAI-2026-0001 POLICE PH PNP").parts())
                .containsExactly("EAI-2026-0001", "POLICE", "PH", "PNP");
        assertThat(TimelineDetail.of("request.answer", "EAI-2026-0001 42").parts()).containsExactly("EAI-2026-0001", "42");
        assertThat(TimelineDetail.of("request.answer", "EAI-2026-0001 source 42").shape()).isEqualTo(Shape.TEXT);
        assertThat(TimelineDetail.of("request.sent", "EAI-2026-0001 2026-12-06 due 2027-01-05").shape()).isEqualTo(Shape.TEXT);
        assertThat(TimelineDetail.of("request.package", "EAI-2026-0001 → PNP (PH): 2 persons, 1 transfers").shape())
                .isEqualTo(Shape.TEXT);
    }
}
