package org.piste.app.referrals;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A foreign referral as the file gives it (see docs/referrals.md). */
public record Referral(String ref, String agency, LocalDate date, List<Subject> subjects) {
    public Referral {
        Objects.requireNonNull(ref);
        Objects.requireNonNull(agency);
        Objects.requireNonNull(date);
        subjects = List.copyOf(subjects);
    }

    /** What the referral says a subject did: paid (buyer) or was paid (facilitator). */
    public enum Role { BUYER, FACILITATOR }

    /** A person the referral names, as written; empty text means not given. */
    public record Subject(Role role, String name, String city, String phone, String email, String country,
            List<String> transferRefs) {
        public Subject {
            Objects.requireNonNull(role);
            Objects.requireNonNull(name);
            Objects.requireNonNull(city);
            Objects.requireNonNull(phone);
            Objects.requireNonNull(email);
            Objects.requireNonNull(country);
            transferRefs = List.copyOf(transferRefs);
        }
    }
}
