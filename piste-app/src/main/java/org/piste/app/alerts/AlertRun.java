package org.piste.app.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.piste.model.Side;
import org.piste.screen.Contribution;
import org.piste.screen.LearnedWeights;

/**
 * A stored screening run, as alerts show it (alerts are read from the latest). {@code weightsAppliedWhenRead}: its
 * explanations are stored before its learned weights, which {@link #weighed} applies (runs stored before V35: false).
 */
public record AlertRun(long id, OffsetDateTime finishedAt, String ruleSetVersion, long transfers, long senders,
        long recipients, int seeds, double senderAlertMinimum, double recipientAlertMinimum, RunWeights senderWeights,
        RunWeights recipientWeights, boolean weightsAppliedWhenRead) {
    public AlertRun {
        Objects.requireNonNull(finishedAt);
        Objects.requireNonNull(ruleSetVersion);
    }

    static Optional<AlertRun> latest(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, finished_at, rule_set_version, transfers, senders, "
                + "recipients, seeds, sender_alert_minimum, recipient_alert_minimum, sender_model::text, recipient_model::text, "
                + "weights_applied_when_read FROM "
                + "screening_run ORDER BY id DESC LIMIT 1"); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) return Optional.empty();
            return Optional.of(new AlertRun(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                    rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getInt(7), rs.getDouble(8), rs.getDouble(9),
                    RunWeights.parse(rs.getString(10)), RunWeights.parse(rs.getString(11)), rs.getBoolean(12)));
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

    /** An entity's contributions as stored in this run, with the run's weights on this side. */
    public List<Contribution> weighed(Side side, List<Contribution> stored) {
        return weightsAppliedWhenRead ? LearnedWeights.weighed(stored, weights(side).multipliers()) : stored;
    }

    /**
     * Whether an indicator's points stored positive are positive with the run's weights on this side (a learned
     * multiplier may be 0; the others are positive).
     */
    public boolean keepsPositive(Side side, String indicator) {
        return !weightsAppliedWhenRead || weights(side).multipliers().getOrDefault(indicator, 1.0) > 0;
    }

    /** How many entities of this side the run ranked. */
    public long ranked(Side side) {
        return side == Side.SENDER ? senders : recipients;
    }
}
