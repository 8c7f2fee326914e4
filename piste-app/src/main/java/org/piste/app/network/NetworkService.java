package org.piste.app.network;

import java.util.List;
import org.piste.app.accounts.Actor;
import org.piste.app.accounts.AuditLog;

/**
 * What the network page, its JSON and the API do, each read audited with the entities it showed: the pages and
 * the API call these same methods.
 */
public final class NetworkService {
    private final NetworkQueries queries;
    private final FtmExport ftm;
    private final AuditLog audit;

    public NetworkService(NetworkQueries queries, FtmExport ftm, AuditLog audit) {
        this.queries = queries;
        this.ftm = ftm;
        this.audit = audit;
    }

    /** The page's centre entity. */
    public NetworkView.Node view(Actor actor, String entity, NetworkFilter filter) {
        NetworkView.Node node = queries.node(entity);
        return audit.shown(actor, "network.view", "entity:" + node.id(), filter.describe(), node);
    }

    public NetworkView.Expansion expand(Actor actor, String entity, NetworkFilter filter, NeighbourPage page) {
        NetworkView.Expansion x = queries.expand(entity, filter, page);
        List<String> shown = x.nodes().stream().map(NetworkView.Node::id).filter(id -> !id.equals(x.center())).toList();
        return audit.shown(actor, "network.expand", "entity:" + x.center(), filter.describe() + " page=" + page.page()
                + " size=" + page.size() + " sort=" + x.sort() + " neighbours=" + String.join(",", shown), x);
    }

    public FtmExport.Export export(Actor actor, List<String> entityIds, NetworkFilter filter) {
        FtmExport.Export export = ftm.export(entityIds, filter);
        return audit.shown(actor, "network.export", "entities:" + export.entityIds().size(), filter.describe()
                + " payments=" + export.payments() + " entities=" + String.join(",", export.entityIds()), export);
    }
}
