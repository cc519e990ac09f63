package passages.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads and validates query parameters; every failure is a 400 naming the parameter. */
final class Params {
  private Params() {}

  private static final java.util.regex.Pattern BAD_PERCENT =
      java.util.regex.Pattern.compile("%(?![0-9A-Fa-f]{2})");

  /**
   * Fails when the request has a parameter not in {@code allowed}, or a query string with a
   * malformed percent escape ({@code %zz}), which would otherwise be read as an empty value and
   * match everything.
   */
  static void onlyAllowed(Context ctx, Set<String> allowed) {
    String query = ctx.queryString();
    if (query != null && BAD_PERCENT.matcher(query).find()) {
      throw HttpError.badRequest(
          "malformed percent-encoding in the query string (a % must be followed by two hex digits)");
    }
    for (String name : ctx.queryParamMap().keySet()) {
      if (!allowed.contains(name)) {
        throw HttpError.badRequest(
            "unknown parameter '"
                + name
                + "' (allowed: "
                + String.join(", ", new TreeSet<>(allowed))
                + ")");
      }
    }
  }

  /** The single value of {@code name}, or {@code fallback} when absent; fails when repeated. */
  static String single(Context ctx, String name, String fallback) {
    List<String> values = ctx.queryParams(name);
    if (values.isEmpty()) return fallback;
    if (values.size() > 1)
      throw HttpError.badRequest(
          "parameter '" + name + "' must be given once, got " + values.size());
    return values.getFirst();
  }

  /** An integer parameter in {@code [min, max]}, or {@code fallback} when absent. */
  static int integer(Context ctx, String name, int fallback, int min, int max) {
    String raw = single(ctx, name, null);
    if (raw == null) return fallback;
    int value;
    try {
      value = Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw HttpError.badRequest(
          "parameter '"
              + name
              + "' must be an integer "
              + min
              + ".."
              + max
              + ", got '"
              + clip(raw)
              + "'");
    }
    if (value < min || value > max) {
      throw HttpError.badRequest(
          "parameter '" + name + "' must be " + min + ".." + max + ", got " + value);
    }
    return value;
  }

  /** A boolean parameter ({@code true}/{@code false}), or {@code fallback} when absent. */
  static boolean bool(Context ctx, String name, boolean fallback) {
    String raw = single(ctx, name, null);
    if (raw == null) return fallback;
    return switch (raw) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default ->
          throw HttpError.badRequest(
              "parameter '" + name + "' must be true or false, got '" + clip(raw) + "'");
    };
  }

  /** {@code s} cut to a length fit for an error message. */
  static String clip(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
