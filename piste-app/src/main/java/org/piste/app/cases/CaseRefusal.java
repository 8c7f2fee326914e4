package org.piste.app.cases;

/**
 * Why a case operation was refused. {@link NotFound} is also what a user who may not see a case gets, so a refusal
 * never reveals that the case exists; {@link Forbidden} is only thrown to users who already see the case.
 */
public abstract sealed class CaseRefusal extends RuntimeException {
    private CaseRefusal(String message) {
        super(message);
    }

    public static final class NotFound extends CaseRefusal {
        public NotFound(long id) {
            super("no case " + id);
        }
    }

    public static final class Forbidden extends CaseRefusal {
        Forbidden(String message) {
            super(message);
        }
    }
}
