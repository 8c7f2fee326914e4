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
        /** the detail as stored. */
        TEXT
    }

    private static final Pattern SUBJECT = Pattern.compile("(BUYER|FACILITATOR|VICTIM|OTHER) (\\d+:[SR]) ?(.*)",
            Pattern.DOTALL);
    private static final Pattern STATUS = Pattern.compile("(OPEN|SUSPENDED|CLOSED) -> (OPEN|SUSPENDED|CLOSED)");
    private static final Pattern EVIDENCE = Pattern.compile(
            "transfer (\\d+) (.+?) \\((.*) sha256 ([0-9a-f]{64}) line (\\d+)\\)", Pattern.DOTALL);

    public static TimelineDetail of(String kind, String detail) {
        Optional<Matcher> m = switch (kind) {
            case "subject.add", "subject.remove" -> matching(SUBJECT, detail);
            case "status" -> matching(STATUS, detail);
            case "evidence.add" -> matching(EVIDENCE, detail);
            default -> Optional.empty();
        };
        if (m.isEmpty()) return new TimelineDetail(Shape.TEXT, List.of(detail));
        Shape shape = kind.startsWith("subject") ? Shape.SUBJECT : kind.equals("status") ? Shape.STATUS : Shape.EVIDENCE;
        Matcher found = m.get();
        String[] parts = new String[found.groupCount()];
        for (int i = 0; i < parts.length; i++) parts[i] = found.group(i + 1);
        return new TimelineDetail(shape, List.of(parts));
    }

    private static Optional<Matcher> matching(Pattern p, String detail) {
        Matcher m = p.matcher(detail);
        return m.matches() ? Optional.of(m) : Optional.empty();
    }
}
