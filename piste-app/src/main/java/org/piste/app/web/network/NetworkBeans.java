package org.piste.app.web.network;

import javax.sql.DataSource;
import org.piste.app.network.FtmExport;
import org.piste.app.network.NetworkQueries;
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
}
