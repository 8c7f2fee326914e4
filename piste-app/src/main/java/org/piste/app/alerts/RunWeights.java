package org.piste.app.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.piste.app.screen.SentenceJson;
import org.piste.screen.Sentence;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One side's indicator weights as a screening run stored them (see {@code LearnedWeights} and
 * {@code ScreeningService.modelJson}): "prior" when the rule set's own, else learned from the rulings counted here.
 */
public record RunWeights(String version, boolean learned, Map<String, Double> multipliers, int confirmed, int dismissed,
        int unlabelled, List<Sentence> notes, List<Sentence> movement) {
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
                n.has("unlabelled") ? n.get("unlabelled").asInt() : 0, sentences(n, "notes", "said"), sentences(n, "movement", "moved"));
    }

    /**
     * The notes or the movement as sentences (stored text under {@code text}, sentences under {@code keyed}); a run stored
     * before they had wordings (or with one no longer known) shows its text.
     */
    private static List<Sentence> sentences(JsonNode n, String textKey, String keyed) {
        List<String> text = strings(n.get(textKey));
        JsonNode said = n.get(keyed);
        List<Sentence> out = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            out.add(said != null && i < said.size() ? SentenceJson.read(said.get(i).toString()).orElse(Sentence.verbatim(text.get(i)))
                    : Sentence.verbatim(text.get(i)));
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) array.forEach(x -> out.add(x.asText()));
        return out;
    }
}
