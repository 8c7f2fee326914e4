package org.piste.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 16, 1: a redirect to a path holding data keeps each value inside its one segment. */
class RedirectsTest {
    @Test
    void eachVariableIsOneSegmentStrictlyEncoded() {
        assertThat(Redirects.to("/referrals/{ref}", "subject-0", "../../admin/users"))
                .isEqualTo("redirect:/referrals/..%2F..%2Fadmin%2Fusers#subject-0");
        assertThat(Redirects.to("/entities/{id}", "decisions", "A B?c#d%e{f}"))
                .isEqualTo("redirect:/entities/A%20B%3Fc%23d%25e%7Bf%7D#decisions");
        assertThat(Redirects.to("/cases/{id}", "", 42L)).isEqualTo("redirect:/cases/42");
        assertThat(Redirects.to("/entities/{id}", "", "12:S")).as("decoded, the same id").isEqualTo("redirect:/entities/12%3AS");
    }
}
