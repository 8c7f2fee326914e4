/**
 * Local accounts and their roles (what a user may do), with Argon2id password hashing and the password policy; every
 * change to an account is audited.
 */
package org.piste.app.users;
