package org.piste.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A list of persons (invented) read through a profile of record_id and sender_* fields. */
class PersonFilesTest {
    @TempDir Path dir;

    /** The full name joins three columns; the middle one is optional and absent from the files below. */
    private final MappingProfile persons = ProfilesTest.parse("""
            name: persons
            columns:
              sender_full_name: ["Prénom", "Second prénom?", Nom]
              record_id: "Id?"
              sender_birth_date: "Naissance?"
            dateFormats: [dd/MM/yyyy]
            """);

    private Path csv(String text) throws IOException {
        return Files.writeString(dir.resolve("persons.csv"), text, StandardCharsets.UTF_8);
    }

    @Test
    void personsAreReadWithTheirIdsAndJoinedNames() throws IOException {
        Path path = csv("""
                Prénom,Nom,Id,Naissance
                Maria, DELA CRUZ ,P-1,12/03/1985
                ,SANTOS,,
                """);

        PersonFiles.Result result = PersonFiles.read(path, persons);

        assertThat(result.unreadableLines()).isEmpty();
        assertThat(result.persons()).hasSize(2);
        RowMapper.PersonRow maria = result.persons().get(0);
        assertThat(maria.recordId()).isEqualTo("P-1");
        assertThat(maria.person().fullName()).as("columns stripped, joined by one space").isEqualTo("Maria DELA CRUZ");
        assertThat(maria.person().birthDate()).contains(java.time.LocalDate.of(1985, 3, 12));
        RowMapper.PersonRow santos = result.persons().get(1);
        assertThat(santos.recordId()).as("no id: named after its line").isEqualTo("line-3");
        assertThat(santos.person().fullName()).as("blank columns left out").isEqualTo("SANTOS");
    }

    @Test
    void rowsThatCannotBeReadAreCountedByLine() throws IOException {
        Path path = csv("""
                Prénom,Nom,Id,Naissance
                Maria,DELA CRUZ,P-1,
                Jose,REYES,P-2,,,surplus

                Ana,BAUTISTA,P-4,
                """);

        PersonFiles.Result result = PersonFiles.read(path, persons);

        assertThat(result.persons()).extracting(RowMapper.PersonRow::recordId).containsExactly("P-1", "P-4");
        assertThat(result.unreadableLines()).as("too many columns; blank").containsExactly(3L, 4L);
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        Path path = csv("");

        assertThatThrownBy(() -> PersonFiles.read(path, persons))
                .isInstanceOf(ImportException.class).hasMessageContaining("is empty");
    }
}
