package org.piste.app.web.imports;

import org.piste.app.imports.TransferDetail;
import org.piste.app.imports.TransferRepository;
import org.piste.app.store.Database;
import org.piste.app.web.NotFound;
import org.piste.app.web.WebAudit;
import org.springframework.stereotype.Component;

/** What the transfer page and its API share: the id read from the path, the audited read, 404 when unknown. */
@Component
public class Transfers {
    private final TransferRepository transfers;

    public Transfers(Database database) {
        this.transfers = new TransferRepository(database);
    }

    /** The transfer with this internal id (as the entity page links it), read for the signed-in user. */
    public TransferDetail find(String id) {
        String s = id.strip();
        if (!s.matches("\\d{1,18}")) throw unknown(id);
        return transfers.find(WebAudit.actor(), Long.parseLong(s)).orElseThrow(() -> unknown(id));
    }

    private static NotFound unknown(String id) {
        return new NotFound("no stored transfer '" + id + "' (ids are the numbers the entity page links)");
    }
}
