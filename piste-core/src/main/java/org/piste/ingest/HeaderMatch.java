package org.piste.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.piste.normal.Text;

/** Matches a profile's header names to a file's header, ignoring case, accents and spacing. */
record HeaderMatch(Map<Field, int[]> indexes, List<String> missing, List<String> header) {

    static HeaderMatch of(MappingProfile profile, List<String> header) {
        Map<String, Integer> byKey = new HashMap<>();
        for (int i = 0; i < header.size(); i++) byKey.putIfAbsent(Text.foldKey(header.get(i)), i);
        Map<Field, int[]> indexes = new EnumMap<>(Field.class);
        List<String> missing = new ArrayList<>();
        profile.columns().forEach((field, cols) -> {
            int[] idx = new int[cols.size()];
            for (int c = 0; c < cols.size(); c++) {
                MappingProfile.Column col = cols.get(c);
                Integer at = byKey.get(Text.foldKey(col.header()));
                if (at == null && !col.optional()) missing.add(col.header());
                idx[c] = at == null ? -1 : at;
            }
            indexes.put(field, idx);
        });
        missing.sort(null);
        return new HeaderMatch(indexes, missing, header);
    }

    String describeMissing(String profileName) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String detail = missing.stream().map(name -> {
            String closest = header.stream()
                    .min((a, b) -> Integer.compare(distance.apply(Text.foldKey(name), Text.foldKey(a)),
                            distance.apply(Text.foldKey(name), Text.foldKey(b))))
                    .map(h -> " (closest: '" + h + "')").orElse("");
            return "'" + name + "'" + closest;
        }).collect(Collectors.joining(", "));
        return "the header does not match profile " + profileName + ": missing " + detail;
    }
}
