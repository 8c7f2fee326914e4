package org.piste.app.web.network;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.piste.app.network.BadParameterException;
import org.piste.app.network.FtmExport;
import org.piste.app.network.NeighbourPage;
import org.piste.app.network.NetworkFilter;
import org.piste.app.network.NetworkService;
import org.piste.app.network.NetworkView;
import org.piste.app.web.WebAudit;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The network's JSON: the page's script fetches it under /network (session), other tools under /api/network
 * (HTTP Basic); both paths run the same code.
 */
@RestController
@Tag(name = "network", description = "Counterparty networks: expand an entity page by page, export a view as FollowTheMoney")
public class NetworkJsonController {
    static final String NDJSON = "application/x-ndjson";
    private final NetworkService network;

    public NetworkJsonController(NetworkService network) {
        this.network = network;
    }

    @Operation(summary = "One page of an entity's counterparties with the aggregated transfers joining them",
            description = "Cancelled and refunded transfers are never counted. Dates are the sender's local dates; "
                    + "minAmount applies to each transfer's sent amount in its own currency; minScore to neighbours' "
                    + "best score in the latest screening run. Each edge lists its transfers with source SHA-256 and line.")
    @GetMapping({"/network/expand", "/api/network/expand"})
    public NetworkView.Expansion expand(
            @Parameter(description = "entity id (or any of its record ids), e.g. 123:R") @RequestParam(required = false) String entity,
            @Parameter(description = "first date, YYYY-MM-DD") @RequestParam(required = false) String from,
            @Parameter(description = "last date, YYYY-MM-DD") @RequestParam(required = false) String to,
            @RequestParam(required = false) String minAmount, @RequestParam(required = false) String minScore,
            @Parameter(description = "page number, from 0") @RequestParam(required = false) String page,
            @Parameter(description = "neighbours per page, 1 to 200 (default 25)") @RequestParam(required = false) String size,
            @Parameter(description = "amount (default) or score") @RequestParam(required = false) String sort) {
        return network.expand(WebAudit.actor(), required(entity), NetworkFilter.parse(from, to, minAmount, minScore),
                NeighbourPage.parse(page, size, sort));
    }

    @Operation(summary = "The shown entities and the transfers between them as FollowTheMoney JSON lines",
            description = "One FtM entity per line: a Person per entity, a Payment per counted transfer between two of "
                    + "them (recordId = source file SHA-256:line).")
    @GetMapping(value = {"/network/export.ftm", "/api/network/export.ftm"})
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/x-ndjson"))
    public void export(
            @Parameter(description = "comma-separated entity ids") @RequestParam(required = false) String entities,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String minAmount, HttpServletResponse response) throws IOException {
        List<String> ids = entities == null ? List.of() : Arrays.stream(entities.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        FtmExport.Export export = network.export(WebAudit.actor(), ids, NetworkFilter.parse(from, to, minAmount, null));
        // Written directly: the lines are the body whatever the client's Accept header says.
        response.setContentType(NDJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"piste-network.ftm.json\"");
        var out = response.getWriter();
        out.append(FtmExport.jsonLines(export.lines()));
        out.flush();
    }

    private static String required(String entity) {
        if (entity == null || entity.isBlank()) throw new BadParameterException("network.entityMissing");
        return entity;
    }

}
