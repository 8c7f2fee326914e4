package org.piste.resolve;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an incremental run needs to resolve new records against part of the stored ones only. A new record can link
 * only to a record it shares a blocking key with; loading every entity that carries one of its keys (whole entities,
 * so a kept entity stays whole) gives {@link Resolver#extend} complete blocks around it. What the loaded records cannot
 * tell about the rest comes from here: how common each name is among all records (term-frequency weights), the
 * previous entity of a counterpart not loaded, and with whom each counterparty entity dealt (the "share another
 * counterparty" level).
 */
public final class Neighbourhood {
    private Neighbourhood() {}

    /**
     * A record's entries in a store's index: its blocking keys, hashed, and its name keys, counted for the term-frequency
     * weights. A collision of two keys' 64-bit hashes (odds about n^2 / 2^65) loads strangers more, never loses a
     * neighbour; it could only make a block look larger than it is, and be read around the new record alone.
     */
    public record Keys(long[] blocking, boolean[] identifier, String sortName, String surnameKey, String givenKey) {
        public Keys {
            blocking = blocking.clone();
            identifier = identifier.clone();
            if (identifier.length != blocking.length) throw new IllegalArgumentException("one flag per key");
            Objects.requireNonNull(sortName);
            Objects.requireNonNull(surnameKey);
            Objects.requireNonNull(givenKey);
        }

        @Override
        public long[] blocking() {
            return blocking.clone();
        }

        /** Per key, whether it is an identifier's: its block is always loaded whole (its distinct persons count). */
        @Override
        public boolean[] identifier() {
            return identifier.clone();
        }
    }

    /**
     * A record's keys. {@code sortName} is where it sorts in a block larger than the cap, whose records are paired
     * with their next {@value Blocking#WINDOW} neighbours only: a new record in such a block needs only the records
     * sorting near it (compare sort names by code point, as {@link String#compareTo} does).
     */
    public static Keys keys(PersonRecord r) {
        Features f = new Features(r);
        List<String> keys = Blocking.keys(f);
        long[] hashed = new long[keys.size()];
        boolean[] identifier = new boolean[keys.size()];
        for (int i = 0; i < hashed.length; i++) {
            hashed[i] = hash(keys.get(i));
            identifier[i] = Blocking.identifier(keys.get(i));
        }
        return new Keys(hashed, identifier, Blocking.sortName(f), f.surnameKey, f.givenKey);
    }

    /**
     * The hashed keys that every record paired with {@code r} by counterparty carries (its name beginnings): a store
     * finds by them the records of its counterparty's partners that a full run would compare with it.
     */
    public static long[] nameKeys(PersonRecord r) {
        return Blocking.nameKeys(new Features(r)).stream().mapToLong(Neighbourhood::hash).toArray();
    }

    /**
     * The keys of many records, in parallel; a person's repeated rows (every value alike but the ids) are read once.
     */
    public static Keys[] keys(List<PersonRecord> records) {
        java.util.concurrent.ConcurrentMap<Values, Keys> seen = new java.util.concurrent.ConcurrentHashMap<>();
        Keys[] out = new Keys[records.size()];
        java.util.stream.IntStream.range(0, out.length).parallel().forEach(i -> {
            PersonRecord r = records.get(i);
            out[i] = seen.computeIfAbsent(new Values(r.givenNames(), r.middleName(), r.surname(), r.fullName(), r.birthDate(),
                    r.idNumber(), r.phone(), r.email(), r.address(), r.postcode(), r.city(), r.country(), r.agency()),
                    v -> keys(r));
        });
        return out;
    }

    /** What a record's keys depend on: all but its id and its counterpart's. */
    private record Values(String given, String middle, String surname, String full, java.util.Optional<java.time.LocalDate> birth,
            String idNumber, String phone, String email, String address, String postcode, String city, String country,
            String agency) {}

    /** Neighbours a record of a block larger than the cap is paired with, on each side. */
    public static int window() {
        return Blocking.WINDOW;
    }

    /** FNV-1a over the key's characters, then a SplitMix64 finaliser: stable across versions and machines. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    /**
     * How many records carry each name key, over all records (loaded or not): the counts may hold only the keys of
     * the loaded records, the totals are over all.
     */
    public record NameCounts(Map<String, Integer> surnames, Map<String, Integer> givens, long surnameTotal,
            long givenTotal) {
        public NameCounts {
            surnames = Map.copyOf(surnames);
            givens = Map.copyOf(givens);
        }

        static NameCounts of(Features[] records) {
            Map<String, Integer> surnames = new HashMap<>(), givens = new HashMap<>();
            long s = 0, g = 0;
            for (Features f : records) {
                if (!f.surnameKey.isEmpty()) {
                    surnames.merge(f.surnameKey, 1, Integer::sum);
                    s++;
                }
                if (!f.givenKey.isEmpty()) {
                    givens.merge(f.givenKey, 1, Integer::sum);
                    g++;
                }
            }
            return new NameCounts(surnames, givens, s, g);
        }
    }

    /**
     * What lies around the loaded records.
     *
     * @param names               name counts over all records
     * @param counterpartEntities the previous entity of each counterpart record that is not loaded (a loaded one's is
     *                            the previous resolution's)
     * @param partners            for each previous entity a loaded record's counterpart belongs to, the previous
     *                            entities of the counterparts of all its records (a record not resolved before stands
     *                            for itself)
     * @param oversized           the hashed keys whose whole block (stored and new records) is larger than the cap,
     *                            of which only the records sorting near the new ones are loaded
     * @param shownCounterparty   the counterparty each loaded record shows in its stored links, when the previous
     *                            resolution given to the extension holds no link (they are left stored, not re-read)
     */
    public record Around(NameCounts names, Map<String, String> counterpartEntities, Map<String, Set<String>> partners,
            Set<Long> oversized, Map<String, String> shownCounterparty) {
        public Around {
            Objects.requireNonNull(names);
            counterpartEntities = Map.copyOf(counterpartEntities);
            partners = Map.copyOf(partners);
            oversized = Set.copyOf(oversized);
            shownCounterparty = Map.copyOf(shownCounterparty);
        }

        boolean oversized(String key) {
            return !oversized.isEmpty() && oversized.contains(hash(key));
        }

        /** When every record is loaded: everything is known from them and the previous resolution. */
        static Around of(Features[] records, Map<String, String> previousEntityOf) {
            Set<String> loaded = new HashSet<>();
            for (Features f : records) loaded.add(f.id);
            Map<String, Set<String>> partners = new HashMap<>();
            for (Features f : records) {
                if (!loaded.contains(f.counterpartRecord)) continue; // no counterpart, or one outside: none compared
                partners.computeIfAbsent(previousEntityOf.getOrDefault(f.id, f.id), k -> new HashSet<>())
                        .add(previousEntityOf.getOrDefault(f.counterpartRecord, f.counterpartRecord));
            }
            return new Around(NameCounts.of(records), Map.of(), partners, Set.of(), Map.of());
        }
    }
}
