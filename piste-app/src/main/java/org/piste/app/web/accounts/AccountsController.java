package org.piste.app.web.accounts;

import java.util.Optional;
import org.piste.app.accounts.AuditLog;
import org.piste.app.accounts.Role;
import org.piste.app.accounts.UserStore;
import org.piste.app.web.WebAudit;
import org.piste.normal.Text;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Accounts and the audit trail (admins only; see AccessPolicy). */
@Controller
public class AccountsController {
    private final UserStore users;
    private final AuditLog audit;

    public AccountsController(UserStore users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    @GetMapping("/admin/users")
    public String users(Model model) {
        model.addAttribute("users", users.list());
        model.addAttribute("roles", Role.values());
        return "accounts/users";
    }

    @PostMapping("/admin/users")
    public String create(@RequestParam String username, @RequestParam String displayName, @RequestParam String role,
            @RequestParam(defaultValue = "") String unit, @RequestParam(defaultValue = "") String contact,
            @RequestParam String password, RedirectAttributes redirect) {
        try {
            users.create(new UserStore.NewUser(username.trim(), displayName.trim(), Role.parse(role), unit.trim(),
                    contact.trim()), password, WebAudit.username());
            redirect.addFlashAttribute("message", "admin.users.created");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", Text.capped(e.getMessage()));
        }
        return "redirect:/admin/users";
    }

    /** Disabling ends the user's sessions at their next request (see AccountCheck); a missing user is 404. */
    @PostMapping("/admin/users/{username}/enabled")
    public String enable(@PathVariable String username, @RequestParam boolean enabled) {
        users.setEnabled(username, enabled, WebAudit.username());
        return "redirect:/admin/users";
    }

    /** A new role ends the user's sessions: they sign in again and act with it. */
    @PostMapping("/admin/users/{username}/role")
    public String role(@PathVariable String username, @RequestParam String role) {
        users.setRole(username, Role.parse(role), WebAudit.username());
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/audit")
    public String audit(@RequestParam(defaultValue = "") String user, @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String object, @RequestParam(required = false) Long caseId,
            @RequestParam(defaultValue = "" + Long.MAX_VALUE) long before, Model model) {
        var events = audit.search(WebAudit.actor(), new AuditLog.Query(user.trim(), action.trim(), object.trim(),
                Optional.ofNullable(caseId), before, 100));
        model.addAttribute("events", events);
        model.addAttribute("filter", new Filter(user, action, object, caseId));
        model.addAttribute("next", events.size() == 100 ? events.getLast().seq() : null);
        return "accounts/audit";
    }

    public record Filter(String user, String action, String object, Long caseId) {}

    @PostMapping("/admin/audit/verify")
    public String verify(RedirectAttributes redirect) {
        AuditLog.Verification v = audit.verify();
        redirect.addFlashAttribute("verification", v);
        return "redirect:/admin/audit";
    }
}
