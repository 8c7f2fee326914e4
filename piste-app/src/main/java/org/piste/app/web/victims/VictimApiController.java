package org.piste.app.web.victims;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.piste.app.victims.Compensation;
import org.piste.app.victims.CompensationSchedule;
import org.piste.app.victims.CompensationService;
import org.piste.app.victims.PaidFor;
import org.piste.app.victims.Victim;
import org.piste.app.victims.VictimService;
import org.piste.app.web.CsvDialect;
import org.piste.app.web.WebAudit;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Victims and compensation as JSON (and the schedule as CSV): the pages' service calls, need-to-know and audit. */
@RestController
@RequestMapping("/api/cases/{id}")
@Tag(name = "victims", description = "A case's pseudonymous victim register, what each buyer paid for whom, compensation")
public class VictimApiController {
    private final VictimService victims;
    private final CompensationService compensation;

    public VictimApiController(VictimService victims, CompensationService compensation) {
        this.victims = victims;
        this.compensation = compensation;
    }

    /** ageBracket: 0-5, 6-11, 12-14, 15-17, 18+; dates YYYY-MM-DD; facilitators: record ids. No name, ever. */
    public record VictimBody(String pseudonym, String authority, String country, String ageBracket, String periodFrom,
            String periodTo, String note, List<String> facilitators) {}

    public record RecordBody(String recordId) {}

    /** claimant: CIVIL_PARTY, CIVI, FGTI, OTHER_AUTHORITY; buyerRecordId optional. */
    public record ClaimBody(String claimant, String buyerRecordId, String amount, String currency, String filedOn) {}

    public record AwardBody(String buyerRecordId, String amount, String currency, String decidedOn, String decision) {}

    public record PaymentBody(String amount, String currency, String receivedOn) {}

    public record Created(long id) {}

    @GetMapping("/victims")
    @Operation(summary = "The case's victims (pseudonymous: an authority's identifier, an age bracket, facilitators)")
    public List<Victim> list(Authentication auth, @PathVariable long id) {
        return victims.list(WebAudit.actor(auth), id);
    }

    @PostMapping("/victims")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a victim by the identifier a foreign authority gave (team)")
    public Victim add(Authentication auth, @PathVariable long id, @RequestBody VictimBody b) {
        return victims.add(WebAudit.actor(auth), id, VictimForms.newVictim(b.pseudonym(), b.authority(), b.country(),
                b.ageBracket(), b.periodFrom(), b.periodTo(), b.note(), b.facilitators() == null ? List.of() : b.facilitators()));
    }

    @GetMapping("/victims/{vid}")
    @Operation(summary = "One victim")
    public Victim show(Authentication auth, @PathVariable long id, @PathVariable long vid) {
        return victims.view(WebAudit.actor(auth), id, vid);
    }

    @PostMapping("/victims/{vid}/facilitators")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Link a facilitator (a record id, followed to its entity) to the victim (team)")
    public Victim link(Authentication auth, @PathVariable long id, @PathVariable long vid, @RequestBody RecordBody b) {
        return victims.linkFacilitator(WebAudit.actor(auth), id, vid, VictimForms.text(b.recordId()));
    }

    @GetMapping("/victims/{vid}/paid")
    @Operation(summary = "What each buyer paid the victim's facilitators, by month and currency, with source rows")
    public PaidFor paid(Authentication auth, @PathVariable long id, @PathVariable long vid) {
        return victims.paidFor(WebAudit.actor(auth), id, vid);
    }

    @GetMapping("/victims/{vid}/compensation")
    @Operation(summary = "The victim's claims, awards and payments; outstanding per award")
    public Compensation.Ledger ledger(Authentication auth, @PathVariable long id, @PathVariable long vid) {
        return compensation.ledger(WebAudit.actor(auth), id, vid);
    }

    @PostMapping("/victims/{vid}/claims")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a claim (team or prosecutor)")
    public Created claim(Authentication auth, @PathVariable long id, @PathVariable long vid, @RequestBody ClaimBody b) {
        return new Created(compensation.claim(WebAudit.actor(auth), id, vid,
                Compensation.Claimant.parse(b.claimant()), Optional.ofNullable(b.buyerRecordId()),
                VictimForms.amount(b.amount()), VictimForms.text(b.currency()), VictimForms.date(b.filedOn())));
    }

    @PostMapping("/victims/{vid}/awards")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an award against a convicted buyer (team or prosecutor)")
    public Created award(Authentication auth, @PathVariable long id, @PathVariable long vid, @RequestBody AwardBody b) {
        return new Created(compensation.award(WebAudit.actor(auth), id, vid, VictimForms.text(b.buyerRecordId()),
                VictimForms.amount(b.amount()), VictimForms.text(b.currency()), VictimForms.date(b.decidedOn()),
                VictimForms.text(b.decision())));
    }

    @PostMapping("/compensation/awards/{aid}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a payment received on an award, in its currency (team or prosecutor)")
    public Created payment(Authentication auth, @PathVariable long id, @PathVariable long aid, @RequestBody PaymentBody b) {
        return new Created(compensation.payment(WebAudit.actor(auth), id, aid, VictimForms.amount(b.amount()),
                VictimForms.text(b.currency()), VictimForms.date(b.receivedOn())));
    }

    @GetMapping("/compensation")
    @Operation(summary = "The compensation schedule: per victim, buyer and currency, claimed, awarded, paid, outstanding")
    public CompensationSchedule schedule(Authentication auth, @PathVariable long id) {
        return compensation.schedule(WebAudit.actor(auth), id);
    }

    @GetMapping(value = "/compensation.csv", produces = "text/csv")
    @Operation(summary = "The compensation schedule as CSV (lang=fr: ; and decimal comma)")
    public void csv(Authentication auth, @PathVariable long id, @RequestParam(name = "lang", required = false) String lang,
            HttpServletResponse response) throws IOException {
        CompensationSchedule s = compensation.schedule(WebAudit.actor(auth), id);
        CsvDialect d = "fr".equals(lang) ? CsvDialect.FRENCH : CsvDialect.ENGLISH;
        VictimForms.download(s, d, response);
    }
}
