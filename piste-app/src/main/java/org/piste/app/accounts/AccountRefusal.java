package org.piste.app.accounts;

import org.piste.app.refusals.Refused;

/**
 * Why a change to an account was refused: {@link NoSuchUser} (the web answers 404) or {@link LastAdmin} (409).
 * Both are also bad arguments, so the console reports them as it reports any other.
 */
public abstract sealed class AccountRefusal extends Refused {
    private AccountRefusal(String key, String username) {
        super(key, username);
    }

    public static final class NoSuchUser extends AccountRefusal {
        NoSuchUser(String username) {
            super("account.unknown", username);
        }
    }

    /**
     * Disabling the last enabled admin (who can sign in), taking their role away or withdrawing their password would
     * leave nobody to manage the accounts.
     */
    public static final class LastAdmin extends AccountRefusal {
        LastAdmin(String username) {
            super("account.lastAdmin", username);
        }
    }
}
