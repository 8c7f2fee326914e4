package org.piste.app.web;

import java.util.Locale;
import javax.sql.DataSource;
import org.piste.app.accounts.AuditLog;
import org.piste.app.accounts.Passwords;
import org.piste.app.accounts.UserStore;
import org.piste.app.alerts.AlertDecisions;
import org.piste.app.alerts.Alerts;
import org.piste.app.alerts.Explanations;
import org.piste.app.imports.SourceRepository;
import org.piste.app.pipeline.Changes;
import org.piste.app.referrals.ReferralQueries;
import org.piste.app.store.Database;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The beans every page shares: the pool of Piste's database, the one door for changes, the features' stores and
 * queries (constructed once), the audit trail, accounts, language.
 */
@Configuration
public class WebConfig implements WebMvcConfigurer {

    /** The database's own pool, shared with every store; the database closes it, not the web context. */
    @Bean(destroyMethod = "")
    public DataSource dataSource(Database database) {
        return database.dataSource();
    }

    /** The one door for changes: stored with their audit line, then refreshed (see Changes). */
    @Bean
    public Changes changes(Database database) {
        return new Changes(database);
    }

    // The features' stores and queries, constructed once on the pool and shared by their pages, API and card.

    @Bean
    public Alerts alerts(Database database) {
        return new Alerts(database);
    }

    @Bean
    public Explanations explanations(Database database) {
        return new Explanations(database);
    }

    @Bean
    public AlertDecisions alertDecisions(Database database) {
        return new AlertDecisions(database);
    }

    @Bean
    public SourceRepository sourceRepository(Database database) {
        return new SourceRepository(database);
    }

    @Bean
    public ReferralQueries referralQueries(Database database) {
        return new ReferralQueries(database);
    }

    @Bean
    public AuditLog auditLog(DataSource dataSource) {
        return new AuditLog(dataSource);
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return Passwords.encoder();
    }

    @Bean
    public UserStore userStore(DataSource dataSource, PasswordEncoder encoder) {
        return new UserStore(dataSource, encoder);
    }

    /** French by default (the users' language); ?lang=en switches, remembered in a cookie. */
    @Bean
    public LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("piste-lang");
        resolver.setDefaultLocale(Locale.FRENCH);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
