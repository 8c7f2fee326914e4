package org.piste.app.pipeline;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.piste.app.accounts.Activations;
import org.piste.app.accounts.AuditLog;
import org.piste.app.accounts.Passwords;
import org.piste.app.accounts.SignInThrottle;
import org.piste.app.accounts.UserStore;
import org.piste.app.alerts.Alerts;
import org.piste.app.alerts.Explanations;
import org.piste.app.alerts.SavedAlertFilters;
import org.piste.app.cases.CaseService;
import org.piste.app.imports.SourceRepository;
import org.piste.app.network.FtmExport;
import org.piste.app.network.NetworkQueries;
import org.piste.app.network.NetworkService;
import org.piste.app.referrals.ReferralQueries;
import org.piste.app.report.ReportService;
import org.piste.app.requests.RequestsAbroad;
import org.piste.app.requisitions.Deadlines;
import org.piste.app.requisitions.RequisitionService;
import org.piste.app.search.Search;
import org.piste.app.store.Database;
import org.piste.app.victims.CompensationService;
import org.piste.app.victims.VictimService;

/**
 * Piste's services on one database, each constructed once: the web registers every one as a bean under its
 * component's name, the console takes them from {@code Main}. A new service is added here, in one place.
 */
public record Services(Changes changes, AuditLog auditLog, UserStore userStore, Activations activations,
        SignInThrottle signInThrottle, Alerts alerts, Explanations explanations,
        SourceRepository sourceRepository, ReferralQueries referralQueries,
        NetworkQueries networkQueries, FtmExport ftmExport, NetworkService networkService, CaseService caseService,
        SavedAlertFilters savedAlertFilters, Search search, RequisitionService requisitionService,
        Deadlines deadlines, RequestsAbroad requestsAbroad,
        VictimService victimService, CompensationService compensationService,
        ReportService reportService) {

    public static Services on(Database database) {
        return on(database, Clock.systemUTC());
    }

    /** The services on a clock of the caller's (tests move time forward without waiting). */
    public static Services on(Database database, Clock clock) {
        var pool = database.dataSource();
        AuditLog audit = new AuditLog(pool);
        NetworkQueries network = new NetworkQueries(pool);
        FtmExport ftm = new FtmExport(pool);
        CaseService cases = new CaseService(pool);
        return new Services(new Changes(database, clock), audit, new UserStore(pool, Passwords.encoder()),
                new Activations(pool, Passwords.encoder(), clock), new SignInThrottle(pool, clock), new Alerts(database),
                new Explanations(database), new SourceRepository(database),
                new ReferralQueries(database), network, ftm, new NetworkService(network, ftm, audit),
                cases, new SavedAlertFilters(pool), new Search(database, audit, cases),
                new RequisitionService(pool, clock), new Deadlines(pool, clock), new RequestsAbroad(pool, clock),
                new VictimService(pool), new CompensationService(pool),
                new ReportService(pool, clock));
    }

    /** Every service by its component's name, in declaration order (the web's bean names). */
    public Map<String, Object> byName() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (RecordComponent c : Services.class.getRecordComponents()) {
            try {
                all.put(c.getName(), c.getAccessor().invoke(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("a record's accessor is public", e);
            }
        }
        return all;
    }
}
