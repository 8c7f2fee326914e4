package org.piste.app.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.Role;
import org.piste.app.cases.CaseFile;
import org.piste.app.cases.CaseService;
import org.piste.app.referrals.ReferralQueries;
import org.piste.app.requests.RequestsAbroad;
import org.piste.app.requisitions.Requisition;
import org.piste.app.requisitions.RequisitionService;
import org.piste.app.victims.CompensationService;
import org.piste.app.victims.Victim;
import org.piste.app.victims.VictimService;
import org.piste.app.web.imports.Multipart;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every page and API call, for every role and for an anonymous visitor, against a hand-written table of who is
 * allowed (independent of AccessPolicy, which it checks) and of the exact status an allowed request gets. Denied
 * means 403; anonymous visitors are sent to sign in (pages: 302 to /login) or get 401 (API). Page POSTs carry a
 * valid CSRF token, anonymous ones too, so a 403 is authorization's and never CSRF's. Requests carry harmless or
 * invalid content, so allowed ones change little; an expected 4xx must be the application's own answer, not Spring
 * Boot's fallback error (what a vanished route or a request no handler accepted gets). The table and the routes
 * the application exposes must list each other. The case used is led by "investigator" with "analyst" in its team
 * and the sender as a subject; need-to-know inside cases is tested in CaseFilesTest.
 */
