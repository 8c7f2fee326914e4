package org.piste.app.imports;

import java.util.Optional;
import org.piste.app.store.CopyText;
import org.piste.model.Money;
import org.piste.model.Party;
import org.piste.model.Transfer;

/** The transfer table's columns, in COPY order, and how a canonical transfer fills them. */
public final class TransferColumns {
    private static final String PARTY = "%1$s_given_names, %1$s_middle_name, %1$s_surname, %1$s_full_name, "
            + "%1$s_name_norm, %1$s_birth_date, %1$s_birth_date_raw, %1$s_id_type, %1$s_id_number, "
            + "%1$s_id_number_norm, %1$s_phone, %1$s_phone_e164, %1$s_email, %1$s_address, %1$s_postcode, %1$s_city, "
            + "%1$s_country, %1$s_country_code";

    /** Column list for {@code COPY transfer (...)}. */
    public static final String LIST = "source_id, line_no, provider, reference, status, status_raw, channel, channel_raw, "
            + "send_at, send_zone, send_country, send_country_code, send_city, send_agency, "
            + "payout_at, payout_zone, payout_country, payout_country_code, payout_city, payout_agency, "
            + "sent_amount, sent_currency, fee_amount, fee_currency, rate, paid_amount, paid_currency, purpose, "
            + PARTY.formatted("sender") + ", " + PARTY.formatted("recipient") + ", raw_text";

    private TransferColumns() {}

    /** {@code rawText}: the row as read from the file, kept whole for the transfer page. */
    public static void write(CopyText row, long sourceId, Transfer t, String rawText) {
        row.number(sourceId).number(t.source().line()).text(t.provider()).text(t.reference())
                .text(t.status().name()).text(t.statusRaw()).text(t.channel().name()).text(t.channelRaw())
                .text(t.sendInstant().toString()).text(t.sendZone().getId());
        place(row, t.sendPlace());
        row.optional(t.payoutInstant()).optional(t.payoutZone().map(z -> z.getId()));
        place(row, t.payoutPlace());
        row.text(t.sent().amount().toPlainString()).text(t.sent().currency().getCurrencyCode());
        money(row, t.fee());
        row.optional(t.rate().map(r -> r.toPlainString()));
        money(row, t.paid());
        row.text(t.purpose());
        party(row, t.sender());
        party(row, t.recipient());
        row.text(rawText);
    }

    private static void place(CopyText row, Transfer.Place p) {
        row.text(p.country()).optional(p.countryCode()).text(p.city()).text(p.agency());
    }

    private static void money(CopyText row, Optional<Money> m) {
        row.optional(m.map(x -> x.amount().toPlainString())).optional(m.map(x -> x.currency().getCurrencyCode()));
    }

    private static void party(CopyText row, Party p) {
        row.text(p.givenNames()).text(p.middleName()).text(p.surname()).text(p.fullName()).text(p.normalizedName())
                .optional(p.birthDate()).text(p.birthDateRaw()).text(p.idType()).text(p.idNumber())
                .text(p.idNumberNormalized()).text(p.phone()).optional(p.phoneE164()).text(p.email())
                .text(p.address()).text(p.postcode()).text(p.city()).text(p.country()).optional(p.countryCode());
    }
}
