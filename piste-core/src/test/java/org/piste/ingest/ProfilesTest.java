package org.piste.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesTest {
    static MappingProfile parse(String yaml) {
        return Profiles.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    @Test
    void frOperatorProfileLoads() {
        MappingProfile p = Profiles.load("fr-operator");
        assertThat(p.format()).isEqualTo(MappingProfile.Format.CSV);
        assertThat(p.encoding().name()).isEqualTo("windows-1252");
        assertThat(p.delimiter()).isEqualTo(';');
        assertThat(p.decimalSeparator()).isEqualTo(',');
        assertThat(p.groupingSeparator()).isEqualTo(".");
        assertThat(p.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(p.constants()).containsEntry(Field.SEND_COUNTRY, "FR");
        assertThat(p.columns().get(Field.REFERENCE)).containsExactly(new MappingProfile.Column("MTCN", false));
        assertThat(p.columns().get(Field.SENDER_EMAIL)).containsExactly(new MappingProfile.Column("Email expéditeur", true));
        assertThat(p.values().get(Field.STATUS)).containsEntry("PAYE", "PAID");
    }

    @Test
    void frOperatorHeaderOfTheTestHelperIsExactlyTheProfilesColumns() {
        MappingProfile p = Profiles.load("fr-operator");
        List<String> headers = p.columns().values().stream().flatMap(List::stream).map(MappingProfile.Column::header).toList();
        assertThat(FrOperatorFile.HEADER).containsExactlyInAnyOrderElementsOf(headers);
    }

    @Test
    void canonicalProfileLoadsWithFourRequiredColumns() {
        MappingProfile p = Profiles.load("canonical");
        assertThat(p.encoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(p.delimiter()).isEqualTo(',');
        assertThat(p.timeZone()).isEqualTo(ZoneId.of("UTC"));
        List<Field> required = p.columns().entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(c -> !c.optional()))
                .map(Map.Entry::getKey).toList();
        assertThat(required).containsExactlyInAnyOrder(Field.REFERENCE, Field.SEND_DATETIME, Field.SENT_AMOUNT, Field.SENT_CURRENCY);
    }

    @Test
    void everyCanonicalHeaderKeyIsAColumnOfTheCanonicalProfile() {
        MappingProfile p = Profiles.load("canonical");
        for (String key : Field.canonicalHeader()) {
            Field f = Field.byKey(key).orElseThrow();
            assertThat(p.columns().get(f)).as(key).containsExactly(new MappingProfile.Column(key, p.columns().get(f).get(0).optional()));
        }
    }

    @Test
    void profileFileIsLoadedByItsPath(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("mine.yaml"),
                "name: mine\ndelimiter: \";\"\ncolumns: {reference: Ref}\n");

        MappingProfile p = Profiles.load(file.toString());

        assertThat(p.name()).isEqualTo("mine");
        assertThat(p.delimiter()).isEqualTo(';');
        assertThat(p.columns().get(Field.REFERENCE)).containsExactly(new MappingProfile.Column("Ref", false));
    }

    @Test
    void unknownProfileNameListsTheBuiltIns() {
        assertThatThrownBy(() -> Profiles.load("fr-operater"))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("fr-operater")
                .hasMessageContaining("canonical")
                .hasMessageContaining("fr-operator");
    }

    @Test
    void unknownFieldKeyIsNamedWithTheClosestKey() {
        assertThatThrownBy(() -> parse("""
                name: typo
                columns:
                  reference: Ref
                  sender_surnme: Nom
                """))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("'sender_surnme'")
                .hasMessageContaining("did you mean 'sender_surname'");
    }

    /** Three edits away is still a likely typo; four is not worth suggesting. */
    @Test
    void closestKeyIsSuggestedUpToThreeEditsAway() {
        assertThatThrownBy(() -> parse("name: typo\ncolumns: {referencexyz: Ref}\n"))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("'referencexyz' (did you mean 'reference'?)");
        assertThatThrownBy(() -> parse("name: typo\ncolumns: {referencewxyz: Ref}\n"))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("'referencewxyz'")
                .hasMessageNotContaining("did you mean");
    }

    @Test
    void unknownFieldKeyInValuesOrConstantsIsAlsoRefused() {
        assertThatThrownBy(() -> parse("""
                name: typo
                columns: {reference: Ref}
                constants: {send_contry: FR}
                """))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("did you mean 'send_country'");
        assertThatThrownBy(() -> parse("""
                name: typo
                columns: {reference: Ref}
                values: {statut: {PAYE: PAID}}
                """))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("'statut'")
                .hasMessageContaining("did you mean 'status'");
    }

    @Test
    void unknownTopLevelSettingIsRefused() {
        assertThatThrownBy(() -> parse("""
                name: typo
                delimeter: ";"
                columns: {reference: Ref}
                """))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("delimeter");
    }

    @Test
    void badSettingsAreRefusedWithTheirValue() {
        assertThatThrownBy(() -> parse("name: x\nformat: ods\ncolumns: {reference: Ref}\n"))
                .isInstanceOf(ProfileException.class).hasMessageContaining("ods");
        assertThatThrownBy(() -> parse("name: x\nencoding: klingon-8\ncolumns: {reference: Ref}\n"))
                .isInstanceOf(ProfileException.class).hasMessageContaining("klingon-8");
        assertThatThrownBy(() -> parse("name: x\ntimeZone: Europe/Pariss\ncolumns: {reference: Ref}\n"))
                .isInstanceOf(ProfileException.class).hasMessageContaining("Europe/Pariss");
        assertThatThrownBy(() -> parse("name: x\ndelimiter: ';;'\ncolumns: {reference: Ref}\n"))
                .isInstanceOf(ProfileException.class).hasMessageContaining("delimiter");
        assertThatThrownBy(() -> parse("name: x\ndecimalSeparator: ';'\ncolumns: {reference: Ref}\n"))
                .isInstanceOf(ProfileException.class).hasMessageContaining("decimalSeparator");
        assertThatThrownBy(() -> parse("columns: {reference: Ref}\n"))
                .isInstanceOf(ProfileException.class).hasMessageContaining("'name'");
    }

    @Test
    void columnMayListSeveralHeadersAndATabDelimiter() {
        MappingProfile p = parse("""
                name: joined
                delimiter: "\\\\t"
                columns:
                  reference: Ref
                  sender_full_name: [Nom, "Prénom?"]
                """);
        assertThat(p.delimiter()).isEqualTo('\t');
        assertThat(p.columns().get(Field.SENDER_FULL_NAME)).containsExactly(
                new MappingProfile.Column("Nom", false), new MappingProfile.Column("Prénom", true));
    }
}
