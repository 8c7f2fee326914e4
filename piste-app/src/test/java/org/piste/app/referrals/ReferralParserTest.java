package org.piste.app.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferralParserTest {
    private static final String GOOD_SUBJECT = """
            {"role": "FACILITATOR", "name": "Lorna Testado", "phone": "0917 000 0001"}""";

    private static String file(String subject) {
        return """
                [{"referral_ref": "HSI-2024-000001", "agency": "HSI", "date": "2024-02-03", "subjects": [%s]},
                 {"referral_ref": "AFP-2024-000002", "agency": "AFP", "date": "2024-02-04", "subjects": [%s, %s]}]
                """.formatted(GOOD_SUBJECT, GOOD_SUBJECT, subject);
    }

    @Test
    void readsTheSimulatorsFormatWithOptionalFieldsLeftOut() {
        List<Referral> referrals = ReferralParser.parse("r.json", file("""
                {"role": "buyer", "name": "TESTEUR Jean Marc", "city": "Nantes", "phone": "", "email": "jm@fictif.example",
                 "country": "France", "transfer_refs": ["JM-1", "JM-2"]}"""));

        assertThat(referrals).hasSize(2);
        assertThat(referrals.get(0).date()).isEqualTo(LocalDate.of(2024, 2, 3));
        assertThat(referrals.get(0).subjects().get(0)).isEqualTo(new Referral.Subject(Referral.Role.FACILITATOR,
                "Lorna Testado", "", "0917 000 0001", "", "", List.of()));
        assertThat(referrals.get(1).subjects().get(1)).isEqualTo(new Referral.Subject(Referral.Role.BUYER,
                "TESTEUR Jean Marc", "Nantes", "", "jm@fictif.example", "France", List.of("JM-1", "JM-2")));
    }

    @Test
    void aBadFieldIsNamedWithItsReferralAndSubject() {
        assertThatThrownBy(() -> ReferralParser.parse("r.json", file("""
                {"role": "SELLER", "name": "Ariel Sampol"}""")))
                .isInstanceOf(ReferralFormatException.class)
                .hasMessage("r.json: referral 1 (AFP-2024-000002), subject 1: 'role' must be BUYER or FACILITATOR, was \"SELLER\"");
        assertThatThrownBy(() -> ReferralParser.parse("r.json", file("""
                {"role": "BUYER", "name": "Ariel Sampol", "transfer_refs": "X-1"}""")))
                .hasMessage("r.json: referral 1 (AFP-2024-000002), subject 1: 'transfer_refs' must be an array of strings");
        assertThatThrownBy(() -> ReferralParser.parse("r.json", file("""
                {"role": "BUYER", "nom": "Ariel Sampol"}""")))
                .hasMessageStartingWith("r.json: referral 1 (AFP-2024-000002), subject 1: unknown field 'nom'");
        assertThatThrownBy(() -> ReferralParser.parse("r.json", file("""
                {"role": "BUYER", "phone": 33600000000, "name": "Ariel Sampol"}""")))
                .hasMessage("r.json: referral 1 (AFP-2024-000002), subject 1: 'phone' must be a string, was 33600000000");
    }

    @Test
    void referralLevelProblemsAndBrokenJson() {
        assertThatThrownBy(() -> ReferralParser.parse("r.json", """
                [{"referral_ref": "NCA-1", "agency": "NCA", "date": "02/05/2024", "subjects": []}]"""))
                .hasMessage("r.json: referral 0 (NCA-1): 'date' must be YYYY-MM-DD, was \"02/05/2024\"");
        assertThatThrownBy(() -> ReferralParser.parse("r.json", """
                [{"agency": "NCA", "date": "2024-05-02", "subjects": []}]"""))
                .hasMessage("r.json: referral 0: 'referral_ref' is missing or empty");
        assertThatThrownBy(() -> ReferralParser.parse("r.json", """
                [{"referral_ref": "NCA-1", "agency": "NCA", "date": "2024-05-02", "subjects": []}]"""))
                .hasMessage("r.json: referral 0 (NCA-1): 'subjects' must be a non-empty array");
        assertThatThrownBy(() -> ReferralParser.parse("r.json", "[{\"referral_ref\": \"NCA-1\",\n \"agency\" \"NCA\"}]"))
                .hasMessageStartingWith("r.json: not valid JSON at line 2, column");
        assertThatThrownBy(() -> ReferralParser.parse("r.json", "{}"))
                .hasMessage("r.json: the file must hold a JSON array of referrals");
    }

    /** Issue 16, 1: a reference is a path segment of the pages; one like a path is refused, naming it. */
    @Test
    void aReferenceLikeAPathIsRefused() {
        assertThatThrownBy(() -> ReferralParser.parse("r.json", file(GOOD_SUBJECT).replace("AFP-2024-000002", "../../admin/users")))
                .isInstanceOf(ReferralFormatException.class)
                .hasMessage("r.json: referral 1: 'referral_ref' must be 1 to 64 letters, digits, '-', '_' or '.', beginning "
                        + "with a letter or digit, was \"../../admin/users\"");
        assertThatThrownBy(() -> ReferralParser.parse("r.json", file(GOOD_SUBJECT).replace("AFP-2024-000002", "A".repeat(65))))
                .hasMessageStartingWith("r.json: referral 1: 'referral_ref' must be 1 to 64 letters");
    }

    /** Issue 16, 2: a key given twice would leave one of its values silently ignored. */
    @Test
    void aKeyGivenTwiceIsRefused() {
        assertThatThrownBy(() -> ReferralParser.parse("r.json", file(GOOD_SUBJECT).replace("\"agency\": \"AFP\",",
                "\"agency\": \"AFP\", \"agency\": \"HSI\",")))
                .isInstanceOf(ReferralFormatException.class)
                .hasMessageStartingWith("r.json: not valid JSON at line 2, column")
                .hasMessageContaining("uplicate").hasMessageContaining("\"agency\"");
    }

    /** Issue 16, 3: a NUL (raw or escaped) or bytes that are not UTF-8 are refused in a sentence, never stored. */
    @Test
    void aNulOrBytesNotUtf8AreRefused(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ReferralParser.parse("r.json", file("""
                {"role": "BUYER", "name": "Ariel\\u0000Sampol"}""")))
                .isInstanceOf(ReferralFormatException.class)
                .hasMessage("r.json: referral 1 (AFP-2024-000002), subject 1: 'name' contains a NUL character");
        assertThatThrownBy(() -> ReferralParser.parse("r.json", file(GOOD_SUBJECT).replace("HSI-2024-000001", "HSI\u0000")))
                .isInstanceOf(ReferralFormatException.class).hasMessageStartingWith("r.json: not valid JSON at line 1");
        byte[] text = file(GOOD_SUBJECT).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        text[40] = (byte) 0xC3;
        text[41] = (byte) 0x28;
        Path bad = Files.write(dir.resolve("latin.json"), text);
        assertThatThrownBy(() -> ReferralParser.parse(bad))
                .isInstanceOf(ReferralFormatException.class)
                .hasMessage("latin.json: not UTF-8 (byte 40 begins no UTF-8 character)");
    }

    @Test
    void subjectNamesAndPhonesBecomePersonRecords() {
        var buyer = new Referral.Subject(Referral.Role.BUYER, "DELA CRUZ Maria Luz", "", "06 00 00 00 11", "", "",
                List.of());
        var facilitator = new Referral.Subject(Referral.Role.FACILITATOR, "Lorna Testado", "", "0917 000 0001", "", "",
                List.of());
        var masked = new Referral.Subject(Referral.Role.BUYER, "Oriane Fictival", "", "+33 6 00 00 XXXX", "", "", List.of());
        var abroad = new Referral.Subject(Referral.Role.BUYER, "Oriane Fictival", "", "07700 900123", "", "GB", List.of());

        var r = SubjectRecords.of("s", buyer);
        assertThat(List.of(r.givenNames(), r.surname(), r.phone())).containsExactly("Maria Luz", "DELA CRUZ", "+33600000011");
        var f = SubjectRecords.of("f", facilitator);
        assertThat(List.of(f.givenNames(), f.surname(), f.phone())).containsExactly("Lorna", "Testado", "+639170000001");
        assertThat(SubjectRecords.of("m", masked).phone()).isEmpty();
        assertThat(SubjectRecords.of("a", abroad).phone()).isEqualTo("+447700900123");
        assertThat(SubjectRecords.of("a", abroad).country()).isEqualTo("GB");
    }
}
