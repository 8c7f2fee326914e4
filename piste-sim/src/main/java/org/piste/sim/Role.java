package org.piste.sim;

/** Who a synthetic person is in the ground truth. Roles drive behaviour; nothing else does. */
public enum Role {
    // Senders in France
    DIASPORA_FAMILY(Side.SENDER, false),
    PARTNER_SUPPORTER(Side.SENDER, false),
    SPONSOR(Side.SENDER, false),
    EMPLOYER(Side.SENDER, false),
    ROMANCE_VICTIM(Side.SENDER, false),
    OCCASIONAL(Side.SENDER, false),
    BUYER(Side.SENDER, true),
    // Recipients in the Philippines
    RELATIVE(Side.RECIPIENT, false),
    PARTNER(Side.RECIPIENT, false),
    WORKER(Side.RECIPIENT, false),
    SPONSORED_FAMILY(Side.RECIPIENT, false),
    COORDINATOR(Side.RECIPIENT, false),
    SCAMMER(Side.RECIPIENT, false),
    FRIEND(Side.RECIPIENT, false),
    FACILITATOR(Side.RECIPIENT, true);

    /** Which end of a transfer the person is on. */
    public enum Side { SENDER, RECIPIENT }

    private final Side side;
    private final boolean offender;

    Role(Side side, boolean offender) {
        this.side = side;
        this.offender = offender;
    }

    public Side side() {
        return side;
    }

    /** True for buyers and facilitators: the people the investigators look for. */
    public boolean offender() {
        return offender;
    }
}
