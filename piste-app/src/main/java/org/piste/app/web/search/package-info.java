/** The search box's page and its API twin: thin shells over {@link org.piste.app.search.Search}. */
package org.piste.app.web.search;
