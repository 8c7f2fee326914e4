package org.piste.app.cli;

import java.util.Map;
import org.piste.app.referral.ReferralStore;
import org.piste.app.store.Database;

/** Confirmed buyers and facilitators that seed the network propagation: referral matches (see ReferralStore.seeds). */
final class Seeds {
    private Seeds() {}

    static Map<String, String> of(Database database) {
        return ReferralStore.seeds(database);
    }
}
