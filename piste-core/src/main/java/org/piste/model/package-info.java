/**
 * The canonical data model every step shares: a transfer as Piste stores it ({@link Transfer}, {@link Party},
 * {@link Money}, status, channel), the {@link Side} of a party, the ids of a party record and of a resolved entity
 * ({@link RecordId} "12:S", {@link EntityId}), and where each value came from (the source file's SHA-256 and line:
 * {@link SourceFile}, {@link RowRef}, {@link RowCounts}). Plain records and enums, free of any framework.
 */
package org.piste.model;
