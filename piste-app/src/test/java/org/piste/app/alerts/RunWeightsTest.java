package org.piste.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.piste.screen.Wording;

/** The weights' notes read back as sentences, and as stored text from runs stored before they had wordings (issue 17). */
class RunWeightsTest {
    @Test
    void notesComeBackAsSentencesOrAsStoredText() {
        String now = "{\"version\":\"prior\",\"notes\":[\"3 confirmed entities, fewer than 5: the rule set's weights are kept\"],"
                + "\"said\":[{\"w\":\"model_too_few_confirmed\",\"a\":[{\"n\":3},{\"n\":5}]}],\"movement\":[\"rose from #9 to #2: 17:S\"],"
                + "\"moved\":[{\"w\":\"moved_rose\",\"a\":[{\"n\":9},{\"n\":2},{\"t\":\"17:S\"}]}]}";
        assertThat(RunWeights.parse(now).movement()).singleElement().satisfies(s -> assertThat(s.render(java.util.Locale.FRENCH,
                w -> "montée du rang {0} au rang {1} : {2}")).isEqualTo("montée du rang 9 au rang 2 : 17:S"));
        var read = RunWeights.parse(now).notes();
        assertThat(read).singleElement().satisfies(s -> {
            assertThat(s.wording()).isEqualTo(Wording.MODEL_TOO_FEW_CONFIRMED);
            assertThat(s.english()).isEqualTo("3 confirmed entities, fewer than 5: the rule set's weights are kept");
        });
        String before = "{\"version\":\"prior\",\"notes\":[\"3 confirmed entities, fewer than 5: the rule set's weights are kept\"],"
                + "\"movement\":[\"rose from #9 to #2: 17:S\"]}";
        assertThat(RunWeights.parse(before).movement()).singleElement().satisfies(s -> assertThat(s.render(java.util.Locale.FRENCH,
                w -> "never asked")).isEqualTo("rose from #9 to #2: 17:S"));
        assertThat(RunWeights.parse(before).notes()).singleElement().satisfies(s -> {
            assertThat(s.isVerbatim()).isTrue();
            assertThat(s.english()).isEqualTo("3 confirmed entities, fewer than 5: the rule set's weights are kept");
        });
    }
}
