package org.piste.app.web;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Redirects of the pages to a path holding data (a reference, an entity or record id): each variable is strictly
 * encoded as one path segment, so a '/', '..', '?', '#' or '{' in the data stays inside its segment.
 */
public final class Redirects {
    private Redirects() {}

    /** {@code redirect:} to {@code template} ("/referrals/{ref}") with its variables, in order, then {@code fragment}. */
    public static String to(String template, String fragment, Object... variables) {
        return "redirect:" + UriComponentsBuilder.fromPath(template).encode().buildAndExpand(variables).toUriString()
                + (fragment.isEmpty() ? "" : "#" + fragment);
    }
}
