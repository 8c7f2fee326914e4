package org.piste.ingest;

import org.piste.normal.Text;

/** Keys of a profile's value maps are matched without regard to case, accents or extra spaces. */
final class ValueMaps {
    private ValueMaps() {}

    static String key(String raw) {
        return Text.foldKey(raw);
    }
}
