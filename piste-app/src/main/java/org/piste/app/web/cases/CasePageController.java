package org.piste.app.web.cases;

import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.piste.app.cases.AlreadySubject;
import org.piste.app.cases.CaseFile;
import org.piste.app.cases.CaseService;
import org.piste.app.cases.UnknownRecord;
import org.piste.app.web.PageProblems;
import org.piste.app.web.Redirects;
import org.piste.app.web.WebAudit;
import org.piste.normal.Text;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Case pages: the list and creation, one case file, and its forms (all through {@link CaseService}). */
@Controller
public class CasePageController {
    private final CaseService cases;
    private final MessageSource messages;

    public CasePageController(CaseService cases, MessageSource messages) {
        this.cases = cases;
        this.messages = messages;
    }

    @GetMapping("/cases")
    public String list(Authentication auth, Model model) {
        var actor = WebAudit.actor(auth);
        model.addAttribute("cases", cases.list(actor));
        model.addAttribute("mayCreate", actor.is(org.piste.app.accounts.Role.ANALYST)
                || actor.is(org.piste.app.accounts.Role.INVESTIGATOR));
        return "cases/list";
    }

    @PostMapping("/cases")
    public String create(Authentication auth, @RequestParam(defaultValue = "") String reference,
            @RequestParam(defaultValue = "") String title, RedirectAttributes redirect) {
        try {
            CaseFile created = cases.create(WebAudit.actor(auth), reference, title);
            return Redirects.to("/cases/{id}", "", created.summary().id());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", Text.capped(PageProblems.said(e, LocaleContextHolder.getLocale())));
            return "redirect:/cases";
        }
    }

    @GetMapping("/cases/{id}")
    public String show(Authentication auth, @PathVariable long id, Model model) {
        var actor = WebAudit.actor(auth);
        CaseFile file = cases.view(actor, id);
        model.addAttribute("file", file);
        model.addAttribute("kinds", CaseFile.SubjectKind.values());
        model.addAttribute("statuses", CaseFile.Status.values());
        boolean member = file.team().stream().anyMatch(m -> m.username().equals(actor.username()));
        boolean lead = file.summary().lead().equals(actor.username());
        boolean prosecutor = actor.is(org.piste.app.accounts.Role.PROSECUTOR);
        boolean closed = file.summary().status() == CaseFile.Status.CLOSED;
        model.addAttribute("mayEdit", member && !closed);
        model.addAttribute("mayManage", (lead || prosecutor) && !closed);
        model.addAttribute("mayStatus", lead || prosecutor);
        model.addAttribute("mayNote", (member && !closed) || prosecutor);
        model.addAttribute("working", actor.workingCase().filter(w -> w == id).isPresent());
        return "cases/show";
    }

