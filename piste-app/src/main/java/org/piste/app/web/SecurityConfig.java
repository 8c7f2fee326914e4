package org.piste.app.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.piste.app.accounts.AccessPolicy;
import org.piste.app.accounts.Role;
import org.piste.app.accounts.SignInThrottle;
import org.piste.app.accounts.UserAccount;
import org.piste.app.accounts.UserStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two chains built from {@link AccessPolicy}: the pages (form sign-in, or OIDC when a client registration is
 * configured; session, CSRF) and the API under /api (HTTP Basic on the same accounts, no session, so no ambient
 * credential and no CSRF exposure; 401 without a browser challenge). A session is checked against its account on
 * every request ({@link AccountCheck}); refusals of a signed-in user are audited. Password sign-ins on both go
 * through {@link ThrottledSignIn}: held back after repeated failures, audited.
 */
@Configuration
public class SecurityConfig {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    @Bean
    @Order(1)
    public SecurityFilterChain api(HttpSecurity http, WebAudit audit, UserDetailsService accounts,
            SignInThrottle throttle) throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(new ThrottledSignIn(ThrottledSignIn.passwords(accounts), throttle,
                        SignInThrottle.Channel.API))
                .authorizeHttpRequests(a -> {
                    for (AccessPolicy.Rule rule : AccessPolicy.RULES) allow(a, rule, "/api");
                    a.requestMatchers("/api/openapi", "/api/openapi/**").authenticated();
                    a.anyRequest().denyAll();
                })
                .httpBasic(b -> b.authenticationEntryPoint((request, response, e) -> {
                    if (e instanceof ThrottledSignIn.Held held) {
                        tooManyAttempts(response, held);
                        return;
                    }
                    response.setStatus(401);
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    response.getWriter().write("{\"error\":\"authentication required\"}");
                }))
                .exceptionHandling(e -> e.accessDeniedHandler(refusals(audit)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .csrf(c -> c.disable())
                .headers(h -> h.contentSecurityPolicy(p -> p.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain pages(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidc,
            UserStore users, WebAudit audit, UserDetailsService accounts, SignInThrottle throttle) throws Exception {
        AuthenticationManager form = new ThrottledSignIn(ThrottledSignIn.passwords(accounts), throttle,
                SignInThrottle.Channel.FORM);
        http.authorizeHttpRequests(a -> {
                    a.requestMatchers("/login", "/activate/**", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error").permitAll();
                    for (AccessPolicy.Rule rule : AccessPolicy.RULES) allow(a, rule, "");
                    a.anyRequest().denyAll();
                })
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll()
                        .failureHandler(signInRefused())
                        .withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
                            @Override
                            public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationManager(form); // only this filter: OIDC keeps its own
                                return filter;
                            }
                        }))
                .logout(l -> l.logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
                .addFilterBefore(new AccountCheck(users, audit), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.accessDeniedHandler(refusals(audit)))
                .headers(h -> h
                        .contentSecurityPolicy(p -> p.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny()));
        if (oidc.getIfAvailable() != null) {
            http.oauth2Login(o -> o.loginPage("/login").userInfoEndpoint(u -> u.oidcUserService(localAccounts(users, throttle))));
        }
        return http.build();
    }

    /**
     * 429 with Retry-After, in the API's error shape ({@link ApiProblems}: a problem detail with the sentence also as
     * "error"), written here because it is answered before any controller; the password was not checked.
     */
    private static void tooManyAttempts(HttpServletResponse response, ThrottledSignIn.Held held) throws IOException {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(held.seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String sentence = "Too many failed sign-ins from this address or for this name: try again in " + held.seconds
                + " s.";
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                + "\"detail\":\"" + sentence + "\",\"error\":\"" + sentence + "\"}");
    }

    /** A refused sign-in goes back to the form: "wrong username or password", or "wait N seconds" when held. */
    private static AuthenticationFailureHandler signInRefused() {
        AuthenticationFailureHandler wrong = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, e) -> {
            if (e instanceof ThrottledSignIn.Held held) {
                response.sendRedirect(request.getContextPath() + "/login?throttled=" + held.seconds);
            } else {
                wrong.onAuthenticationFailure(request, response, e);
            }
        };
    }

    private static void allow(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a,
            AccessPolicy.Rule rule, String prefix) {
        String pattern = prefix.isEmpty() ? rule.pattern() : prefix + (rule.pattern().equals("/") ? "" : rule.pattern());
        var matcher = rule.method() == null ? a.requestMatchers(pattern) : a.requestMatchers(rule.method(), pattern);
        matcher.hasAnyRole(AccessPolicy.authorities(rule.roles()));
    }

    /**
     * A refusal of a signed-in user (the access table, or a missing or wrong CSRF token) is written to the audit
     * trail, then answered as Spring does (403, the one error page).
     */
    private static AccessDeniedHandler refusals(WebAudit audit) {
        AccessDeniedHandler answer = new AccessDeniedHandlerImpl();
        return (request, response, e) -> {
            audit.refused(request, e instanceof CsrfException ? "CSRF token missing or invalid" : "access table");
            answer.handle(request, response, e);
        };
    }

    /**
     * Sign-in with the stored account's password; disabled accounts, and those awaiting activation (whose holder
     * has not set a password yet), cannot sign in. The principal keeps a stamp of
     * the password hash, so {@link AccountCheck} ends the session when the password changes.
     */
    @Bean
    public UserDetailsService userDetailsService(UserStore users) {
        return username -> {
            UserAccount account = users.find(username).orElseThrow(() -> new UsernameNotFoundException(username));
            String hash = users.passwordHash(username).orElseThrow(() -> new UsernameNotFoundException(username));
            User user = (User) User.withUsername(account.username()).password(hash)
                    .disabled(!account.canSignInWithPassword())
                    .roles(account.role().name()).build();
            return new AccountCheck.PasswordUser(user, UserStore.credentialStamp(hash));
        };
    }

    /**
     * OIDC proves who signs in; the role still comes from the Piste account of the same username
     * (preferred_username), so authorization is managed in one place.
     */
    private static OidcUserService localAccounts(UserStore users, SignInThrottle throttle) {
        return new OidcUserService() {
            @Override
            public OidcUser loadUser(OidcUserRequest request) {
                OidcUser oidcUser = super.loadUser(request);
                String username = oidcUser.getPreferredUsername();
                UserAccount account = username == null ? null : users.find(username).filter(UserAccount::enabled).orElse(null);
                var attempt = new SignInThrottle.Attempt(username == null ? "(none)" : username,
                        ThrottledSignIn.currentAddress(), SignInThrottle.Channel.OIDC);
                throttle.oidc(attempt, account == null ? Optional.of("no enabled Piste account") : Optional.empty());
                if (account == null) {
                    throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                            "no enabled Piste account for '" + username + "'", null));
                }
                return new DefaultOidcUser(List.of(new SimpleGrantedAuthority(account.role().authority())),
                        oidcUser.getIdToken(), oidcUser.getUserInfo(), "preferred_username");
            }
        };
    }

    public static Role roleOf(org.springframework.security.core.Authentication authentication) {
        return authentication.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_")).map(a -> Role.valueOf(a.substring(5))).findFirst()
                .orElseThrow(() -> new IllegalStateException("a signed-in user without a role"));
    }
}
