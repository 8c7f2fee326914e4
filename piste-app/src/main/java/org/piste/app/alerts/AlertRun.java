package org.piste.app.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.piste.model.Side;

/** A stored screening run, as alerts show it (alerts are read from the latest). */
public record AlertRun(long id, OffsetDateTime finishedAt, String ruleSetVersion, long transfers, long senders,
        long recipients, int seeds, double senderAlertMinimum, double recipientAlertMinimum, RunWeights senderWeights,
        RunWeights recipientWeights) {
    public AlertRun {
        Objects.requireNonNull(finishedAt);
        Objects.requireNonNull(ruleSetVersion);
    }

    static Optional<AlertRun> latest(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, finished_at, rule_set_version, transfers, senders, "
                + "recipients, seeds, sender_alert_minimum, recipient_alert_minimum, sender_model::text, recipient_model::text FROM "
                + "screening_run ORDER BY id DESC LIMIT 1"); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) return Optional.empty();
            return Optional.of(new AlertRun(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                    rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getInt(7), rs.getDouble(8), rs.getDouble(9),
                    RunWeights.parse(rs.getString(10)), RunWeights.parse(rs.getString(11))));
        }
    }

    /** The least score an alert of this side needed in the run. */
    public double alertMinimum(Side side) {
        return side == Side.SENDER ? senderAlertMinimum : recipientAlertMinimum;
    }

    /** The indicator weights the run used on this side. */
    public RunWeights weights(Side side) {
        return side == Side.SENDER ? senderWeights : recipientWeights;
    }

    /** How many entities of this side the run ranked. */
    public long ranked(Side side) {
        return side == Side.SENDER ? senders : recipients;
    }
}
