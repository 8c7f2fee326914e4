package org.piste.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.piste.model.RowCounts;

/** One run of the importer over a file, with what the sink received. */
record ImportRun(Importer.Result result, CollectingSink sink) {

    static ImportRun of(MappingProfile profile, Path file) {
        return of(profile, file, Importer.StoredReferences.NONE);
    }

    static ImportRun of(MappingProfile profile, Path file, Importer.StoredReferences stored) {
        return of(profile, file, FrOperatorFile.PROVIDER, stored);
    }

    /** @param providerOverride the --provider option; empty for none */
    static ImportRun of(MappingProfile profile, Path file, String providerOverride, Importer.StoredReferences stored) {
        CollectingSink sink = new CollectingSink();
        Importer.Result result = new Importer(profile, providerOverride, stored)
                .run(file, Hashing.sha256(file), sink, Importer.Progress.NONE);
        return new ImportRun(result, sink);
    }

    static ImportRun frOperator(Path file) {
        return of(Profiles.load("fr-operator"), file);
    }

    RowCounts counts() {
        return result.counts();
    }

    /**
     * Nothing lost, nothing counted twice: the counts add up, agree with what the sink received, and every
     * record of the file reached the sink exactly once under the line on which it starts.
     */
    ImportRun assertEveryRecordAccountedFor(List<Long> recordLines) {
        RowCounts c = result.counts();
        assertThat(c.read()).as("read == accepted + quarantined + duplicates")
                .isEqualTo(c.accepted() + c.quarantined() + c.duplicates());
        assertThat(c.read()).as("rows read").isEqualTo(recordLines.size());
        assertThat(sink.accepted).hasSize((int) c.accepted());
        assertThat(sink.rejected.stream().filter(Rejection::isDuplicate).count()).isEqualTo(c.duplicates());
        assertThat(sink.rejected.stream().filter(r -> !r.isDuplicate()).count()).isEqualTo(c.quarantined());
        assertThat(result.byReason().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(c.quarantined() + c.duplicates());
        assertThat(sink.lines).as("lines handed to the sink, in file order").containsExactlyElementsOf(recordLines);
        return this;
    }
}
