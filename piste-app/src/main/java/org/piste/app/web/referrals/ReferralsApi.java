package org.piste.app.web.referrals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.piste.app.referrals.ReferralQueries;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The referral API: the same operations as the pages, through {@link Referrals}. */
@RestController
@Tag(name = "referrals", description = "Foreign referrals, their subjects' matches and analysts' rulings")
public class ReferralsApi {
    private final Referrals referrals;

    public ReferralsApi(Referrals referrals) {
        this.referrals = referrals;
    }

    @GetMapping("/api/referrals")
    @Operation(summary = "Stored referrals: agency, date, subjects, subjects matched, matches accepted, source file")
    public List<ReferralQueries.Summary> list() {
        return referrals.list();
    }

    @GetMapping("/api/referrals/{ref}")
    @Operation(summary = "A referral: its subjects as written and each subject's matches with evidence and status")
    public ReferralQueries.Detail detail(@PathVariable String ref) {
        return referrals.detail(ref);
    }

    @PostMapping(path = "/api/referrals", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Imports a referrals JSON file (docs/referrals.md); the same file twice is not imported again")
    public ResponseEntity<Referrals.Imported> upload(@RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String legalReference) {
        Referrals.Imported result = referrals.upload(file, legalReference);
        return ResponseEntity.status(result.kind() == Referrals.Kind.IMPORTED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(result);
    }

    /** {decision: accept|reject, entityId, note}. */
    public record Decision(String decision, String entityId, String note) {}

    @PostMapping(path = "/api/referrals/{ref}/subjects/{index}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Accepts or rejects an entity for a subject (latest ruling wins; accepting one not proposed adds it)")
    public Referrals.Decided decide(@PathVariable String ref, @PathVariable int index, @RequestBody Decision body) {
        return referrals.decide(ref, index, Referrals.Ruling.parse(body.decision()), body.entityId(), body.note());
    }
}
