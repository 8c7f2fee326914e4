package org.piste.app.web.accounts;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.piste.app.accounts.Activations;
import org.piste.app.accounts.Passwords;
import org.piste.normal.Text;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public page where the holder of a new (or reset) account sets their password, reached through the one-time
 * link an admin handed them; no sign-in. A link that is unknown, used or expired gets one answer (404, "ask for a
 * new link"), so the page tells nothing about which accounts exist.
 */
@Controller
public class ActivationController {
    private final Activations activations;
    private final MessageSource messages;

    public ActivationController(Activations activations, MessageSource messages) {
        this.activations = activations;
        this.messages = messages;
    }

    @GetMapping("/activate/{token}")
    public String form(@PathVariable String token, Model model, HttpServletResponse response) {
        return activations.holder(token).map(username -> {
            model.addAttribute("username", username);
            model.addAttribute("token", token);
            return "accounts/activate";
        }).orElseGet(() -> invalid(response));
    }

    @PostMapping("/activate/{token}")
    public String activate(@PathVariable String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String again, Locale locale, Model model, HttpServletResponse response) {
        if (!password.equals(again)) {
            // Said only for a valid link, so a wrong one still gets the one answer.
            return activations.holder(token).map(username -> again(token, username, "activate.differ", "", model, response))
                    .orElseGet(() -> invalid(response));
        }
        try {
            activations.activate(token, password);
            return "redirect:/login?activated";
        } catch (Activations.InvalidLink e) {
            return invalid(response);
        } catch (Passwords.Refused e) { // the password policy's sentence, in the page's language
            String sentence = messages.getMessage(e.key(), e.arguments(locale), locale);
            return again(token, activations.holder(token).orElse(""), "", Text.capped(sentence), model, response);
        } catch (IllegalArgumentException e) {
            return again(token, activations.holder(token).orElse(""), "", Text.capped(e.getMessage()), model, response);
        }
    }

    private static String again(String token, String username, String errorKey, String error, Model model,
            HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("token", token);
        model.addAttribute("username", username);
        model.addAttribute("errorKey", errorKey);
        model.addAttribute("error", error);
        return "accounts/activate";
    }

    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "accounts/activation-invalid";
    }
}
