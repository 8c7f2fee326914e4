package org.piste.app.web.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.piste.screen.Indicator;

/** Every indicator has a name in both languages, so no page shows a rule's code instead (issue 17). */
class IndicatorNamesTest {
    @Test
    void everyIndicatorIsNamedInFrenchAndInEnglish() {
        ResourceBundle fr = bundle(Locale.FRENCH);
        ResourceBundle en = bundle(Locale.ENGLISH);
        for (Indicator i : Indicator.values()) {
            String key = "alerts.indicator." + i.key();
            assertThat(fr.getString(key)).as(key).isNotBlank().isNotEqualTo(i.key());
            assertThat(en.getString(key)).as(key).isNotBlank();
        }
        assertThat(fr.getString("alerts.indicator.night")).isEqualTo("envois de nuit");
        assertThat(en.getString("alerts.indicator.night")).isEqualTo("night-time");
    }

    /** The bundle as Spring reads it: French is the base file, and the machine's own locale plays no part. */
    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("i18n/alerts", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
