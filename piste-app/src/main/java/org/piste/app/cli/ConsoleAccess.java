package org.piste.app.cli;

import org.springframework.http.HttpMethod;

/**
 * What a command asks of the actor at the console. Data work is decided by the web's access table, for the web
 * request the command does the same as ({@link org.piste.app.accounts.AccessPolicy}), so a role may do at the console
 * exactly what it may do on the web; it needs a Piste account signed in with its password. The installation's owner
 * (the OS account holding the database secret, who could reach the database anyway) may run the installation and
 * administer accounts (the audit trail included, in full), and reads no imported data and signs no ruling.
 */
sealed interface ConsoleAccess {
    /** Works on files the operator gives and stored nothing: profiles, the simulator, resolve-file. */
    record FilesOnly() implements ConsoleAccess {}

    /** Runs the installation: the demo, the web server. */
    record Installation() implements ConsoleAccess {}

    /** Does what this web request does: a signed-in account whose role the access table allows. */
    record AsOnTheWeb(HttpMethod method, String path) implements ConsoleAccess {}

    /** Administration (accounts, the audit trail): the installation's owner, or a signed-in account as {@code web}. */
    record OwnerOr(AsOnTheWeb web) implements ConsoleAccess {}

    static AsOnTheWeb read(String path) {
        return new AsOnTheWeb(HttpMethod.GET, path);
    }

    static AsOnTheWeb change(String path) {
        return new AsOnTheWeb(HttpMethod.POST, path);
    }
}
