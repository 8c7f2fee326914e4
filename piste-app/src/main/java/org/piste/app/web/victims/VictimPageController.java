package org.piste.app.web.victims;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.piste.app.accounts.Actor;
import org.piste.app.cases.CaseFile;
import org.piste.app.cases.CaseService;
import org.piste.app.victims.Compensation;
import org.piste.app.victims.CompensationService;
import org.piste.app.victims.Victim;
import org.piste.app.victims.VictimService;
import org.piste.app.web.CsvDialect;
import org.piste.app.web.PageProblems;
import org.piste.app.web.Redirects;
import org.piste.app.web.WebAudit;
import org.piste.normal.Text;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The register's pages: the list and add form, one victim (what each buyer paid, the ledger), the schedule. */
@Controller
public class VictimPageController {
    private final VictimService victims;
    private final CompensationService compensation;
    private final CaseService cases;

    public VictimPageController(VictimService victims, CompensationService compensation, CaseService cases) {
        this.victims = victims;
        this.compensation = compensation;
        this.cases = cases;
    }

    @GetMapping("/cases/{id}/victims")
    public String list(Authentication auth, @PathVariable long id, Model model) {
        Actor actor = WebAudit.actor(auth);
        model.addAttribute("victims", victims.list(actor, id));
        CaseFile file = cases.view(actor, id);
        model.addAttribute("summary", file.summary());
        model.addAttribute("facilitators", file.subjects().stream()
                .filter(s -> s.kind() == CaseFile.SubjectKind.FACILITATOR).toList());
        model.addAttribute("brackets", Victim.AgeBracket.values());
        model.addAttribute("mayEdit", mayEdit(actor, file));
        return "victims/list";
    }

    @PostMapping("/cases/{id}/victims")
    public String add(Authentication auth, @PathVariable long id, @RequestParam(defaultValue = "") String pseudonym,
            @RequestParam(defaultValue = "") String authority, @RequestParam(defaultValue = "") String country,
            @RequestParam(defaultValue = "") String ageBracket, @RequestParam(defaultValue = "") String periodFrom,
            @RequestParam(defaultValue = "") String periodTo, @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "") List<String> facilitator, @RequestParam(defaultValue = "") String record,
            RedirectAttributes redirect, Locale locale) {
        List<String> records = new ArrayList<>(facilitator);
        records.add(record);
        return change(redirect, locale, Redirects.to("/cases/{id}/victims", "", id), () -> victims.add(WebAudit.actor(auth),
                id, VictimForms.newVictim(pseudonym, authority, country, ageBracket, periodFrom, periodTo, note, records)));
    }

    @GetMapping("/cases/{id}/victims/{vid}")
    public String show(Authentication auth, @PathVariable long id, @PathVariable long vid, Model model) {
        Actor actor = WebAudit.actor(auth);
        model.addAttribute("paid", victims.paidFor(actor, id, vid));
        model.addAttribute("ledger", compensation.ledger(actor, id, vid));
        model.addAttribute("caseId", id);
        model.addAttribute("claimants", Compensation.Claimant.values());
        // The team links facilitators; the team or a prosecutor records court decisions (as the services decide).
        boolean team = cases.openCasesToAddTo(actor).stream().anyMatch(s -> s.id() == id);
        model.addAttribute("mayLink", team);
        model.addAttribute("mayEdit", team || actor.is(org.piste.app.accounts.Role.PROSECUTOR));
        return "victims/show";
    }

    @PostMapping("/cases/{id}/victims/{vid}/facilitators")
    public String link(Authentication auth, @PathVariable long id, @PathVariable long vid,
            @RequestParam(defaultValue = "") String record, RedirectAttributes redirect, Locale locale) {
        return change(redirect, locale, victimPage(id, vid),
                () -> victims.linkFacilitator(WebAudit.actor(auth), id, vid, record));
    }

    @PostMapping("/cases/{id}/victims/{vid}/claims")
    public String claim(Authentication auth, @PathVariable long id, @PathVariable long vid,
            @RequestParam(defaultValue = "") String claimant, @RequestParam(defaultValue = "") String buyer,
            @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String currency,
            @RequestParam(defaultValue = "") String filedOn, RedirectAttributes redirect, Locale locale) {
        return change(redirect, locale, victimPage(id, vid), () -> compensation.claim(WebAudit.actor(auth), id, vid,
                Compensation.Claimant.parse(claimant), Optional.of(buyer), VictimForms.amount(amount), currency,
                VictimForms.date(filedOn)));
    }

    @PostMapping("/cases/{id}/victims/{vid}/awards")
    public String award(Authentication auth, @PathVariable long id, @PathVariable long vid,
            @RequestParam(defaultValue = "") String buyer, @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String currency, @RequestParam(defaultValue = "") String decidedOn,
            @RequestParam(defaultValue = "") String decision, RedirectAttributes redirect, Locale locale) {
        return change(redirect, locale, victimPage(id, vid), () -> compensation.award(WebAudit.actor(auth), id, vid, buyer,
                VictimForms.amount(amount), currency, VictimForms.date(decidedOn), decision));
    }

    @PostMapping("/cases/{id}/victims/{vid}/awards/{aid}/payments")
    public String payment(Authentication auth, @PathVariable long id, @PathVariable long vid, @PathVariable long aid,
            @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String currency,
            @RequestParam(defaultValue = "") String receivedOn, RedirectAttributes redirect, Locale locale) {
        return change(redirect, locale, victimPage(id, vid), () -> compensation.payment(WebAudit.actor(auth), id, aid,
                VictimForms.amount(amount), currency, VictimForms.date(receivedOn)));
    }

    @GetMapping("/cases/{id}/compensation")
    public String schedule(Authentication auth, @PathVariable long id, Model model) {
        model.addAttribute("schedule", compensation.schedule(WebAudit.actor(auth), id));
        return "victims/compensation";
    }

    @GetMapping("/cases/{id}/compensation.csv")
    public void csv(Authentication auth, @PathVariable long id, Locale locale, HttpServletResponse response)
            throws IOException {
        VictimForms.download(compensation.schedule(WebAudit.actor(auth), id), CsvDialect.of(locale), response);
    }

    private static boolean mayEdit(Actor actor, CaseFile file) {
        return file.summary().status() != CaseFile.Status.CLOSED
                && file.team().stream().anyMatch(m -> m.username().equals(actor.username()));
    }

    private static String victimPage(long id, long vid) {
        return Redirects.to("/cases/{id}/victims/{vid}", "", id, vid);
    }

    private interface Change {
        void run();
    }

    /** Runs a change; a refusal the user can act on comes back as a message on the page. */
    private static String change(RedirectAttributes redirect, Locale locale, String back, Change change) {
        try {
            change.run();
            redirect.addFlashAttribute("message", "victims.saved");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", Text.capped(PageProblems.said(e, locale)));
        }
        return back;
    }
}
