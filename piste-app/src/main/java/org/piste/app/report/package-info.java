/**
 * The financial-analysis report of a case (the French "rapport d'analyse financière"): a frozen snapshot of the case
 * ({@link ReportSnapshot}: what the report says, taken once at a timestamp and stored), then the PDF rendered from it
 * alone, so the same snapshot always gives the same bytes.
 */
package org.piste.app.report;
