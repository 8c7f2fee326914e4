package org.piste.app.screen;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.piste.app.store.Json;
import org.piste.screen.Sentence;
import org.piste.screen.Wording;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An explanation sentence as stored beside its English text: {"w": wording key, "a": [arguments]}, each argument one
 * of {"n": count}, {"d": number, "f": decimals, "s": signed?}, {"m": "amount"}, {"t": "as written"}, {"p": sentence}.
 * Written by hand like the rest of the contributions (screening writes hundreds of thousands), read with Jackson.
 */
public final class SentenceJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SentenceJson() {}

    public static StringBuilder write(StringBuilder out, Sentence s) {
        out.append("{\"w\":");
        Json.string(out, s.wording().key()).append(",\"a\":[");
        for (int i = 0; i < s.args().size(); i++) {
            if (i > 0) out.append(',');
            switch (s.args().get(i)) {
                case Sentence.Count c -> out.append("{\"n\":").append(c.n()).append('}');
                case Sentence.Decimal d -> {
                    Json.number(out.append("{\"d\":"), d.value()).append(",\"f\":").append(d.digits());
                    out.append(d.signed() ? ",\"s\":true}" : "}");
                }
                case Sentence.Amount m -> Json.string(out.append("{\"m\":"), m.value().toPlainString()).append('}');
                case Sentence.AsWritten t -> Json.string(out.append("{\"t\":"), t.text()).append('}');
                case Sentence.Part p -> write(out.append("{\"p\":"), p.sentence()).append('}');
            }
        }
        return out.append("]}");
    }

    /**
     * The stored sentence; empty when there is none (runs stored before sentences had wordings) or its wording is no
     * longer known: the caller then shows the stored text as written.
     */
    public static Optional<Sentence> read(String json) {
        if (json == null) return Optional.empty();
        try {
            return Optional.of(sentence(JSON.readTree(json)));
        } catch (IllegalArgumentException | NullPointerException | JacksonException e) {
            return Optional.empty();
        }
    }

    private static Sentence sentence(JsonNode o) {
        Wording w = Wording.valueOf(o.get("w").stringValue().toUpperCase(Locale.ROOT));
        List<Sentence.Arg> args = new ArrayList<>();
        for (JsonNode a : o.get("a")) {
            if (a.has("n")) args.add(new Sentence.Count(a.get("n").longValue()));
            else if (a.has("d")) {
                JsonNode d = a.get("d");
                args.add(new Sentence.Decimal(d.isNumber() ? d.doubleValue() : Double.parseDouble(d.stringValue()),
                        a.get("f").intValue(), a.has("s") && a.get("s").booleanValue()));
            } else if (a.has("m")) args.add(new Sentence.Amount(new BigDecimal(a.get("m").stringValue())));
            else if (a.has("t")) args.add(new Sentence.AsWritten(a.get("t").stringValue()));
            else if (a.has("p")) args.add(new Sentence.Part(sentence(a.get("p"))));
            else throw new IllegalArgumentException("unknown argument " + a);
        }
        return new Sentence(w, args);
    }
}
