package org.piste.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.piste.app.accounts.AuditEvent;
import org.piste.app.accounts.SignInThrottle;

/**
 * Issue 16 (sign-in): password guessing on the form and on the API is held back per name and per address (5 free
 * failures, then waits doubling, then a quarter-hour lockout after 20), without the password being checked while
 * held, alike for names that exist and names that do not; the owner keeps signing in from their own address; every
 * sign-in is audited. The server's clock is moved by the test, so waits take no time.
 */
class SignInThrottleTest {
    static final MovableClock CLOCK = new MovableClock();
    static WebFixture web;

    @BeforeAll
    static void start() {
        web = WebFixture.start(Map.of(), CLOCK);
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    /** Each test starts with no failure counted (they are kept in the database). */
    @BeforeEach
    void forgetFailures() throws Exception {
        try (Connection c = web.database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM sign_in_failure");
        }
        CLOCK.advance(Duration.ofDays(2));
    }

    /** The form's answer: "error" (wrong), "throttled=N" (held N seconds) or "signed in". */
    private static String form(String address, String username, String password) {
        HttpResponse<String> r = web.session().from(address).postForm("/login",
                Map.of("username", username, "password", password));
        assertThat(r.statusCode()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        if (location.contains("?error")) return "error";
        if (location.contains("?throttled=")) return location.substring(location.indexOf("throttled="));
        return "signed in";
    }

    private static HttpResponse<String> api(String address, String username, String password) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return web.send(HttpRequest.newBuilder(java.net.URI.create(web.url("/api/dashboard")))
                .header("Authorization", "Basic " + basic).header("X-Forwarded-For", address).GET().build());
    }

    @Test
    void formGuessingIsHeldBackAfterFiveFailuresAndTheRightPasswordIsThenRefusedToo() {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) answers.add(form("203.0.113.1", "analyst", "wrong-guess-" + i));
        assertThat(answers).containsExactly("error", "error", "error", "error", "error", "throttled=1");
        assertThat(form("203.0.113.1", "analyst", WebFixture.PASSWORD)).isEqualTo("throttled=1");

        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(form("203.0.113.1", "analyst", "wrong-guess-6")).isEqualTo("error");
        assertThat(form("203.0.113.1", "analyst", WebFixture.PASSWORD)).isEqualTo("throttled=2");
        CLOCK.advance(Duration.ofSeconds(2));
        assertThat(form("203.0.113.1", "analyst", WebFixture.PASSWORD)).isEqualTo("signed in");
    }

    @Test
    void theSignInPageSaysHowLongToWaitInBothLanguages() {
        assertThat(web.session().get("/login?throttled=8").body()).contains("Réessayez dans 8 s");
        assertThat(web.session().get("/login?throttled=8&lang=en").body()).contains("Try again in 8 s");
        assertThat(web.session().get("/login?throttled=call-0800").body()).doesNotContain("call-0800");
    }

