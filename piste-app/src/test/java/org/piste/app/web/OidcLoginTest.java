package org.piste.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OIDC sign-in is switched on by configuration alone (here with explicit endpoints, so no identity provider runs). */
class OidcLoginTest {
    static WebFixture web;

    @BeforeAll
    static void start() {
        String p = "spring.security.oauth2.client.";
        web = WebFixture.start(Map.of(
                p + "registration.oidc.client-id", "piste-test",
                p + "registration.oidc.client-secret", "secret",
                p + "registration.oidc.scope", "openid,profile",
                p + "registration.oidc.authorization-grant-type", "authorization_code",
                p + "registration.oidc.redirect-uri", "{baseUrl}/login/oauth2/code/{registrationId}",
                p + "provider.oidc.authorization-uri", "https://idp.invalid/authorize",
                p + "provider.oidc.token-uri", "https://idp.invalid/token",
                p + "provider.oidc.jwk-set-uri", "https://idp.invalid/jwks",
                p + "provider.oidc.user-info-uri", "https://idp.invalid/userinfo",
                p + "provider.oidc.user-name-attribute", "preferred_username"));
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void signInPageOffersTheOrganisationsAccountAndRedirectsToItsProvider() {
        var session = web.session();
        assertThat(session.get("/login").body()).contains("/oauth2/authorization/oidc");
        HttpResponse<String> r = session.get("/oauth2/authorization/oidc");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .startsWith("https://idp.invalid/authorize").contains("client_id=piste-test").contains("scope=openid"));
    }

    @Test
    void localAccountsStillSignIn() {
        assertThat(web.signIn("investigator").get("/").statusCode()).isEqualTo(200);
    }
}
