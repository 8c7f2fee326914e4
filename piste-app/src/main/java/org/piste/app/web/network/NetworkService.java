package org.piste.app.web.network;

import java.util.Arrays;
import java.util.List;
import org.piste.app.network.FtmExport;
import org.piste.app.network.NeighbourPage;
import org.piste.app.network.NetworkFilter;
import org.piste.app.network.NetworkQueries;
import org.piste.app.network.NetworkView;
import org.piste.app.web.WebAudit;
import org.springframework.stereotype.Service;

/**
 * What the network page, its JSON and the API do, each read audited with the entities it showed: the pages and
 * the API call these same methods.
 */
@Service
public class NetworkService {
    private final NetworkQueries queries;
    private final FtmExport ftm;
    private final WebAudit audit;

    public NetworkService(NetworkQueries queries, FtmExport ftm, WebAudit audit) {
        this.queries = queries;
        this.ftm = ftm;
        this.audit = audit;
    }

    /** The page's centre entity. */
    public NetworkView.Node view(String entity, NetworkFilter filter) {
        NetworkView.Node node = queries.node(entity);
        audit.record("network.view", "entity:" + node.id(), filter.describe());
        return node;
    }

    public NetworkView.Expansion expand(String entity, NetworkFilter filter, NeighbourPage page) {
        NetworkView.Expansion x = queries.expand(entity, filter, page);
        List<String> shown = x.nodes().stream().map(NetworkView.Node::id).filter(id -> !id.equals(x.center())).toList();
        audit.record("network.expand", "entity:" + x.center(), filter.describe() + " page=" + page.page() + " size="
                + page.size() + " sort=" + x.sort() + " neighbours=" + String.join(",", shown));
        return x;
    }

    public FtmExport.Export export(String entities, NetworkFilter filter) {
        List<String> ids = entities == null ? List.of() : Arrays.stream(entities.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        FtmExport.Export export = ftm.export(ids, filter);
        audit.record("network.export", "entities:" + export.entityIds().size(), filter.describe() + " payments="
                + export.payments() + " entities=" + String.join(",", export.entityIds()));
        return export;
    }
}
