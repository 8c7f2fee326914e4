package org.piste.app.web.cases;

import javax.sql.DataSource;
import org.piste.app.accounts.Actor;
import org.piste.app.cases.CaseService;
import org.piste.app.web.SecurityConfig;
import org.piste.app.web.WebAudit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;

/** The case service on the web's pooled connections, and who is asking, as the service needs it. */
@Configuration
public class CaseBeans {

    @Bean
    public CaseService caseService(DataSource dataSource) {
        return new CaseService(dataSource);
    }

    /** The signed-in user, their role (from the ROLE_ authority) and the case they work for. */
    static Actor actor(Authentication auth) {
        return Actor.user(auth.getName(), SecurityConfig.roleOf(auth), WebAudit.currentCase());
    }
}
