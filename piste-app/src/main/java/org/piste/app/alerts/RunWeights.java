package org.piste.app.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One side's indicator weights as a screening run stored them (see {@code LearnedWeights} and
 * {@code ScreeningService.modelJson}): "prior" when the rule set's own, else learned from the rulings counted here.
 */
public record RunWeights(String version, boolean learned, Map<String, Double> multipliers, int confirmed, int dismissed,
        int unlabelled, List<String> notes, List<String> movement) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public RunWeights {
        multipliers = Map.copyOf(multipliers);
        notes = List.copyOf(notes);
        movement = List.copyOf(movement);
    }

    /** Multipliers in indicator order, for display. */
    public Map<String, Double> sortedMultipliers() {
        return new TreeMap<>(multipliers);
    }

    static RunWeights parse(String json) {
        JsonNode n = JSON.readTree(json == null ? "{}" : json);
        Map<String, Double> multipliers = new TreeMap<>();
        if (n.has("multipliers")) n.get("multipliers").properties().forEach(e -> multipliers.put(e.getKey(), e.getValue().asDouble()));
        return new RunWeights(n.has("version") ? n.get("version").asText() : "prior", n.has("learned") && n.get("learned").asBoolean(),
                multipliers, n.has("positives") ? n.get("positives").size() : 0, n.has("negatives") ? n.get("negatives").size() : 0,
                n.has("unlabelled") ? n.get("unlabelled").asInt() : 0, strings(n.get("notes")), strings(n.get("movement")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) array.forEach(x -> out.add(x.asText()));
        return out;
    }
}
