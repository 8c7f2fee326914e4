package org.piste.app.web.network;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.piste.app.network.BadParameterException;
import org.piste.app.network.NeighbourPage;
import org.piste.app.network.NetworkFilter;
import org.piste.app.network.NetworkService;
import org.piste.app.network.UnknownEntityException;
import org.piste.app.web.WebAudit;
import org.piste.normal.Text;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The network page: the graph around one entity, the filters, and the details of what is selected. */
@Controller
public class NetworkPageController {
    private final NetworkService network;

    public NetworkPageController(NetworkService network) {
        this.network = network;
    }

    /** The filter form as typed, so a refused value is shown back for correction. */
    public record Form(String entity, String from, String to, String minAmount, String minScore, String size, String sort) {}

    @GetMapping("/network")
    public String page(@RequestParam(defaultValue = "") String entity, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String minAmount,
            @RequestParam(defaultValue = "") String minScore, @RequestParam(defaultValue = "") String size,
            @RequestParam(defaultValue = "") String sort, Model model, HttpServletResponse response) {
        model.addAttribute("form", new Form(entity.strip(), from, to, minAmount, minScore, size, sort));
        model.addAttribute("center", Optional.empty());
        model.addAttribute("maxSize", NeighbourPage.MAX_SIZE);
        if (entity.isBlank()) return "network/index";
        try {
            NetworkFilter filter = NetworkFilter.parse(from, to, minAmount, minScore);
            NeighbourPage.parse("0", size, sort);
            model.addAttribute("center", Optional.of(network.view(WebAudit.actor(), entity, filter)));
        } catch (BadParameterException e) {
            // The exception's sentence is English (the API's); the page says it from the bundle.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errorKey", "network.error.badFilter");
            model.addAttribute("errorArg", NeighbourPage.MAX_SIZE);
        } catch (UnknownEntityException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("errorKey", "network.error.unknown");
            model.addAttribute("errorArg", Text.capped(entity.strip()));
        }
        return "network/index";
    }
}
