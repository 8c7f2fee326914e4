package org.piste.app.cases;

/** A subject was named by an id that is no record or entity: pages say so beside the field, in their language. */
public final class UnknownRecord extends IllegalArgumentException {
    private final String typed;

    UnknownRecord(String typed) {
        super("no record '" + typed + "' (a record or entity id looks like 123:S or 123:R)");
        this.typed = typed;
    }

    /** What the user typed, trimmed. */
    public String typed() {
        return typed;
    }
}
