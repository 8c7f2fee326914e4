package org.piste.app.requisitions;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The requisition's body in French, as the magistrate or officer signs it: one text for the page (printed) and the
 * console ({@code piste requisition show N --text}). French only: it is a French procedural act.
 */
public final class RequisitionText {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<Requisition.LegalBasis, String> ACTING = Map.of(
            Requisition.LegalBasis.ART_60_1, "agissant en enquête de flagrance",
            Requisition.LegalBasis.ART_77_1_1, "agissant en enquête préliminaire, sur autorisation du procureur de la République",
            Requisition.LegalBasis.ART_99_3, "agissant sur commission rogatoire du juge d'instruction");
    private static final Map<Requisition.AddresseeKind, String> KIND = Map.of(
            Requisition.AddresseeKind.OPERATOR, "opérateur de transfert d'argent",
            Requisition.AddresseeKind.BANK, "établissement bancaire",
            Requisition.AddresseeKind.EWALLET, "établissement de monnaie électronique");
    private static final Map<String, String> IDENTIFIER = Map.of("NAME", "Nom", "PHONE", "Téléphone",
            "EMAIL", "Courriel", "ID", "Pièce d'identité", "OTHER", "Autre identifiant");

    private RequisitionText() {}

    /** The text's lines; an empty line separates paragraphs. */
    public static List<String> lines(Requisition r) {
        String article = "article " + r.legalBasis().article() + " du code de procédure pénale";
        var out = new java.util.ArrayList<String>(List.of(
                "RÉQUISITION N° " + r.number(),
                "Procédure : " + r.caseReference(),
                "",
                "Établissement requis : " + r.addressee() + " (" + KIND.get(r.addresseeKind()) + ")",
                "",
                "Vu l'" + article + ", " + ACTING.get(r.legalBasis()) + ",",
                "requérons " + r.addressee() + " de nous communiquer, pour la période du "
                        + DAY.format(r.periodFrom()) + " au " + DAY.format(r.periodTo()) + " :",
                "- l'export, au format CSV, de l'ensemble des transferts émis ou reçus par les personnes concernées "
                        + "désignées par les identifiants ci-dessous, et des transferts portant les références "
                        + "ci-dessous ;",
                "- pour chaque transfert : sa référence (MTCN), les dates et heures d'envoi et de paiement, les "
                        + "agences et pays d'envoi et de paiement, les montants et devises, l'identité, la pièce "
                        + "d'identité et les coordonnées de l'expéditeur et du bénéficiaire (détails du paiement).",
                "",
                "Identifiants des personnes concernées :"));
        if (r.identifiers().isEmpty()) out.add("- (aucun)");
        r.identifiers().forEach(i -> out.add("- " + IDENTIFIER.getOrDefault(i.kind(), "Autre identifiant") + " : "
                + i.value()));
        out.add("");
        out.add("Références connues (MTCN) :");
        if (r.refs().isEmpty()) out.add("- (aucune)");
        r.refs().forEach(ref -> out.add("- " + ref));
        out.add("");
        out.add("La réponse est à retourner en citant la référence " + r.number()
                + r.dueOn().map(d -> ", au plus tard le " + DAY.format(d)).orElse("") + ".");
        out.add("");
        out.add("Fait à ____________________, le ____________________");
        out.add("Signature :");
        return out;
    }

    public static String of(Requisition r) {
        return String.join("\n", lines(r)) + "\n";
    }
}
