package org.piste.sim;

import de.siegmar.fastcsv.writer.LineDelimiter;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import org.piste.model.Channel;

/**
 * The French operator export read by the built-in fr-operator profile: windows-1252, ';', decimal comma with
 * '.' grouping, dd/MM/yyyy and HH:mm:ss in Paris local time for both the send and the payout, French headers,
 * operator status and channel codes, no send-country column.
 */
final class OperatorLayout implements Layout {
    private static final String[] HEADER = {
        "MTCN", "Statut", "Canal", "Date envoi", "Heure envoi", "Ville envoi", "Agence envoi", "Date paiement",
        "Heure paiement", "Pays paiement", "Ville paiement", "Agence paiement", "Montant envoyé", "Devise envoi",
        "Frais", "Taux de change", "Montant payé", "Devise paiement", "Motif", "Nom expéditeur", "Prénom expéditeur",
        "Date naissance expéditeur", "Type pièce expéditeur", "N° pièce expéditeur", "Téléphone expéditeur",
        "Email expéditeur", "Adresse expéditeur", "Ville expéditeur", "Pays expéditeur", "Nom bénéficiaire",
        "Prénom bénéficiaire", "Second prénom bénéficiaire", "Date naissance bénéficiaire", "Type pièce bénéficiaire",
        "N° pièce bénéficiaire", "Téléphone bénéficiaire", "Ville bénéficiaire", "Pays bénéficiaire"};

    @Override
    public Charset charset() {
        return Charset.forName("windows-1252");
    }

    @Override
    public char delimiter() {
        return ';';
    }

    @Override
    public LineDelimiter lineDelimiter() {
        return LineDelimiter.CRLF;
    }

    @Override
    public String[] header() {
        return HEADER.clone();
    }

    @Override
    public String[] row(String reference, Txn t) {
        LocalDateTime send = LocalDateTime.ofInstant(t.send(), World.PARIS);
        LocalDateTime payout = t.payout().map(p -> LocalDateTime.ofInstant(p, World.PARIS)).orElse(null);
        Written s = t.senderText(), r = t.recipientText();
        boolean agency = t.channel() == Channel.AGENCY;
        return new String[] {
            reference, status(t), channel(t.channel()), Fmt.frenchDate(send.toLocalDate()), Fmt.time(send),
            agency ? t.sendCity().toUpperCase(java.util.Locale.ROOT) : "", t.sendAgency(),
            payout == null ? "" : Fmt.frenchDate(payout.toLocalDate()), payout == null ? "" : Fmt.time(payout),
            "PHILIPPINES", t.payoutCity().toUpperCase(java.util.Locale.ROOT), t.payoutAgency(),
            Fmt.cents(t.sentCents(), ',', '.'), "EUR", Fmt.cents(t.feeCents(), ',', '.'), Fmt.rate(t.rate4(), ','),
            Fmt.cents(t.paidCents(), ',', '.'), "PHP", t.purpose(), s.surname(), s.given(),
            s.birth().map(WrittenDate::french).orElse(""), s.idType(), s.idNumber(), s.phone(), agency ? "" : s.email(),
            s.address(), s.city(), "FRANCE", r.surname(), r.given(), r.middle(), r.birth().map(WrittenDate::french).orElse(""),
            r.idType(), r.idNumber(), r.phone(), r.city(), "PHILIPPINES"};
    }

    private static String status(Txn t) {
        return switch (t.status()) {
            case PAID -> "PAYE";
            case SENT -> "ENVOYE";
            case CANCELLED -> "ANNULE";
            case REFUNDED -> "REMBOURSE";
            case HELD -> "BLOQUE";
            case UNKNOWN -> "";
        };
    }

    private static String channel(Channel c) {
        return switch (c) {
            case AGENCY -> "AGENCE";
            case MOBILE -> "APPLI";
            default -> "INTERNET";
        };
    }

    @Override
    public int referenceColumn() {
        return 0;
    }

    @Override
    public int sendDateColumn() {
        return 3;
    }

    @Override
    public int sentAmountColumn() {
        return 12;
    }

    @Override
    public int sentCurrencyColumn() {
        return 13;
    }

    @Override
    public int statusColumn() {
        return 1;
    }

    @Override
    public String badDate(SplittableRandom r, Txn t) {
        LocalDate d = LocalDateTime.ofInstant(t.send(), World.PARIS).toLocalDate();
        return switch (r.nextInt(3)) {
            case 0 -> "32" + Fmt.frenchDate(d).substring(2);
            case 1 -> Fmt.frenchDate(d).replace('/', '.').substring(0, 6) + "2O" + (d.getYear() % 100);
            default -> d.getMonthValue() + "-" + d.getDayOfMonth() + "-" + d.getYear() + "x";
        };
    }

    @Override
    public String badAmount(SplittableRandom r, long cents) {
        return r.nextBoolean() ? Fmt.cents(cents, '.', (char) 0) : Fmt.cents(cents, ',', (char) 0) + " EUR";
    }

    @Override
    public String badStatus(SplittableRandom r) {
        return Draw.pick(r, new String[] {"VALIDE", "TERMINE", "OK"});
    }
}
