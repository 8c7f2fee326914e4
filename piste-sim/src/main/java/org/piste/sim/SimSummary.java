package org.piste.sim;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a run wrote.
 *
 * @param transfersFile    the transfers file
 * @param lines            physical lines of the transfers file, header included
 * @param transfers        distinct transfers (rows with a reference of their own, damaged or not)
 * @param badRows          labelled rows the importer must reject, duplicates included
 * @param duplicates       exact duplicate lines among the bad rows
 * @param persons          persons in the ground truth
 * @param sendersByRole    senders in the population by role
 * @param transfersByRole  transfers by the true sender's role
 * @param referrals        referrals written
 */
public record SimSummary(Path transfersFile, long lines, long transfers, long badRows, long duplicates, long persons,
        Map<Role, Long> sendersByRole, Map<Role, Long> transfersByRole, int referrals) {
    public SimSummary {
        sendersByRole = Collections.unmodifiableMap(new EnumMap<>(sendersByRole));
        transfersByRole = Collections.unmodifiableMap(new EnumMap<>(transfersByRole));
    }
}
