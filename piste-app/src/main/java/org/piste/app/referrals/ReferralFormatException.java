package org.piste.app.referrals;

/** A referral file that does not follow the format; the message names the referral, subject and field. */
public final class ReferralFormatException extends IllegalArgumentException {
    public ReferralFormatException(String message) {
        super(message);
    }
}
