package org.piste.app.network;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a network expansion returns: entities as nodes, sender-to-recipient aggregates as edges, with provenance. */
public final class NetworkView {
    private NetworkView() {}

    /** Scores come from the latest screening run, one per side the entity was screened on. */
    public record Score(String side, double score, int rank) {}

    /**
     * An entity.
     *
     * @param label   its most frequent name as written
     * @param records how many party records it holds
     * @param score   its best score of the latest run (0 when unscored), used for colour and size
     * @param seed     its roles as a point de départ ("BUYER", "FACILITATOR"): named in a referral or confirmed by an
     *                 analyst
     * @param sides    the sides it holds records on, "SENDER" and/or "RECIPIENT"
     * @param referral whether a referral names it (else a seed was confirmed by an analyst on an alert)
     */
    public record Node(String id, String label, long records, double score, List<Score> scores, Optional<String> seed,
            List<String> sides, boolean referral) {
        public Node {
            Objects.requireNonNull(id);
            Objects.requireNonNull(label);
            scores = List.copyOf(scores);
            Objects.requireNonNull(seed);
            sides = List.copyOf(sides);
        }
    }

    /** A sum in one currency, as a decimal string (never floating point). */
    public record Amount(String currency, String amount) {
        public static Amount of(String currency, BigDecimal amount) {
            return new Amount(currency, amount.toPlainString());
        }
    }

    /** Where a transfer row came from: the imported file's SHA-256 and the line. */
    public record Provenance(String sha256, long line) {}

    /** One transfer behind an edge; {@code sentAt} and {@code date} are in the sender's time zone, {@code zone}. */
    public record Transfer(long id, String reference, OffsetDateTime sentAt, String zone, LocalDate date, String amount,
            String currency, Optional<String> paidAmount, Optional<String> paidCurrency, String status,
            String purpose, Provenance source) {}

    /**
     * Everything one sender sent one recipient within the filter.
     *
     * @param totals     sent amounts per sent currency
     * @param paidTotals paid-out amounts per paid currency
     * @param family     whether any of its transfers shows a family tie in the names as written
     */
    public record Edge(String id, String source, String target, int transfers, List<Amount> totals,
            List<Amount> paidTotals, LocalDate first, LocalDate last, boolean family, List<Transfer> references) {
        public Edge {
            totals = List.copyOf(totals);
            paidTotals = List.copyOf(paidTotals);
            references = List.copyOf(references);
        }
    }

    /** Neighbours not returned yet: how many and the page that continues. */
    public record More(int remaining, Optional<Integer> nextPage) {}

    /** One page of an entity's neighbours with the edges that join them to it. */
    public record Expansion(String center, int page, int size, String sort, int neighbours, List<Node> nodes,
            List<Edge> edges, More more) {
        public Expansion {
            nodes = List.copyOf(nodes);
            edges = List.copyOf(edges);
        }
    }
}
