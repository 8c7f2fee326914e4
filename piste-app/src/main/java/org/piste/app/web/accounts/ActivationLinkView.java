package org.piste.app.web.accounts;

import java.time.Instant;
import org.piste.app.accounts.Activations;

/**
 * An activation link as the admin who issued it is shown it, once (page and API): the account, the full link under
 * the server's public address ({@code piste.public-url}) and when it expires.
 */
public record ActivationLinkView(String username, String activationLink, Instant expiresAt) {
    static ActivationLinkView of(Activations.Link link, String publicUrl) {
        return new ActivationLinkView(link.username(), link.url(publicUrl), link.expiresAt());
    }
}
