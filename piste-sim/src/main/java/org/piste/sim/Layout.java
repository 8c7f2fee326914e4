package org.piste.sim;

import de.siegmar.fastcsv.writer.LineDelimiter;
import java.nio.charset.Charset;
import java.util.SplittableRandom;

/** How one file layout writes a transfer, and where its columns are (for the injection of bad rows). */
interface Layout {
    Charset charset();

    char delimiter();

    LineDelimiter lineDelimiter();

    String[] header();

    String[] row(String reference, Txn t);

    int referenceColumn();

    int sendDateColumn();

    int sentAmountColumn();

    int sentCurrencyColumn();

    int statusColumn();

    /** A send date no profile format can read. */
    String badDate(SplittableRandom r, Txn t);

    /** The sent amount written with the wrong decimal convention or with its currency. */
    String badAmount(SplittableRandom r, long cents);

    /** A status code outside the profile's value map. */
    String badStatus(SplittableRandom r);
}
