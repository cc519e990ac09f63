package passages.cli;

/** A failure the user can fix; printed as one line, with its exit code, no stack trace. */
final class UserException extends RuntimeException {
  final int exitCode;

  UserException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }
}
