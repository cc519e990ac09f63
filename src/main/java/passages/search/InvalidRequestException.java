package passages.search;

/**
 * A search request the user got wrong (bad query syntax, unknown outlet, …); the message says what.
 */
public final class InvalidRequestException extends RuntimeException {
  public InvalidRequestException(String message) {
    super(message);
  }
}
