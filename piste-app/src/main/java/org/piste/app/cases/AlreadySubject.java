package org.piste.app.cases;

/** The person is already a subject of the case (perhaps through another of their records): pages say whom. */
public final class AlreadySubject extends IllegalArgumentException {
    private final CaseFile.Subject subject;

    AlreadySubject(CaseFile.Subject subject) {
        super("this person is already a subject of the case (" + subject.label() + ", "
                + subject.kind().name().toLowerCase(java.util.Locale.ROOT) + ")");
        this.subject = subject;
    }

    /** The subject already in the case. */
    public CaseFile.Subject subject() {
        return subject;
    }
}