    @Test
    void apiGuessingGets429WithRetryAfterAndTheRightPasswordIsThenRefusedToo() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) statuses.add(api("203.0.113.2", "investigator", "wrong-guess-" + i).statusCode());
        assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429);

        HttpResponse<String> held = api("203.0.113.2", "investigator", WebFixture.PASSWORD);
        assertThat(held.statusCode()).isEqualTo(429);
        assertThat(held.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(held.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(held.body()).contains("\"status\":429").contains("try again in 1 s");

        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(api("203.0.113.2", "investigator", WebFixture.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aBurstOfParallelGuessesIsJudgedOneAfterTheOther() throws Exception {
        List<java.util.concurrent.Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String guess = "wrong-guess-" + i;
            guesses.add(() -> api("203.0.113.14", "analyst", guess).statusCode());
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (var f : pool.invokeAll(guesses)) statuses.add(f.get());
            assertThat(statuses).filteredOn(s -> s == 401).hasSize(SignInThrottle.FREE_FAILURES);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(12 - SignInThrottle.FREE_FAILURES);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aNameThatIsNoAccountIsHeldBackExactlyLikeOne() {
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < 7; i++) known.add(form("203.0.113.3", "prosecutor", "wrong-guess-" + i));
        for (int i = 0; i < 7; i++) unknown.add(form("203.0.113.4", "no.such.user", "wrong-guess-" + i));
        assertThat(unknown).isEqualTo(known).endsWith("throttled=1", "throttled=1");
    }

    @Test
    void oneAddressTryingManyNamesIsHeldBack() {
        List<String> answers = new ArrayList<>();
        for (String name : List.of("analyst", "investigator", "prosecutor", "admin", "analyst2", "investigator2")) {
            answers.add(form("203.0.113.5", name, "wrong-guess"));
        }
        assertThat(answers).containsExactly("error", "error", "error", "error", "error", "throttled=1");
        assertThat(form("198.51.100.5", "analyst", WebFixture.PASSWORD)).as("another address").isEqualTo("signed in");
    }

    /** Fails until the lockout: waits out each backoff; returns how many attempts were answered "wrong password". */
    private static int guessUntilLockedOut(String address, String username) {
        int wrong = 0;
        for (int i = 0; i < 100; i++) {
            String answer = form(address, username, "wrong-guess-" + i);
            if (answer.equals("error")) {
                wrong++;
                continue;
            }
            long seconds = Long.parseLong(answer.substring("throttled=".length()));
            if (seconds > 60) return wrong;
            CLOCK.advance(Duration.ofSeconds(seconds));
        }
        throw new AssertionError("never locked out");
    }

    @Test
    void twentyFailuresLockTheAccountOutForAQuarterOfAnHourThenItLiftsOnItsOwn() {
        assertThat(guessUntilLockedOut("203.0.113.6", "analyst2")).isEqualTo(SignInThrottle.LOCKOUT_FAILURES);
        assertThat(form("198.51.100.6", "analyst2", WebFixture.PASSWORD)).as("held from any address")
                .isEqualTo("throttled=900");
        CLOCK.advance(Duration.ofMinutes(14));
        assertThat(form("198.51.100.6", "analyst2", WebFixture.PASSWORD)).isEqualTo("throttled=60");
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(form("198.51.100.6", "analyst2", WebFixture.PASSWORD)).isEqualTo("signed in");
    }

    @Test
    void theOwnerStillSignsInFromTheirOwnAddressWhileAnAttackerLocksTheAccountOut() {
        assertThat(form("198.51.100.7", "investigator2", WebFixture.PASSWORD)).isEqualTo("signed in");
        guessUntilLockedOut("203.0.113.7", "investigator2");
        assertThat(form("203.0.113.7", "investigator2", WebFixture.PASSWORD)).startsWith("throttled=");
        assertThat(form("192.0.2.7", "investigator2", WebFixture.PASSWORD)).startsWith("throttled=");
        assertThat(form("198.51.100.7", "investigator2", WebFixture.PASSWORD)).isEqualTo("signed in");
    }

    @Test
    void anAdminLiftsALockout() {
        guessUntilLockedOut("203.0.113.8", "prosecutor");
        assertThat(form("203.0.113.9", "prosecutor", WebFixture.PASSWORD)).startsWith("throttled=");
        SignInThrottle throttle = web.context.getBean(SignInThrottle.class);
        assertThat(throttle.lift("prosecutor", false, "cli:test")).isTrue();
        assertThat(form("203.0.113.9", "prosecutor", WebFixture.PASSWORD)).isEqualTo("signed in");
        assertThat(throttle.lift("203.0.113.8", true, "cli:test")).isTrue();
        assertThat(form("203.0.113.8", "analyst", WebFixture.PASSWORD)).isEqualTo("signed in");
        assertThat(web.auditEvents("cli:test", "signin.unlock")).extracting(AuditEvent::object)
                .containsExactly("address:203.0.113.8", "user:prosecutor");
    }

    @Test
    void signInsAreAuditedWithTheNameAsTypedAndTheAddress() {
        assertThat(form("203.0.113.10", "admin", WebFixture.PASSWORD)).isEqualTo("signed in");
        assertThat(web.auditEvents("admin", "signin.ok")).first().satisfies(e -> {
            assertThat(e.object()).isEqualTo("user:admin");
            assertThat(e.detail()).isEqualTo("form from 203.0.113.10");
        });

        String typed = "Admin' OR 1=1 " + "x".repeat(400);
        assertThat(form("203.0.113.11", typed, "wrong-guess")).isEqualTo("error");
        AuditEvent failed = web.auditEvents("anonymous", "signin.failed").getFirst();
        assertThat(failed.object()).startsWith("user:Admin' OR 1=1 xxx").contains("characters in all").hasSizeLessThan(400);
        assertThat(failed.detail()).startsWith("form from 203.0.113.11: wrong username or password (failure 1 of this name");

        long okBefore = web.auditEvents("investigator", "signin.ok").size();
        assertThat(api("203.0.113.12", "investigator", WebFixture.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(api("203.0.113.12", "investigator", "wrong-guess").statusCode()).isEqualTo(401);
        assertThat(web.auditEvents("investigator", "signin.ok")).as("API successes are not audited").hasSize((int) okBefore);
        assertThat(web.auditEvents("anonymous", "signin.failed").getFirst().detail())
                .startsWith("api from 203.0.113.12: wrong username or password");

        for (int i = 0; i < 6; i++) api("203.0.113.13", "investigator", "wrong-guess");
        assertThat(web.auditEvents("anonymous", "signin.throttled").getFirst()).satisfies(e -> {
            assertThat(e.object()).isEqualTo("user:investigator");
            assertThat(e.detail()).isEqualTo("api from 203.0.113.13: held for 1 s, password not checked");
        });
    }
}
