package passages.web;

/** An error answer with a status and a message fit for the user. */
final class HttpError extends RuntimeException {
  final int status;

  HttpError(int status, String message) {
    super(message);
    this.status = status;
  }

  static HttpError badRequest(String message) {
    return new HttpError(400, message);
  }

  static HttpError notFound(String message) {
    return new HttpError(404, message);
  }
}