    @PostMapping("/cases/{id}/members")
    public String members(Authentication auth, @PathVariable long id, @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "add") String action, RedirectAttributes redirect) {
        return change(id, redirect, () -> {
            if (action.equals("remove")) cases.removeMember(WebAudit.actor(auth), id, username);
            else cases.addMember(WebAudit.actor(auth), id, username);
        });
    }

    /**
     * Adds a subject (a record id, or an entity id, which is a record id) or removes one (action=remove). The page
     * then names whom was added; an id that names nobody is said beside the field, with what was typed kept.
     */
    @PostMapping("/cases/{id}/subjects")
    public String subjects(Authentication auth, @PathVariable long id, @RequestParam(defaultValue = "") String recordId,
            @RequestParam(defaultValue = "") String entityId, @RequestParam(defaultValue = "OTHER") String kind,
            @RequestParam(defaultValue = "add") String action, @RequestParam(defaultValue = "0") long subjectId,
            RedirectAttributes redirect, Locale locale) {
        var actor = WebAudit.actor(auth);
        if (action.equals("remove")) return change(id, redirect, () -> cases.removeSubject(actor, id, subjectId));
        String typed = recordId.isBlank() ? entityId : recordId;
        try {
            var added = cases.addSubject(actor, id, typed, CaseFile.SubjectKind.parse(kind));
            redirect.addFlashAttribute("addedSubject", added);
            if (!added.conflicts().isEmpty()) redirect.addFlashAttribute("newConflicts", added.conflicts());
        } catch (UnknownRecord e) {
            redirect.addFlashAttribute("subjectError", messages.getMessage("cases.subject.unknown",
                    new Object[] {Text.capped(e.typed())}, locale));
            redirect.addFlashAttribute("subjectInput", Text.capped(typed));
        } catch (AlreadySubject e) {
            String kindWord = messages.getMessage("cases.kind." + e.subject().kind().name(), null, locale);
            redirect.addFlashAttribute("subjectError", messages.getMessage("cases.subject.already",
                    new Object[] {e.subject().label(), kindWord}, locale));
            redirect.addFlashAttribute("subjectInput", Text.capped(typed));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("subjectError", Text.capped(PageProblems.said(e, locale)));
            redirect.addFlashAttribute("subjectInput", Text.capped(typed));
        }
        return Redirects.to("/cases/{id}", "", id);
    }

    @PostMapping("/cases/{id}/evidence")
    public String evidence(Authentication auth, @PathVariable long id, @RequestParam(defaultValue = "") String transfer,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return change(id, redirect, () -> cases.addEvidence(WebAudit.actor(auth), id, transfer, note));
    }

    @PostMapping("/cases/{id}/notes")
    public String notes(Authentication auth, @PathVariable long id, @RequestParam(defaultValue = "") String text,
            RedirectAttributes redirect) {
        return change(id, redirect, () -> cases.addNote(WebAudit.actor(auth), id, text));
    }

    @PostMapping("/cases/{id}/status")
    public String status(Authentication auth, @PathVariable long id, @RequestParam(defaultValue = "") String status,
            RedirectAttributes redirect) {
        return change(id, redirect, () -> cases.setStatus(WebAudit.actor(auth), id, CaseFile.Status.parse(status)));
    }

    /** Chooses the case the user works for: later views and searches are audited for it. */
    @PostMapping("/cases/{id}/work")
    public String work(Authentication auth, @PathVariable long id, HttpSession session) {
        cases.workOn(WebAudit.actor(auth), id);
        session.setAttribute(WebAudit.CASE_ATTRIBUTE, id);
        return Redirects.to("/cases/{id}", "", id);
    }

    @PostMapping("/cases/work/clear")
    public String clearWork(Authentication auth, HttpSession session) {
        cases.stopWork(WebAudit.actor(auth));
        session.removeAttribute(WebAudit.CASE_ATTRIBUTE);
        return "redirect:/cases";
    }

    /** Under the add-subject form, as the number is typed: whom it names, or that it names nobody. */
    @GetMapping("/cases/{id}/subject-preview")
    public String subjectPreview(Authentication auth, @PathVariable long id,
            @RequestParam(defaultValue = "") String recordId, Model model) {
        String typed = Text.capped(recordId.strip());
        model.addAttribute("typed", typed);
        model.addAttribute("candidate", typed.isEmpty() ? java.util.Optional.empty()
                : cases.candidate(WebAudit.actor(auth), id, typed));
        return "cases/fragments :: subject-preview";
    }

    /** The add-subject form for an entity (loaded by the cases/fragments :: add-subject fragment). */
    @GetMapping("/cases/subject-form")
    public String subjectForm(Authentication auth, @RequestParam String entityId, Model model) {
        model.addAttribute("entityId", entityId);
        model.addAttribute("openCases", cases.openCasesToAddTo(WebAudit.actor(auth)));
        model.addAttribute("kinds", CaseFile.SubjectKind.values());
        return "cases/fragments :: add-subject-form";
    }


    private interface Change {
        void run();
    }

    /** Runs a change; a refusal the user can act on comes back as a message on the case page. */
    private static String change(long id, RedirectAttributes redirect, Change change) {
        try {
            change.run();
            redirect.addFlashAttribute("message", "cases.saved");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", Text.capped(PageProblems.said(e, LocaleContextHolder.getLocale())));
        }
        return Redirects.to("/cases/{id}", "", id);
    }
}
