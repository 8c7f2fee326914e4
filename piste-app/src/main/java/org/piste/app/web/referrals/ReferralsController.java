package org.piste.app.web.referrals;

import org.piste.app.web.PageProblems;
import org.piste.app.web.Redirects;
import org.piste.normal.Text;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The referral pages: the list with the upload form, one referral with its subjects, matches and rulings. */
@Controller
public class ReferralsController {
    private final Referrals referrals;

    public ReferralsController(Referrals referrals) {
        this.referrals = referrals;
    }

    @GetMapping("/referrals")
    public String list(Model model) {
        model.addAttribute("referrals", referrals.list());
        return "referrals/list";
    }

    @PostMapping("/referrals")
    public String upload(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String legalReference, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("imported", referrals.upload(file, legalReference));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", Text.capped(PageProblems.said(e, LocaleContextHolder.getLocale())));
        }
        return "redirect:/referrals";
    }

    @GetMapping("/referrals/{ref}")
    public String detail(@PathVariable String ref, Model model) {
        model.addAttribute("referral", referrals.detail(ref));
        return "referrals/detail";
    }

    @PostMapping("/referrals/{ref}/subjects/{index}/accept")
    public String accept(@PathVariable String ref, @PathVariable int index, @RequestParam(defaultValue = "") String entityId,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return decide(ref, index, Referrals.Ruling.ACCEPT, entityId, note, redirect);
    }

    @PostMapping("/referrals/{ref}/subjects/{index}/reject")
    public String reject(@PathVariable String ref, @PathVariable int index, @RequestParam(defaultValue = "") String entityId,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return decide(ref, index, Referrals.Ruling.REJECT, entityId, note, redirect);
    }

    private String decide(String ref, int index, Referrals.Ruling ruling, String entityId, String note,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("decided", referrals.decide(ref, index, ruling, entityId, note));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", Text.capped(PageProblems.said(e, LocaleContextHolder.getLocale())));
        }
        return Redirects.to("/referrals/{ref}", "subject-" + index, ref);
    }
}
