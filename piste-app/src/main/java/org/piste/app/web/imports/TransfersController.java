package org.piste.app.web.imports;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The transfer page: every field as written and normalised, both parties' entities, the source row. */
@Controller
public class TransfersController {
    private final Transfers transfers;

    public TransfersController(Transfers transfers) {
        this.transfers = transfers;
    }

    @GetMapping("/transfers/{id}")
    public String show(@PathVariable String id, Model model) {
        model.addAttribute("transfer", transfers.find(id));
        return "imports/transfer";
    }
}
