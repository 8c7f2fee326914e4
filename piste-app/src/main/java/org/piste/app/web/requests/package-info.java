/** Requests abroad on the web: the pages under /cases/{id}/requests and their API mirror. */
package org.piste.app.web.requests;
