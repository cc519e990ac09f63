package passages.web;

/** The one JSON shape of every error answer: {@code {"status": 400, "error": "…"}}. */
public record ApiError(int status, String error) {}
