package org.piste.app.web.network;

import javax.sql.DataSource;
import org.piste.app.accounts.AuditLog;
import org.piste.app.network.FtmExport;
import org.piste.app.network.NetworkQueries;
import org.piste.app.network.NetworkService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The network's services on the web's pooled connections. */
@Configuration
public class NetworkBeans {
    @Bean
    public NetworkQueries networkQueries(DataSource dataSource) {
        return new NetworkQueries(dataSource);
    }

    @Bean
    public FtmExport ftmExport(DataSource dataSource) {
        return new FtmExport(dataSource);
    }

    /** The network's reads, each audited for the user who asked. */
    @Bean
    public NetworkService networkService(NetworkQueries queries, FtmExport ftm, AuditLog audit) {
        return new NetworkService(queries, ftm, audit);
    }
}
