package org.piste.app.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.piste.app.TestDatabases;
import org.piste.app.store.Database;

class ReferralImportTest {
    @TempDir Path dir;
    private Database db;

    @BeforeEach
    void load() {
        db = TestDatabases.fresh();
        ReferralFixture.load(db, dir);
    }

    private ReferralImport.Outcome.Imported imported() {
        return (ReferralImport.Outcome.Imported) new ReferralImport(db).importFile(ReferralFixture.referrals(dir), "EIO-7");
    }

    private static List<Match> of(ReferralImport.Outcome.Imported i, int subject) {
        return i.matches().get(ReferralImport.subjectId("NCA-2024-000101", subject));
    }

    @Test
    void aCitedStoredTransferIsACertainMatchWithItsSourceRow() {
        List<Match> matches = of(imported(), 0);

        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.entityId()).isEqualTo(ReferralFixture.entity(db, "ORIANE-2", 'S'));
            assertThat(m.basis()).isEqualTo(Match.Basis.TRANSFER_REFERENCE);
            assertThat(m.probability()).isEqualTo(1.0);
            assertThat(m.evidence()).singleElement().extracting(MatchEvidence::line).asString()
                    .matches("transfer reference ORIANE-2 is in source [0-9a-f]{12}:5");
        });
    }

    @Test
    void aMisspelledNameWithANationalPhoneJoinsTheSendersEntity() {
        List<Match> matches = of(imported(), 1);

        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.entityId()).isEqualTo(ReferralFixture.entity(db, "LUZ-1", 'S'));
            assertThat(m.basis()).isEqualTo(Match.Basis.RESOLVER);
            assertThat(m.probability()).isGreaterThanOrEqualTo(0.9);
            assertThat(m.evidence()).anySatisfy(e -> assertThat(List.of(e.field(), e.level(), e.referralValue()))
                    .containsExactly("phone", "exact", "33600000011"));
        });
    }

    @Test
    void aSubjectInNoTransferHasNoMatch() {
        assertThat(of(imported(), 2)).isEmpty();
    }

    @Test
    void reimportingTheSameFileDoesNothing() {
        imported();
        ReferralImport.Outcome again = new ReferralImport(db).importFile(ReferralFixture.referrals(dir), "");

        assertThat(again).isInstanceOfSatisfying(ReferralImport.Outcome.AlreadyImported.class,
                a -> assertThat(a.referrals()).isEqualTo(1));
        assertThat(new ReferralQueries(db).list()).singleElement().satisfies(r -> {
            assertThat(r.subjects()).isEqualTo(3);
            assertThat(r.matched()).isEqualTo(2);
            assertThat(r.legalReference()).isEqualTo("EIO-7");
        });
    }

    @Test
    void theSameReferralInAnotherFileIsRefused() {
        imported();
        Path other = ReferralFixture.write(dir.resolve("other.json"), ReferralFixture.REFERRAL + "\n");

        assertThatThrownBy(() -> new ReferralImport(db).importFile(other, ""))
                .hasMessageContaining("referral NCA-2024-000101 is already stored");
    }

    @Test
    void seedsAreCertainAndConfidentMatchesAndFollowDecisions() {
        imported();
        String oriane = ReferralFixture.entity(db, "ORIANE-2", 'S');
        String luz = ReferralFixture.entity(db, "LUZ-1", 'S');
        String jeanMarc = ReferralFixture.entity(db, "JM-1", 'S');
        double luzProbability = new ReferralQueries(db).find("NCA-2024-000101").orElseThrow().subjects().get(1)
                .matches().get(0).probability();

        assertThat(ReferralStore.seeds(db)).containsEntry(oriane, "BUYER").doesNotContainKey(jeanMarc);
        assertThat(ReferralStore.seeds(db).containsKey(luz)).isEqualTo(luzProbability >= ReferralStore.SEED_PROBABILITY);

        var decisions = new ReferralDecisions(db);
        decisions.decide("NCA-2024-000101", 0, oriane, Match.Status.REJECTED, "analyst-1", "other person");
        decisions.decide("NCA-2024-000101", 1, "2:s", Match.Status.ACCEPTED, "analyst-1", "");
        Match added = decisions.decide("NCA-2024-000101", 2, jeanMarc, Match.Status.ACCEPTED, "analyst-1", "seized phone");

        assertThat(added.basis()).isEqualTo(Match.Basis.ANALYST);
        assertThat(ReferralStore.seeds(db)).doesNotContainKey(oriane).containsEntry(luz, "BUYER")
                .containsEntry(jeanMarc, "FACILITATOR");
        assertThatThrownBy(() -> decisions.decide("NCA-2024-000101", 2, oriane, Match.Status.REJECTED, "a", ""))
                .hasMessageContaining("has no match with");
        assertThatThrownBy(() -> decisions.decide("NCA-2024-000101", 7, oriane, Match.Status.ACCEPTED, "a", ""))
                .hasMessageContaining("has no subject 7");
    }
}
