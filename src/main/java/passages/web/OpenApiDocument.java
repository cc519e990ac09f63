package passages.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI 3.1 description of every {@code /api/} route, its parameters, answers and the error
 * shape: the checked-in resource {@value #RESOURCE}, served as is at {@code GET /api/openapi.json}.
 * A test checks that it describes every route {@link WebApp} registers and that real answers
 * validate against it.
 */
final class OpenApiDocument {
  /** Classpath location of the document. */
  static final String RESOURCE = "/passages/web/openapi.json";

  private OpenApiDocument() {}

  /** The document's bytes (UTF-8 JSON); fails when the resource is missing from the build. */
  static byte[] load() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE, e);
    }
  }
}