class AuthorizationMatrixTest {
    /*
     * method, path, roles allowed (A analyst, I investigator, P prosecutor, D admin; * also anonymous; - no one),
     * status of an allowed request, body of a POST (form fields for pages, JSON or "multipart:" fields for the API).
     * Why each status: pages 200; page forms redirect after handling, errors included (flash message): 302; no such
     * import job: 404; bad API bodies: 400 with the service's sentence (no reference, no note for a dismissal,
     * 'maybe' is no decision, the sender is already a subject, analyst already in the team, the case already open,
     * no file uploaded); a saved filter without a name: 400, someone's saved filter not theirs: 404; a note added: 200 with the case; audit verified: 200; no such user for a new activation
     * link: 404; an activation link that is not valid: 404 for everyone, anonymous visitors included (a public
     * page). Springdoc also serves the API description as YAML, which the policy does not open (only /api/openapi is).
     */
    static final String TABLE = """
            GET  /login                                     *     200
            GET  /activate/not-a-valid-token                *     404
            POST /activate/not-a-valid-token                *     404  password=x&again=x
            GET  /                                          AIPD  200
            GET  /dashboard                                 AIPD  200
            GET  /admin/users                               D     200
            POST /admin/users                               D     302  username=x&displayName=x&role=ANALYST
            POST /admin/users/nobody/activation             D     404
            POST /admin/users/analyst2/enabled              D     302  enabled=true
            POST /admin/users/analyst2/role                 D     302  role=ANALYST
            GET  /admin/audit                               D     200
            POST /admin/audit/verify                        D     302
            GET  /imports                                   AI    200
            POST /imports                                   AI    302  provider=x
            GET  /imports/jobs/999999                       AI    404
            GET  /imports/jobs/999999/panel                 AI    404
            GET  /imports/{source}/quarantine               AI    200
            GET  /alerts                                    AIP   200
            GET  /alerts?side=RECIPIENT                     AIP   200
            GET  /alerts/SENDER/{sender}                    AIP   200
            POST /alerts/SENDER/{sender}/decision           AI    400  decision=dismiss
            POST /alerts/filters                            AIP   400  filterName=
            POST /alerts/filters/999999/delete              AIP   404
            GET  /entities/{sender}                         AIP   200
            GET  /entities/{sender}/transfers               AIP   200
            GET  /entities/{sender}/transfers.csv           AIP   200
            GET  /entities/{sender}/charts.json             AIP   200
            POST /entities/decisions                        AI    400  decision=maybe
            GET  /transfers/{transfer}                      AIP   200
            GET  /transfers/999999999                       AIP   404
            GET  /search?q=santos                           AIP   200
            GET  /network?entity={recipient}                AIP   200
            GET  /network/expand?entity={recipient}         AIP   200
            GET  /network/export.ftm?entities={recipient}   AIP   200
            GET  /referrals                                 AIP   200
            GET  /referrals/{referral}                      AIP   200
            POST /referrals                                 AI    302  legalRef=x
            POST /referrals/{referral}/subjects/0/accept    AI    302  entityId=
            POST /referrals/{referral}/subjects/0/reject    AI    302  entityId=
            GET  /cases                                     AIP   200
            POST /cases                                     AI    302  title=no-reference
            GET  /cases/{case}                              AIP   200
            GET  /cases/subject-form?entityId={sender}      AIP   200
            GET  /cases/{case}/subject-preview?recordId={sender}  AIP  200
            POST /cases/{case}/work                         AIP   302
            POST /cases/work/clear                          AIP   302
            POST /cases/{case}/notes                        AIP   302  text=matrix
            POST /cases/{case}/subjects                     AI    302  recordId={sender}&kind=OTHER
            POST /cases/{case}/evidence                     AI    302  transfer=no-such-transfer
            POST /cases/{case}/members                      IP    302  username=analyst
            POST /cases/{case}/status                       IP    302  status=OPEN
            GET  /cases/{case}/requests                     AIP   200
            POST /cases/{case}/requests                     AI    302  channel=mla&country=ZZ
            GET  /cases/{case}/requests/{request}           AIP   200
            POST /cases/{case}/requests/{request}/selection AI    302  transfer=999999999
            POST /cases/{case}/requests/{request}/package   AI    200
            POST /cases/{case}/requests/{request}/sent      AI    302  due=2000-01-01
            GET  /cases/{case}/requisitions                 AIP   200
            POST /cases/{case}/requisitions                 AIP   302  addressee=x
            GET  /cases/{case}/requisitions/{requisition}   AIP   200
            POST /cases/{case}/requisitions/{requisition}/sent  AIP  302  sentOn=not-a-date
            GET  /deadlines                                 AIP   200
            GET  /cases/{case}/victims                      AIP   200
            POST /cases/{case}/victims                      AIP   302  pseudonym=a b&ageBracket=12-14
            GET  /cases/{case}/victims/{victim}             AIP   200
            POST /cases/{case}/victims/{victim}/facilitators  AI  302  record=x
            POST /cases/{case}/victims/{victim}/claims      AIP   302  claimant=nobody
            POST /cases/{case}/victims/{victim}/awards      AIP   302  amount=x
            POST /cases/{case}/victims/{victim}/awards/{award}/payments  AIP  302  amount=x
            GET  /cases/{case}/compensation                 AIP   200
            GET  /cases/{case}/compensation.csv             AIP   200
            GET  /cases/{case}/report                       AIP   200
            GET  /api                                       AIPD  200
            GET  /api/dashboard                             AIPD  200
            GET  /api/openapi                               AIPD  200
            GET  /api/openapi.yaml                          -     -
            GET  /api/admin/users                           D     200
            POST /api/admin/users                           D     400  {}
            POST /api/admin/users/analyst2/enabled          D     200  {"enabled":true}
            POST /api/admin/users/analyst2/role             D     200  {"role":"analyst"}
            POST /api/admin/users/nobody/activation         D     404  {}
            GET  /api/admin/audit                           D     200
            POST /api/admin/audit/verify                    D     200
            GET  /api/imports                               AI    200
            POST /api/imports                               AI    400  multipart:profile=fr-operator
            GET  /api/imports/jobs/999999                   AI    404
            GET  /api/imports/{source}/quarantine           AI    200
            GET  /api/alerts                                AIP   200
            GET  /api/alerts/SENDER/{sender}                AIP   200
            POST /api/alerts/SENDER/{sender}/decision       AI    400  {"decision":"dismiss"}
            GET  /api/entities/{sender}                     AIP   200
            GET  /api/entities/{sender}/transfers           AIP   200
            GET  /api/entities/{sender}/transfers.csv       AIP   200
            POST /api/entities/decisions                    AI    400  {"decision":"maybe"}
            GET  /api/transfers/{transfer}                  AIP   200
            GET  /api/transfers/999999999                   AIP   404
            GET  /api/search?q=santos                       AIP   200
            GET  /api/network/expand?entity={recipient}     AIP   200
            GET  /api/network/export.ftm?entities={recipient} AIP 200
            GET  /api/referrals                             AIP   200
            GET  /api/referrals/{referral}                  AIP   200
            POST /api/referrals                             AI    400  multipart:legalReference=x
            POST /api/referrals/{referral}/subjects/0/decision AI 400  {"decision":"maybe"}
            GET  /api/cases                                 AIP   200
            POST /api/cases                                 AI    400  {"title":"no reference"}
            GET  /api/cases/{case}                          AIP   200
            GET  /api/cases/{case}/conflicts                AIP   200
            POST /api/cases/{case}/notes                    AIP   200  {"text":"matrix"}
            POST /api/cases/{case}/subjects                 AI    400  {"recordId":"{sender}","kind":"OTHER"}
            POST /api/cases/{case}/evidence                 AI    400  {"transfer":"no-such-transfer"}
            POST /api/cases/{case}/members                  IP    400  {"username":"analyst"}
            POST /api/cases/{case}/status                   IP    400  {"status":"OPEN"}
            GET  /api/cases/{case}/requests                 AIP   200
            POST /api/cases/{case}/requests                 AI    400  {"channel":"mla","country":"ZZ","authority":"x","question":"x"}
            GET  /api/cases/{case}/requests/{request}       AIP   200
            POST /api/cases/{case}/requests/{request}/selection  AI  400  {"subjects":[],"transfers":[999999999]}
            POST /api/cases/{case}/requests/{request}/sent  AI    400  {"due":"2000-01-01"}
            POST /api/cases/{case}/requests/{request}/package  AI  200  {}
            GET  /api/cases/{case}/requisitions             AIP   200
            POST /api/cases/{case}/requisitions             AIP   400  {"addressee":"x"}
            GET  /api/cases/{case}/requisitions/{requisition}  AIP  200
            POST /api/cases/{case}/requisitions/{requisition}/sent  AIP  400  {"sentOn":"not-a-date"}
            GET  /api/deadlines                             AIP   200
            GET  /api/cases/{case}/victims                  AIP   200
            POST /api/cases/{case}/victims                  AIP   400  {"pseudonym":"a b","ageBracket":"12-14"}
            GET  /api/cases/{case}/victims/{victim}         AIP   200
            POST /api/cases/{case}/victims/{victim}/facilitators  AI  400  {"recordId":"x"}
            GET  /api/cases/{case}/victims/{victim}/paid    AIP   200
            GET  /api/cases/{case}/victims/{victim}/compensation  AIP  200
            POST /api/cases/{case}/victims/{victim}/claims  AIP   400  {"claimant":"nobody"}
            POST /api/cases/{case}/victims/{victim}/awards  AIP   400  {"amount":"x"}
            POST /api/cases/{case}/compensation/awards/{award}/payments  AIP  400  {"amount":"x"}
            GET  /api/cases/{case}/compensation             AIP   200
            GET  /api/cases/{case}/compensation.csv         AIP   200
            GET  /api/cases/{case}/report                   AIP   200
            """;

