package org.piste.app.cases;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A timeline line's detail taken apart, so pages say it in their language: the detail is stored as CaseService
 * writes it ("BUYER 12:S name", "OPEN -> CLOSED", "transfer 12 REF (file sha256 … line 3)"), in no language.
 * {@code shape} says which parts there are; a detail of no known shape (or an older one) is kept whole as TEXT.
 */
public record TimelineDetail(Shape shape, List<String> parts) {
    public enum Shape {
        /** kind (a SubjectKind name), record id, name as written. */
        SUBJECT,
        /** status before, status after (Status names). */
        STATUS,
        /** transfer id, reference, file name, SHA-256, line. */
        EVIDENCE,
        /** a request abroad drafted: number, channel (a Channel name), country (alpha-2), authority. */
        REQUEST_CREATE,
        /** a request's package chosen: number, subjects, transfers (counts). */
        REQUEST_SELECTION,
        /** a request's package produced: number, addressee, subjects, transfers (counts). */
        REQUEST_PACKAGE,
        /** a request sent: number, date sent, due date ("" when none). */
        REQUEST_SENT,
        /** a request's answer imported: number, source file id. */
        REQUEST_ANSWER,
        /** the detail as stored. */
        TEXT
    }

    private static final Pattern SUBJECT = Pattern.compile("(BUYER|FACILITATOR|VICTIM|OTHER) (\\d+:[SR]) ?(.*)",
            Pattern.DOTALL);
    private static final Pattern STATUS = Pattern.compile("(OPEN|SUSPENDED|CLOSED) -> (OPEN|SUSPENDED|CLOSED)");
    private static final Pattern EVIDENCE = Pattern.compile(
            "transfer (\\d+) (.+?) \\((.*) sha256 ([0-9a-f]{64}) line (\\d+)\\)", Pattern.DOTALL);

    // Requests abroad (requests.RequestsAbroad writes these): counts and dates, no words.
    private static final Pattern REQUEST_CREATE = Pattern.compile("(.+?) (MLA|POLICE|FIU) ([A-Z]{2}) (.*)",
            Pattern.DOTALL);
    private static final Pattern REQUEST_SELECTION = Pattern.compile("(.+) (\\d+) (\\d+)");
    private static final Pattern REQUEST_PACKAGE = Pattern.compile("(.+?) → (.+) (\\d+) (\\d+)", Pattern.DOTALL);
    private static final Pattern REQUEST_SENT = Pattern.compile(
            "(?!.* due \\d{4}-\\d{2}-\\d{2}$)(.+?) (\\d{4}-\\d{2}-\\d{2})(?: (\\d{4}-\\d{2}-\\d{2}))?");
    /** Not the older "number source id" form (nor "… due date" above), kept whole. */
    private static final Pattern REQUEST_ANSWER = Pattern.compile("(?!.* source \\d+$)(.+) (\\d+)");

    public static TimelineDetail of(String kind, String detail) {
        Shape shape = switch (kind) {
            case "subject.add", "subject.remove" -> Shape.SUBJECT;
            case "status" -> Shape.STATUS;
            case "evidence.add" -> Shape.EVIDENCE;
            case "request.create" -> Shape.REQUEST_CREATE;
            case "request.selection" -> Shape.REQUEST_SELECTION;
            case "request.package" -> Shape.REQUEST_PACKAGE;
            case "request.sent" -> Shape.REQUEST_SENT;
            case "request.answer" -> Shape.REQUEST_ANSWER;
            default -> Shape.TEXT;
        };
        Optional<Matcher> m = switch (shape) {
            case SUBJECT -> matching(SUBJECT, detail);
            case STATUS -> matching(STATUS, detail);
            case EVIDENCE -> matching(EVIDENCE, detail);
            case REQUEST_CREATE -> matching(REQUEST_CREATE, detail);
            case REQUEST_SELECTION -> matching(REQUEST_SELECTION, detail);
            case REQUEST_PACKAGE -> matching(REQUEST_PACKAGE, detail);
            case REQUEST_SENT -> matching(REQUEST_SENT, detail);
            case REQUEST_ANSWER -> matching(REQUEST_ANSWER, detail);
            case TEXT -> Optional.empty();
        };
        if (m.isEmpty()) return new TimelineDetail(Shape.TEXT, List.of(detail));
        Matcher found = m.get();
        String[] parts = new String[found.groupCount()];
        for (int i = 0; i < parts.length; i++) parts[i] = found.group(i + 1) == null ? "" : found.group(i + 1);
        return new TimelineDetail(shape, List.of(parts));
    }

    private static Optional<Matcher> matching(Pattern p, String detail) {
        Matcher m = p.matcher(detail);
        return m.matches() ? Optional.of(m) : Optional.empty();
    }
}
