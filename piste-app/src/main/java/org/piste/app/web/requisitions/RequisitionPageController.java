package org.piste.app.web.requisitions;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import org.piste.app.requisitions.Deadlines;
import org.piste.app.requisitions.Requisition;
import org.piste.app.requisitions.RequisitionService;
import org.piste.app.requisitions.RequisitionText;
import org.piste.app.web.PageProblems;
import org.piste.app.web.Redirects;
import org.piste.app.web.WebAudit;
import org.piste.normal.Text;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A case's requisitions: the list and the draft form, one requisition (its text, printable) and sending it. */
@Controller
public class RequisitionPageController {
    private final RequisitionService requisitions;
    private final Deadlines deadlines;

    public RequisitionPageController(RequisitionService requisitions, Deadlines deadlines) {
        this.requisitions = requisitions;
        this.deadlines = deadlines;
    }

    @GetMapping("/cases/{id}/requisitions")
    public String list(Authentication auth, @PathVariable long id, Model model) {
        model.addAttribute("caseId", id);
        model.addAttribute("requisitions", requisitions.list(WebAudit.actor(auth), id));
        model.addAttribute("today", requisitions.today());
        model.addAttribute("kinds", Requisition.AddresseeKind.values());
        model.addAttribute("bases", Arrays.stream(Requisition.LegalBasis.values()).map(Requisition.LegalBasis::article)
                .toList());
        return "requisitions/list";
    }

    /** typed: identifiers typed by hand, one a line. */
    @PostMapping("/cases/{id}/requisitions")
    public String draft(Authentication auth, @PathVariable long id, @RequestParam(defaultValue = "") String number,
            @RequestParam(defaultValue = "") String addressee, @RequestParam(defaultValue = "OPERATOR") String kind,
            @RequestParam(defaultValue = "") String basis, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String typed,
            RedirectAttributes redirect) {
        try {
            Requisition r = requisitions.draft(WebAudit.actor(auth), id, new RequisitionService.NewRequisition(
                    Optional.of(number), addressee, Requisition.AddresseeKind.parse(kind),
                    Requisition.LegalBasis.parse(basis), Requisition.day(from), Requisition.day(to),
                    typed.lines().toList()));
            return Redirects.to("/cases/{id}/requisitions/{rid}", "", id, r.id());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", Text.capped(PageProblems.said(e, LocaleContextHolder.getLocale())));
            return Redirects.to("/cases/{id}/requisitions", "", id);
        }
    }

    @GetMapping("/cases/{id}/requisitions/{rid}")
    public String show(Authentication auth, @PathVariable long id, @PathVariable long rid, Model model) {
        Requisition r = requisitions.show(WebAudit.actor(auth), id, rid);
        model.addAttribute("r", r);
        model.addAttribute("shown", r.shown(requisitions.today()));
        model.addAttribute("text", RequisitionText.lines(r));
        model.addAttribute("today", requisitions.today());
        return "requisitions/show";
    }

    @PostMapping("/cases/{id}/requisitions/{rid}/sent")
    public String sent(Authentication auth, @PathVariable long id, @PathVariable long rid,
            @RequestParam(defaultValue = "") String sentOn, @RequestParam(defaultValue = "") String dueOn,
            RedirectAttributes redirect) {
        try {
            LocalDate sent = sentOn.isBlank() ? requisitions.today() : Requisition.day(sentOn);
            requisitions.markSent(WebAudit.actor(auth), id, rid, sent,
                    dueOn.isBlank() ? Optional.empty() : Optional.of(Requisition.day(dueOn)));
            redirect.addFlashAttribute("message", "requisitions.saved");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", Text.capped(PageProblems.said(e, LocaleContextHolder.getLocale())));
        }
        return Redirects.to("/cases/{id}/requisitions/{rid}", "", id, rid);
    }

    @GetMapping("/deadlines")
    public String deadlines(Authentication auth, Model model) {
        model.addAttribute("deadlines", deadlines.list(WebAudit.actor(auth)));
        return "requisitions/deadlines";
    }
}