    /** Spring Boot's error page, reached by forwarding, not by a link: not an application route. */
    static final Set<String> FRAMEWORK_ROUTES = Set.of("/error");

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
        ids.put("transfer", jdbc.sql("SELECT min(id)::text FROM transfer").query(String.class).single());
        Actor lead = Actor.user("investigator", Role.INVESTIGATOR, Optional.empty());
        ids.put("referral", new ReferralQueries(web.database).list(lead).getFirst().ref());
        CaseService cases = new CaseService(web.database.dataSource());
        long id = cases.create(lead, new CaseService.NewCase("MATRIX-1", "Matrix")).summary().id();
        cases.addMember(lead, id, "analyst");
        // Already a subject, so adding it again is refused the same way whichever cell runs first.
        cases.addSubject(lead, id, ids.get("sender"), CaseFile.SubjectKind.OTHER);
        ids.put("case", Long.toString(id));
        // Issue 18: a request abroad of the case; a refused change leaves it a draft for every cell.
        ids.put("request", Long.toString(new RequestsAbroad(web.database.dataSource(), java.time.Clock.systemUTC())
                .create(lead, id, Optional.empty(), "police", "PH", "Philippine National Police", "Matrix ?").id()));
        var requisition = new RequisitionService(web.database.dataSource(), java.time.Clock.systemUTC()).draft(lead, id,
                new RequisitionService.NewRequisition(Optional.of("REQ-MATRIX-1"), "MTO-FICTIF",
                        Requisition.AddresseeKind.OPERATOR, Requisition.LegalBasis.ART_77_1_1,
                        java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2024, 1, 31), List.of()));
        ids.put("requisition", Long.toString(requisition.id()));
        // A victim (a code only) linked to the recipient, with an award against the sender: for the victims' rows.
        long victim = new VictimService(web.database.dataSource()).add(lead, id, new Victim.NewVictim("MATRIX-V1",
                "PNP-WCPC", "PH", Victim.AgeBracket.FROM_12_TO_14, Optional.empty(), Optional.empty(), "",
                List.of(ids.get("recipient")))).id();
        ids.put("victim", Long.toString(victim));
        ids.put("award", Long.toString(new CompensationService(web.database.dataSource()).award(lead, id, victim,
                ids.get("sender"), java.math.BigDecimal.TEN, "EUR", java.time.LocalDate.of(2026, 1, 5), "TJ-MATRIX")));
    }

    /** Need-to-know under a case: an investigator outside its team is told it does not exist, page and API alike. */
    @Test
    void anInvestigatorOutsideTheTeamGets404OnTheCasesRequisitions() {
        for (Row row : rows()) {
            if (!row.path().contains("/requisitions")) continue;
            HttpResponse<String> r;
            String path = fill(row.path());
            if (row.api()) {
                HttpRequest.Builder b = web.api("investigator2", path);
                if (row.method().equals("POST")) b.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"addressee\":\"x\",\"basis\":\"60-1\","
                                + "\"from\":\"2024-01-01\",\"to\":\"2024-01-31\"}"));
                r = web.send(b.build());
            } else {
                WebFixture.Session s = sessions.computeIfAbsent("investigator2", web::signIn);
                if (row.method().equals("GET")) {
                    r = s.get(path);
                } else {
                    s.get("/");
                    r = s.postForm(path, Map.of("addressee", "x", "basis", "60-1", "from", "2024-01-01", "to",
                            "2024-01-31"));
                }
            }
            assertThat(r.statusCode()).as(row + " as investigator2").isEqualTo(404);
            assertThat(r.body()).as(row.toString()).doesNotContain("REQ-MATRIX-1").doesNotContain("MATRIX-1");
        }
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    record Row(String method, String path, Set<Role> allowed, boolean everyone, int status, String body) {
        boolean api() {
            return path.startsWith("/api");
        }

        String pathOnly() {
            int q = path.indexOf('?');
            return q < 0 ? path : path.substring(0, q);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] f = line.strip().split("\\s+", 5);
            boolean everyone = f[2].equals("*");
            Set<Role> allowed = everyone ? EnumSet.allOf(Role.class) : EnumSet.noneOf(Role.class);
            for (char c : everyone || f[2].equals("-") ? new char[0] : f[2].toCharArray()) {
                allowed.add(switch (c) {
                    case 'A' -> Role.ANALYST;
                    case 'I' -> Role.INVESTIGATOR;
                    case 'P' -> Role.PROSECUTOR;
                    case 'D' -> Role.ADMIN;
                    default -> throw new IllegalArgumentException(line);
                });
            }
            int status = f[3].equals("-") ? 0 : Integer.parseInt(f[3]);
            rows.add(new Row(f[0], f[1], allowed, everyone, status, f.length > 4 ? f[4] : ""));
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
        String location = r.headers().firstValue("Location").orElse("");
        String what = row + " as " + (role == null ? "anonymous" : role) + " -> " + r.statusCode() + " " + location
                + " " + r.body().substring(0, Math.min(200, r.body().length()));
        boolean allowed = role == null ? row.everyone() : row.allowed().contains(role);
        if (allowed) {
            assertThat(r.statusCode()).as(what).isEqualTo(row.status());
            if (r.statusCode() == 302) assertThat(location).as(what).doesNotEndWith("/login");
            // Spring Boot's fallback error body carries a timestamp; the application's own refusals do not.
            if (r.statusCode() >= 400) assertThat(r.body()).as(what).doesNotContain("\"timestamp\"");
        } else if (role == null && row.api()) {
            assertThat(r.statusCode()).as(what).isEqualTo(401);
        } else if (role == null) {
            assertThat(r.statusCode()).as(what).isEqualTo(302);
            assertThat(location).as(what).isEqualTo(web.url("/login"));
        } else {
            assertThat(r.statusCode()).as(what).isEqualTo(403);
        }
    }

    /** Issue 18: a request abroad is as hidden as its case from an investigator outside its team. */
    @Test
    void aNonMemberInvestigatorIsToldNoRequestAbroadExists() {
        String base = fill("/cases/{case}/requests");
        String one = fill("/cases/{case}/requests/{request}");
        WebFixture.Session s = sessions.computeIfAbsent("investigator2", web::signIn);
        for (String path : List.of(base, one)) assertThat(s.get(path).statusCode()).as(path).isEqualTo(404);
        assertThat(s.get("/").statusCode()).isEqualTo(200);
        assertThat(s.postForm(one + "/package", Map.of()).statusCode()).as("page package").isEqualTo(404);
        for (String path : List.of(base, one)) {
            HttpResponse<String> r = web.send(web.api("investigator2", "/api" + path).build());
            assertThat(r.statusCode()).as("/api" + path).isEqualTo(404);
            assertThat(r.body()).doesNotContain("Philippine");
        }
        HttpResponse<String> made = web.send(web.api("investigator2", "/api" + one + "/package")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build());
        assertThat(made.statusCode()).as("API package").isEqualTo(404);
        assertThat(made.body()).doesNotContain("Philippine");
    }

    /** Producing a package records personal data as sent: never on a GET (link previews, proxy retries). */
    @Test
    void aGetNeverProducesAPackage() {
        String path = "/api" + fill("/cases/{case}/requests/{request}/package");
        assertThat(web.send(web.api("investigator", path).build()).statusCode()).isEqualTo(405);
    }

    /** Need-to-know on the report (issue 18): an investigator outside the team is told the case does not exist. */
    @Test
    void anInvestigatorOutsideTheTeamGetsNoReport() {
        String path = "/cases/" + ids.get("case") + "/report";
        HttpResponse<String> page = web.signIn("investigator2").get(path);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("MATRIX-1");
        HttpResponse<String> api = web.send(web.api("investigator2", "/api" + path).build());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).doesNotContain("MATRIX-1");
        assertThat(web.send(web.api("investigator2", "/api" + path + "?snapshot=1").build()).statusCode()).isEqualTo(404);
    }

    @Test
    void everyRouteTheApplicationExposesIsInTheTable() {
        Set<String> unlisted = new TreeSet<>(routes());
        rows().forEach(row -> reached(row).ifPresent(unlisted::remove));
        assertThat(unlisted).as("routes the matrix does not test").isEmpty();
    }

    @Test
    void everyRowOfTheTableIsARouteOfTheApplication() {
        assertThat(rows().stream().filter(row -> reached(row).isEmpty()).map(Row::toString))
                .as("rows no route answers").isEmpty();
    }

    /** The route Spring MVC would pick for a row: of those its path matches, the most specific pattern. */
    private static Optional<String> reached(Row row) {
        PathContainer path = PathContainer.parsePath(fill(row.pathOnly()));
        return routes().stream().filter(route -> route.startsWith(row.method() + " "))
                .map(route -> PathPatternParser.defaultInstance.parse(route.substring(row.method().length() + 1)))
                .filter(pattern -> pattern.matches(path)).min(PathPattern.SPECIFICITY_COMPARATOR)
                .map(pattern -> row.method() + " " + pattern.getPatternString());
    }

    /** "METHOD pattern" of every handler method Spring MVC maps (a mapping without a method counts as GET and POST). */
    private static Set<String> routes() {
        Set<String> routes = new TreeSet<>();
        for (var mapping : web.context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (FRAMEWORK_ROUTES.contains(pattern)) continue;
                    for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                        routes.add(m + " " + pattern);
                    }
                }
            }
        }
        assertThat(routes).as("the handler mappings were found").isNotEmpty();
        return routes;
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
            if (path.endsWith(".csv")) b.setHeader("Accept", "text/csv");
            if (row.method().equals("POST")) {
                if (row.body().startsWith("multipart:")) {
                    Multipart m = new Multipart();
                    form(row.body().substring("multipart:".length())).forEach(m::field);
                    m.into(b);
                } else {
                    b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(fill(row.body())));
                }
            }
            return web.send(b.build());
        }
        WebFixture.Session s = sessions.computeIfAbsent(user, web::signIn);
        if (row.method().equals("GET")) return s.get(path);
        assertThat(s.get("/").statusCode()).as("a page read for a fresh CSRF token").isEqualTo(200);
        return s.postForm(path, form(fill(row.body())));
    }

    /** A fresh anonymous session; its POSTs carry the CSRF token of the sign-in page. */
    private static HttpResponse<String> anonymous(Row row) {
        String path = fill(row.path());
        if (row.api()) {
            HttpRequest.Builder b = HttpRequest.newBuilder(java.net.URI.create(web.url(path)));
            return web.send((row.method().equals("GET") ? b.GET() : b.POST(HttpRequest.BodyPublishers.noBody())).build());
        }
        WebFixture.Session s = web.session();
        return row.method().equals("GET") ? s.get(path) : s.postForm(path, form(fill(row.body())));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            String[] kv = pair.split("=", 2);
            form.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return form;
    }
}
