package org.piste.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.piste.app.cases.Actor;
import org.piste.app.cases.CaseService;
import org.piste.app.referral.ReferralQueries;
import org.piste.app.users.Role;

/**
 * Every page and API call, for every role and for an anonymous visitor, against a hand-written table of who is
 * allowed (independent of AccessPolicy, which it checks). Denied means 403; allowed means the request got past
 * authorization (not 401, 403 or 405, no server error, no redirect to sign-in); anonymous visitors are sent to
 * sign in (pages) or get 401 (API). Requests carry harmless or invalid content, so allowed ones change little.
 * The case used is led by "investigator" with "analyst" in its team; need-to-know inside cases is tested in
 * CaseFilesTest.
 */
class AuthorizationMatrixTest {
    // method, path, roles allowed (A analyst, I investigator, P prosecutor, D admin), body for POSTs
    static final String TABLE = """
            GET  /                                          AIPD
            GET  /dashboard                                 AIPD
            GET  /admin/users                               D
            POST /admin/users                               D     username=x
            POST /admin/users/analyst2/enabled              D     enabled=true
            GET  /admin/audit                               D
            POST /admin/audit/verify                        D
            GET  /imports                                   AI
            POST /imports                                   AI    provider=x
            GET  /imports/jobs/999999                       AI
            GET  /imports/jobs/999999/panel                 AI
            GET  /imports/{source}/quarantine               AI
            GET  /alerts                                    AIP
            GET  /alerts?side=RECIPIENT                     AIP
            GET  /alerts/SENDER/{sender}                    AIP
            POST /alerts/SENDER/{sender}/decision           AI    decision=dismiss
            GET  /entities/{sender}                         AIP
            GET  /entities/{sender}/transfers               AIP
            GET  /entities/{sender}/transfers.csv           AIP
            GET  /entities/{sender}/charts.json             AIP
            POST /entities/decisions                        AI    decision=maybe
            GET  /network?entity={recipient}                AIP
            GET  /network/expand?entity={recipient}         AIP
            GET  /network/export.ftm?entities={recipient}   AIP
            GET  /referrals                                 AIP
            GET  /referrals/{referral}                      AIP
            POST /referrals                                 AI    legalRef=x
            POST /referrals/{referral}/subjects/0/accept    AI    entityId=
            POST /referrals/{referral}/subjects/0/reject    AI    entityId=
            GET  /cases                                     AIP
            POST /cases                                     AI    title=no-reference
            GET  /cases/{case}                              AIP
            GET  /cases/subject-form?entityId={sender}      AIP
            POST /cases/{case}/work                         AIP
            POST /cases/work/clear                          AIP
            POST /cases/{case}/notes                        AIP   text=matrix
            POST /cases/{case}/subjects                     AI    recordId={sender}&kind=OTHER
            POST /cases/{case}/evidence                     AI    transfer=no-such-transfer
            POST /cases/{case}/members                      IP    username=analyst
            POST /cases/{case}/status                       IP    status=OPEN
            GET  /api                                       AIPD
            GET  /api/dashboard                             AIPD
            GET  /api/openapi                               AIPD
            GET  /api/admin/users                           D
            POST /api/admin/users                           D     {}
            GET  /api/admin/audit                           D
            POST /api/admin/audit/verify                    D
            GET  /api/imports                               AI
            POST /api/imports                               AI    {}
            GET  /api/imports/jobs/999999                   AI
            GET  /api/imports/{source}/quarantine           AI
            GET  /api/alerts                                AIP
            GET  /api/alerts/SENDER/{sender}                AIP
            POST /api/alerts/SENDER/{sender}/decision       AI    {"decision":"dismiss"}
            GET  /api/entities/{sender}                     AIP
            GET  /api/entities/{sender}/transfers           AIP
            GET  /api/entities/{sender}/transfers.csv       AIP
            POST /api/entities/decisions                    AI    {"decision":"maybe"}
            GET  /api/network/expand?entity={recipient}     AIP
            GET  /api/network/export.ftm?entities={recipient} AIP
            GET  /api/referrals                             AIP
            GET  /api/referrals/{referral}                  AIP
            POST /api/referrals                             AI    {}
            POST /api/referrals/{referral}/subjects/0/decision AI {"decision":"maybe"}
            GET  /api/cases                                 AIP
            POST /api/cases                                 AI    {"title":"no reference"}
            GET  /api/cases/{case}                          AIP
            GET  /api/cases/{case}/conflicts                AIP
            POST /api/cases/{case}/notes                    AIP   {"text":"matrix"}
            POST /api/cases/{case}/subjects                 AI    {"recordId":"{sender}","kind":"OTHER"}
            POST /api/cases/{case}/evidence                 AI    {"transfer":"no-such-transfer"}
            POST /api/cases/{case}/members                  IP    {"username":"analyst"}
            POST /api/cases/{case}/status                   IP    {"status":"OPEN"}
            """;

