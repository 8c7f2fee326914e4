package org.piste.app.web.requests;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.piste.app.requests.RequestAbroad;
import org.piste.app.requests.RequestsAbroad;
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

/** The requests abroad of a case: list and drafting, one request (its package chosen, produced, sent). */
@Controller
public class RequestPageController {
    private final RequestsAbroad requests;

    public RequestPageController(RequestsAbroad requests) {
        this.requests = requests;
    }

    @GetMapping("/cases/{id}/requests")
    public String list(Authentication auth, @PathVariable long id, Model model) {
        var actor = WebAudit.actor(auth);
        model.addAttribute("requests", requests.list(actor, id));
        model.addAttribute("caseId", id);
        model.addAttribute("channels", RequestAbroad.Channel.values());
        // Past the list (need-to-know), anyone but a prosecutor is in the case's team.
        model.addAttribute("mayEdit", !actor.isProsecutor());
        return "requests/list";
    }

    @PostMapping("/cases/{id}/requests")
    public String create(Authentication auth, @PathVariable long id, @RequestParam(defaultValue = "") String number,
            @RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String country,
            @RequestParam(defaultValue = "") String authority, @RequestParam(defaultValue = "") String question,
            RedirectAttributes redirect) {
        var actor = WebAudit.actor(auth);
        try {
            RequestAbroad r = requests.create(actor, id, Optional.of(number), channel, country, authority, question);
            return Redirects.to("/cases/{id}/requests/{rid}", "", id, r.id());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", Text.capped(PageProblems.said(e, LocaleContextHolder.getLocale())));
            return Redirects.to("/cases/{id}/requests", "", id);
        }
    }

    @GetMapping("/cases/{id}/requests/{rid}")
    public String show(Authentication auth, @PathVariable long id, @PathVariable long rid, Model model) {
        var actor = WebAudit.actor(auth);
        RequestAbroad.Detail d = requests.view(actor, id, rid);
        model.addAttribute("d", d);
        model.addAttribute("r", d.request());
        boolean team = !actor.isProsecutor();
        model.addAttribute("mayChoose", team && d.request().status() == RequestAbroad.Status.DRAFT);
        model.addAttribute("mayPackage", team);
        return "requests/show";
    }

    /** What goes in the package: the boxes ticked, nothing else. */
    @PostMapping("/cases/{id}/requests/{rid}/selection")
    public String choose(Authentication auth, @PathVariable long id, @PathVariable long rid,
            @RequestParam(name = "subject", required = false) List<String> subjects,
            @RequestParam(name = "transfer", required = false) List<Long> transfers, RedirectAttributes redirect) {
        return change(id, rid, redirect, () -> requests.choose(WebAudit.actor(auth), id, rid,
                new TreeSet<>(subjects == null ? List.of() : subjects), Set.copyOf(transfers == null ? List.of() : transfers)));
    }

    /** Produces the package and sends it as a download (a POST: each production is recorded and audited). */
    @PostMapping("/cases/{id}/requests/{rid}/package")
    public void makePackage(Authentication auth, @PathVariable long id, @PathVariable long rid,
            HttpServletResponse response) throws IOException {
        PackageDownload.send(requests.makePackage(WebAudit.actor(auth), id, rid), response);
    }

    @PostMapping("/cases/{id}/requests/{rid}/sent")
    public String sent(Authentication auth, @PathVariable long id, @PathVariable long rid,
            @RequestParam(defaultValue = "") String due, RedirectAttributes redirect) {
        return change(id, rid, redirect, () -> requests.markSent(WebAudit.actor(auth), id, rid, RequestsAbroad.date(due)));
    }

    private static String change(long id, long rid, RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("message", "requests.saved");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", Text.capped(PageProblems.said(e, LocaleContextHolder.getLocale())));
        }
        return Redirects.to("/cases/{id}/requests/{rid}", "", id, rid);
    }
}
