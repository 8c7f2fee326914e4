package org.piste.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RejectReasonTest {
    /** Users see the meaning beside the code: every reason says something, and something of its own. */
    @Test
    void everyReasonHasItsOwnMeaning() {
        assertThat(Arrays.stream(RejectReason.values()).map(RejectReason::meaning))
                .allSatisfy(meaning -> assertThat(meaning).isNotBlank())
                .doesNotHaveDuplicates();
        assertThat(RejectReason.NEGATIVE_AMOUNT.meaning()).isEqualTo("an amount is negative");
    }
}
