package org.piste.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One error shape for every API (RFC 9457 problem details) and one error page for every page. */
class ErrorShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static WebFixture web;

    @BeforeAll
    static void start() {
        web = WebFixture.start();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    /** Features that once had their own error shapes ({status,error}, {error}) now answer alike. */
    @Test
    void everyApiAnswersAnErrorAsProblemDetails() {
        String[][] calls = {
            {"/api/alerts/SENDER/999999999:S", "404", "999999999:S"}, // alerts
            {"/api/entities/999999999:R", "404", "999999999:R"}, // entities
            {"/api/network/expand?entity=999999999:S", "404", "999999999:S"}, // network
            {"/api/imports/jobs/nope", "404", "No import job 'nope'"}, // imports
            {"/api/alerts?minScore=abc", "400", "'minScore' has a wrong value: 'abc'"}, // a parameter of the wrong type
        };
        for (String[] call : calls) {
            HttpResponse<String> r = web.send(web.api("analyst", call[0]).GET().build());
            assertThat(r.statusCode()).as(call[0]).isEqualTo(Integer.parseInt(call[1]));
            assertThat(r.headers().firstValue("Content-Type")).as(call[0]).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.path("status").asInt()).as(call[0]).isEqualTo(Integer.parseInt(call[1]));
            assertThat(body.path("title").asString()).as(call[0]).isEqualTo(call[1].equals("404") ? "Not Found" : "Bad Request");
            assertThat(body.path("detail").asString()).as(call[0]).contains(call[2]);
            assertThat(body.path("error").asString()).as(call[0]).isEqualTo(body.path("detail").asString());
            assertThat(r.body()).as(call[0]).doesNotContain("\"timestamp\""); // not Spring Boot's fallback
        }
    }

    /** A page's error is the one error page, with its sentence where the sentence is the user's to know. */
    @Test
    void everyPageAnswersAnErrorWithTheOneErrorPage() {
        var s = web.signIn("analyst");
        HttpResponse<String> entity = s.get("/entities/999999999:R");
        assertThat(entity.statusCode()).isEqualTo(404);
        assertThat(entity.body()).contains("id=\"problem\"").contains("999999999:R");
        HttpResponse<String> job = s.get("/imports/jobs/nope");
        assertThat(job.statusCode()).isEqualTo(404);
        assertThat(job.body()).contains("id=\"problem\"").contains("Aucun import n°");
        HttpResponse<String> kase = s.get("/cases/999999");
        assertThat(kase.statusCode()).isEqualTo(404);
        assertThat(kase.body()).doesNotContain("id=\"problem\""); // a case one may not see is not even named
    }
}
