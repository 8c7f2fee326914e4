package org.piste.app.victims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.piste.app.accounts.Actor;
import org.piste.app.victims.Compensation.Claimant;
import org.piste.app.victims.Victim.AgeBracket;

/**
 * For the demo: two victims, codes only (an invented authority's identifiers), linked to one facilitator of the case;
 * a civil party's claim, an award against one buyer and a partial payment. Through the services, so audited and on
 * the case's timeline like any change. {@code lead} is a member of the case's team.
 */
public final class VictimDemo {
    private VictimDemo() {}

    public record Seeded(List<Long> victims, long award) {}

    public static Seeded add(DataSource dataSource, Actor lead, long caseId, String facilitatorRecord, String buyerRecord) {
        VictimService victims = new VictimService(dataSource);
        CompensationService compensation = new CompensationService(dataSource);
        long first = victims.add(lead, caseId, new Victim.NewVictim("PNP-WCPC-DEMO-01", "Philippine National Police - WCPC",
                "PH", AgeBracket.FROM_12_TO_14, Optional.empty(), Optional.empty(), "", List.of(facilitatorRecord))).id();
        long second = victims.add(lead, caseId, new Victim.NewVictim("PNP-WCPC-DEMO-02", "Philippine National Police - WCPC",
                "PH", AgeBracket.FROM_6_TO_11, Optional.empty(), Optional.empty(), "", List.of(facilitatorRecord))).id();
        LocalDate filed = LocalDate.of(2026, 2, 2);
        compensation.claim(lead, caseId, first, Claimant.CIVIL_PARTY, Optional.of(buyerRecord), new BigDecimal("5000.00"),
                "EUR", filed);
        long award = compensation.award(lead, caseId, first, buyerRecord, new BigDecimal("3000.00"), "EUR",
                filed.plusMonths(3), "TJ DEMO 2026/0001");
        compensation.payment(lead, caseId, award, new BigDecimal("750.00"), "EUR", filed.plusMonths(4));
        return new Seeded(List.of(first, second), award);
    }
}
