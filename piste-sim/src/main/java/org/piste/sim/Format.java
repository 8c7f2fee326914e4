package org.piste.sim;

/** The layout of the transfers file. */
public enum Format {
    /** Piste's canonical CSV (profile "canonical"): transfers.csv. */
    CANONICAL,
    /** A French operator's export (profile "fr-operator"): transfers-operator.csv. */
    OPERATOR;

    /** The built-in mapping profile that reads this layout. */
    public String profile() {
        return this == CANONICAL ? "canonical" : "fr-operator";
    }

    public String fileName() {
        return this == CANONICAL ? "transfers.csv" : "transfers-operator.csv";
    }

    Layout layout(String provider) {
        return this == CANONICAL ? new CanonicalLayout(provider) : new OperatorLayout();
    }
}
