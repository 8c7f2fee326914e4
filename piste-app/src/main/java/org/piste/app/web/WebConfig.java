package org.piste.app.web;

import java.util.Locale;
import javax.sql.DataSource;
import org.piste.app.accounts.Passwords;
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
 * The beans every page shares that are the web's own: the pool as a DataSource, the password encoder, language. The
 * features' services are registered from {@link org.piste.app.pipeline.Services} when the server starts.
 */
@Configuration
public class WebConfig implements WebMvcConfigurer {

    /** The database's own pool, shared with every store; the database closes it, not the web context. */
    @Bean(destroyMethod = "")
    public DataSource dataSource(Database database) {
        return database.dataSource();
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return Passwords.encoder();
    }

    /** French by default (the users' language); ?lang=en switches, remembered in a cookie. */
    @Bean
    public LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("piste-lang");
        resolver.setDefaultLocale(Locale.FRENCH);
        return resolver;
    }

    /** Parameters that are not text are refused first, before the language or any page reads them. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ParameterCheck());
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
