package org.piste.app.report;

import java.nio.charset.StandardCharsets;
import org.piste.app.screen.SentenceJson;
import org.piste.screen.Sentence;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The snapshot's canonical JSON: record components in declaration order (a record's constructor order; sorting is
 * kept off so that no setting reorders them, ReportServiceTest pins the start), no indentation, instants ISO-8601 in UTC, an empty Optional as null. Sentences are
 * written as screening stores them ({@link SentenceJson}): their arguments are a sealed type Jackson cannot name.
 * The same record always gives the same bytes, hence the same SHA-256.
 */
final class ReportJson {
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .addModule(new SimpleModule("sentences").addSerializer(Sentence.class, new Writer())
                    .addDeserializer(Sentence.class, new Reader()))
            .build();

    private ReportJson() {}

    static byte[] write(ReportSnapshot s) {
        return JSON.writeValueAsString(s).getBytes(StandardCharsets.UTF_8);
    }

    static ReportSnapshot read(byte[] content) {
        return JSON.readValue(new String(content, StandardCharsets.UTF_8), ReportSnapshot.class);
    }

    private static final class Writer extends StdSerializer<Sentence> {
        Writer() {
            super(Sentence.class);
        }

        @Override
        public void serialize(Sentence s, JsonGenerator out, SerializationContext context) {
            out.writeRawValue(SentenceJson.write(new StringBuilder(), s).toString());
        }
    }

    private static final class Reader extends StdDeserializer<Sentence> {
        Reader() {
            super(Sentence.class);
        }

        @Override
        public Sentence deserialize(JsonParser in, DeserializationContext context) {
            String json = context.readTree(in).toString();
            return SentenceJson.read(json).orElseGet(() -> Sentence.verbatim(json));
        }
    }
}
