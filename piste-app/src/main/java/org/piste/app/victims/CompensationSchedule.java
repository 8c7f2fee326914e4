package org.piste.app.victims;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The compensation schedule of a case, for the CSV and the court report: one row per victim, buyer and currency
 * (claims with no buyer named have an empty buyer), with what was claimed, awarded, paid and is outstanding.
 * Outstanding is awarded less paid, derived here, never stored. Sums are exact and never mix currencies.
 */
public record CompensationSchedule(long caseId, String caseReference, List<Row> rows) {

    public record Row(long victimId, String pseudonym, Optional<String> buyerEntity, Optional<String> buyerName,
            String currency, BigDecimal claimed, BigDecimal awarded, BigDecimal paid, BigDecimal outstanding) {}
}
