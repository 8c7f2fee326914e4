package org.piste.app.referrals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a referrals file (docs/referrals.md). Every problem is one line naming the referral (0-based index and
 * reference), the subject (0-based index) and the field. The file is UTF-8 without a NUL (the database stores none), a
 * key given twice in an object is refused (one of its values would be silently ignored), and a reference is a plain
 * name ({@link #REFERENCE}): the pages and the API put it in their paths.
 */
public final class ReferralParser {
    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    /** A referral reference: 1 to 64 letters, digits, '-', '_' or '.', beginning with a letter or digit. */
    public static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Set<String> REFERRAL_FIELDS = Set.of("referral_ref", "agency", "date", "subjects");
    private static final Set<String> SUBJECT_FIELDS = Set.of("role", "name", "city", "phone", "email", "country",
            "transfer_refs");

    private ReferralParser() {}

    public static List<Referral> parse(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(file.getFileName().toString(), bytes);
    }

    /** @param name the file's name, for messages; {@code bytes} must be UTF-8 */
    public static List<Referral> parse(String name, byte[] bytes) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer text = CharBuffer.allocate(bytes.length);
        CoderResult result = utf8.decode(in, text, true);
        if (result.isError()) {
            throw new ReferralFormatException(name + ": not UTF-8 (byte " + in.position() + " begins no UTF-8 character)");
        }
        return parse(name, text.flip().toString());
    }

    /** @param name the file's name, for messages */
    public static List<Referral> parse(String name, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ReferralFormatException(name + ": not valid JSON" + where + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (root == null || root.isMissingNode() || !root.isArray()) {
            throw new ReferralFormatException(name + ": the file must hold a JSON array of referrals");
        }
        List<Referral> referrals = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            Referral r = referral(name + ": referral " + i, root.get(i));
            if (!refs.add(r.ref())) {
                throw new ReferralFormatException(name + ": referral " + i + " (" + r.ref()
                        + "): 'referral_ref' appears twice in the file");
            }
            referrals.add(r);
        }
        return referrals;
    }

    private static Referral referral(String where, JsonNode node) {
        if (!node.isObject()) throw new ReferralFormatException(where + ": must be an object");
        unknownFields(where, node, REFERRAL_FIELDS);
        String ref = required(where, node, "referral_ref");
        if (!REFERENCE.matcher(ref).matches()) {
            throw new ReferralFormatException(where + ": 'referral_ref' must be 1 to 64 letters, digits, '-', '_' or '.', "
                    + "beginning with a letter or digit, was \"" + ref + "\"");
        }
        String at = where + " (" + ref + ")";
        String agency = required(at, node, "agency");
        String dateText = required(at, node, "date");
        LocalDate date;
        try {
            date = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            throw new ReferralFormatException(at + ": 'date' must be YYYY-MM-DD, was \"" + dateText + "\"");
        }
        JsonNode subjects = node.get("subjects");
        if (subjects == null || subjects.isNull()) throw new ReferralFormatException(at + ": 'subjects' is missing");
        if (!subjects.isArray() || subjects.isEmpty()) {
            throw new ReferralFormatException(at + ": 'subjects' must be a non-empty array");
        }
        List<Referral.Subject> list = new ArrayList<>();
        for (int k = 0; k < subjects.size(); k++) list.add(subject(at + ", subject " + k, subjects.get(k)));
        return new Referral(ref, agency, date, list);
    }

    private static Referral.Subject subject(String where, JsonNode node) {
        if (!node.isObject()) throw new ReferralFormatException(where + ": must be an object");
        unknownFields(where, node, SUBJECT_FIELDS);
        String roleText = required(where, node, "role");
        Referral.Role role;
        try {
            role = Referral.Role.valueOf(roleText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ReferralFormatException(where + ": 'role' must be BUYER or FACILITATOR, was \"" + roleText + "\"");
        }
        List<String> refs = new ArrayList<>();
        JsonNode array = node.get("transfer_refs");
        if (array != null && !array.isNull()) {
            if (!array.isArray()) throw new ReferralFormatException(where + ": 'transfer_refs' must be an array of strings");
            for (int j = 0; j < array.size(); j++) {
                JsonNode ref = array.get(j);
                if (!ref.isString() || ref.stringValue().isBlank()) {
                    throw new ReferralFormatException(where + ": 'transfer_refs' item " + j + " must be a non-empty string");
                }
                noNul(where, "'transfer_refs' item " + j, ref.stringValue());
                refs.add(ref.stringValue().strip());
            }
        }
        return new Referral.Subject(role, required(where, node, "name"), optional(where, node, "city"),
                optional(where, node, "phone"), optional(where, node, "email"), optional(where, node, "country"), refs);
    }

    private static void unknownFields(String where, JsonNode node, Set<String> known) {
        for (String field : node.propertyNames()) {
            if (!known.contains(field)) {
                throw new ReferralFormatException(where + ": unknown field '" + field + "' (expected one of "
                        + known.stream().sorted().toList() + ")");
            }
        }
    }

    private static String required(String where, JsonNode node, String field) {
        String value = optional(where, node, field);
        if (value.isEmpty()) throw new ReferralFormatException(where + ": '" + field + "' is missing or empty");
        return value;
    }

    private static String optional(String where, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return "";
        if (!value.isString()) throw new ReferralFormatException(where + ": '" + field + "' must be a string, was " + value);
        noNul(where, "'" + field + "'", value.stringValue());
        return value.stringValue().strip();
    }

    private static void noNul(String where, String what, String value) {
        if (value.indexOf('\0') >= 0) throw new ReferralFormatException(where + ": " + what + " contains a NUL character");
    }
}
