package org.piste.app.web.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.piste.app.imports.TransferDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** One transfer as JSON, as the page shows it. */
@RestController
@Tag(name = "transfers", description = "One stored transfer whole, with its parties' entities and its source row")
public class TransfersApi {
    private final Transfers transfers;

    public TransfersApi(Transfers transfers) {
        this.transfers = transfers;
    }

    @GetMapping("/api/transfers/{id}")
    @Operation(summary = "A transfer by its internal id: fields as written and normalised, both parties with their "
            + "entity, the source file, SHA-256, line and raw text, duplicates (personal data, audited)")
    public TransferDetail transfer(@PathVariable String id) {
        return transfers.find(id);
    }
}
