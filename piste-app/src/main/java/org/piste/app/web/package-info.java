/**
 * The web application and its REST API (Spring): a thin shell over the stores and services the CLI uses. Here: the
 * access table both security chains are built from, sign-in, the dashboard and its cards, the beans every page shares,
 * the audit of what users do there, and the error for a thing a request names that does not exist; each area's pages
 * and API are in a sub-package.
 */
package org.piste.app.web;
