/**
 * Ingest, the first step of the data's path: one export read through a mapping profile (CSV or XLSX, encoding, header,
 * value formats) into canonical transfers, every row accepted or rejected with a reason, so that the counts always
 * reconcile. Storage-agnostic: the application supplies the sink and the look-up of stored references. Also reads
 * person lists ({@link PersonFiles}).
 */
package org.piste.ingest;
