package org.piste.app.web.requests;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.piste.app.requests.RequestPackage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** A package as a download, the same for the page and the API: the zip, named after the request. */
final class PackageDownload {
    private PackageDownload() {}

    /** Written directly: the zip is the body whatever the client's Accept header says. */
    static void send(RequestPackage.Made made, HttpServletResponse response) throws IOException {
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(made.number().replaceAll("[^A-Za-z0-9._-]", "_") + "-package.zip").build().toString());
        response.setHeader("X-Piste-Manifest-Sha256", made.manifestSha256());
        response.setContentLength(made.zip().length);
        response.getOutputStream().write(made.zip());
        response.flushBuffer();
    }
}
