package org.piste.app.web.imports;

import org.piste.app.web.PageProblems;
import org.piste.app.web.Redirects;
import org.piste.normal.Text;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The import pages: sources and the upload form, a job's progress and summary, a source's quarantine. */
@Controller
public class ImportsController {
    private final Imports imports;

    public ImportsController(Imports imports) {
        this.imports = imports;
    }

    @GetMapping("/imports")
    public String list(Model model) {
        model.addAttribute("sources", imports.sources());
        model.addAttribute("profiles", imports.profiles());
        return "imports/list";
    }

    @PostMapping("/imports")
    public String upload(@RequestParam(name = "file", required = false) MultipartFile file,
            @ModelAttribute Imports.UploadForm form, RedirectAttributes redirect) {
        try {
            return Redirects.to("/imports/jobs/{id}", "", imports.upload(file, form).id());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", Text.capped(PageProblems.said(e, LocaleContextHolder.getLocale())));
            return "redirect:/imports";
        }
    }

    @GetMapping("/imports/jobs/{id}")
    public String job(@PathVariable String id, Model model) {
        model.addAttribute("job", imports.job(id));
        return "imports/job";
    }

    /** The progress panel htmx polls every second until the job is finished. */
    @GetMapping("/imports/jobs/{id}/panel")
    public String panel(@PathVariable String id, Model model) {
        model.addAttribute("job", imports.job(id));
        return "imports/job :: panel";
    }

    @GetMapping("/imports/{sourceId}/quarantine")
    public String quarantine(@PathVariable long sourceId, @RequestParam(defaultValue = "false") boolean duplicates,
            @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("q", imports.quarantine(sourceId, duplicates, page, Imports.PAGE_SIZE));
        return "imports/quarantine";
    }
}
