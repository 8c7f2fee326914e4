package org.piste.app.web.cases;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Case pages show times in UTC, to the minute, marked as such (templates: ${@caseTime.format(instant)}). */
@Component("caseTime")
public class CaseTime {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String format(Instant at) {
        return FORMAT.format(at);
    }
}
