package org.piste.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes small canonical CSV exports (profile canonical) whose parties the tests choose: for entity resolution.
 * Every person in them is invented.
 */
public final class PartyExport {
    public static final List<String> HEADER = List.of("provider", "reference", "send_datetime", "sent_amount",
            "sent_currency", "sender_given_names", "sender_surname", "sender_birth_date", "sender_phone",
            "sender_city", "sender_country", "recipient_given_names", "recipient_surname", "recipient_phone",
            "recipient_city", "recipient_country");

    /** A party as one row writes it. */
    public record Person(String given, String surname, String birthDate, String phone, String city, String country) {
        public static Person sender(String given, String surname, String birthDate, String phone, String city) {
            return new Person(given, surname, birthDate, phone, city, "France");
        }

        public static Person recipient(String given, String surname, String phone) {
            return new Person(given, surname, "", phone, "Quezon City", "Philippines");
        }

        public Person as(String given, String surname) {
            return new Person(given, surname, birthDate, phone, city, country);
        }
    }

    private final StringBuilder text = new StringBuilder(String.join(",", HEADER) + "\n");
    private int rows;

    /** Appends a transfer from sender to recipient; returns its line (the header is line 1). */
    public long transfer(String reference, Person sender, Person recipient) {
        rows++;
        text.append(String.join(",", "MTO-FICTIF", reference, "2024-01-%02dT10:00:00+01:00".formatted(1 + rows % 28),
                "100.00", "EUR", sender.given(), sender.surname(), sender.birthDate(), sender.phone(), sender.city(),
                sender.country(), recipient.given(), recipient.surname(), recipient.phone(), recipient.city(),
                recipient.country())).append('\n');
        return rows + 1;
    }

    public Path write(Path file) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