    static WebFixture web;
    static final Map<String, String> ids = new LinkedHashMap<>();
    static final Map<String, WebFixture.Session> sessions = new LinkedHashMap<>();

    @BeforeAll
    static void start(@TempDir Path dir) {
        web = WebFixture.start();
        web.withDemoData(300, dir);
        var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(web.database.dataSource());
        ids.put("sender", jdbc.sql("SELECT entity_id FROM entity_score WHERE side = 'SENDER' ORDER BY run_id DESC, position LIMIT 1")
                .query(String.class).single());
        ids.put("recipient", jdbc.sql("SELECT entity_id FROM entity_score WHERE side = 'RECIPIENT' ORDER BY run_id DESC, position LIMIT 1")
                .query(String.class).single());
        ids.put("source", jdbc.sql("SELECT min(id)::text FROM source_file").query(String.class).single());
        ids.put("referral", new ReferralQueries(web.database).list().getFirst().ref());
        CaseService cases = new CaseService(web.database.dataSource());
        Actor lead = new Actor("investigator", Role.INVESTIGATOR, Optional.empty());
        long id = cases.create(lead, new CaseService.NewCase("MATRIX-1", "Matrix")).summary().id();
        cases.addMember(lead, id, "analyst");
        ids.put("case", Long.toString(id));
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    record Row(String method, String path, Set<Role> allowed, String body) {
        boolean api() {
            return path.startsWith("/api");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] f = line.strip().split("\\s+", 4);
            Set<Role> allowed = EnumSet.noneOf(Role.class);
            for (char c : f[2].toCharArray()) {
                allowed.add(switch (c) {
                    case 'A' -> Role.ANALYST;
                    case 'I' -> Role.INVESTIGATOR;
                    case 'P' -> Role.PROSECUTOR;
                    case 'D' -> Role.ADMIN;
                    default -> throw new IllegalArgumentException(line);
                });
            }
            rows.add(new Row(f[0], f[1], allowed, f.length > 3 ? f[3] : ""));
        }
        return rows;
    }

    static Stream<Arguments> cells() {
        return rows().stream().flatMap(r -> Stream.concat(Stream.of(Role.values()).map(role -> Arguments.of(r, role)),
                Stream.of(Arguments.of(r, null))));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cells")
    void eachRoleReachesExactlyWhatTheTableSays(Row row, Role role) {
        HttpResponse<String> r = role == null ? anonymous(row) : as(role, row);
        String what = row + " as " + (role == null ? "anonymous" : role) + " -> " + r.statusCode() + " "
                + r.headers().firstValue("Location").orElse("") + " " + r.body().substring(0, Math.min(200, r.body().length()));
        if (role == null) {
            if (row.api()) {
                assertThat(r.statusCode()).as(what).isEqualTo(401);
            } else {
                assertThat(r.statusCode()).as(what).isIn(302, 403); // 403: a POST without a CSRF token
                if (r.statusCode() == 302) assertThat(r.headers().firstValue("Location").orElse("")).as(what).endsWith("/login");
            }
        } else if (row.allowed().contains(role)) {
            assertThat(r.statusCode()).as(what).isNotIn(401, 403, 405).isLessThan(500);
            assertThat(r.headers().firstValue("Location").orElse("")).as(what).doesNotEndWith("/login");
        } else {
            assertThat(r.statusCode()).as(what).isEqualTo(403);
        }
    }

    private static String fill(String s) {
        for (var e : ids.entrySet()) s = s.replace("{" + e.getKey() + "}", e.getValue());
        return s;
    }

    private static HttpResponse<String> as(Role role, Row row) {
        String user = role.name().toLowerCase(java.util.Locale.ROOT);
        String path = fill(row.path());
        if (row.api()) {
            HttpRequest.Builder b = web.api(user, path);
            if (row.method().equals("POST")) {
                b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(fill(row.body())));
            }
            return web.send(b.build());
        }
        WebFixture.Session s = sessions.computeIfAbsent(user, web::signIn);
        if (row.method().equals("GET")) return s.get(path);
        s.get("/");
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : fill(row.body()).split("&")) {
            if (pair.isEmpty()) continue;
            String[] kv = pair.split("=", 2);
            form.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return s.postForm(path, form);
    }

    private static HttpResponse<String> anonymous(Row row) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(web.url(fill(row.path()))));
        b = row.method().equals("GET") ? b.GET() : b.POST(HttpRequest.BodyPublishers.noBody());
        return web.send(b.build());
    }
}
