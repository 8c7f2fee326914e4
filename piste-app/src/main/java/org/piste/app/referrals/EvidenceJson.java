package org.piste.app.referrals;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Match evidence as stored: [{field, value_a, value_b, level, weight?}], value_a from the referral. */
final class EvidenceJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EvidenceJson() {}

    static String write(List<MatchEvidence> evidence) {
        ArrayNode array = JSON.createArrayNode();
        for (MatchEvidence e : evidence) {
            ObjectNode o = array.addObject();
            o.put("field", e.field());
            o.put("value_a", e.referralValue());
            o.put("value_b", e.storedValue());
            o.put("level", e.level());
            if (e.weight().isPresent() && Double.isFinite(e.weight().getAsDouble())) o.put("weight", e.weight().getAsDouble());
        }
        return JSON.writeValueAsString(array);
    }

    static List<MatchEvidence> read(String json) {
        List<MatchEvidence> evidence = new ArrayList<>();
        for (JsonNode o : JSON.readTree(json)) {
            JsonNode weight = o.get("weight");
            evidence.add(new MatchEvidence(o.get("field").stringValue(), o.get("value_a").stringValue(),
                    o.get("value_b").stringValue(), o.get("level").stringValue(),
                    weight == null || !weight.isNumber() ? OptionalDouble.empty() : OptionalDouble.of(weight.doubleValue())));
        }
        return evidence;
    }
}
