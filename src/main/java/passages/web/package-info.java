/**
 * The HTTP face: Javalin routes, parameter validation, one JSON error shape, security headers, the
 * server-rendered article page and the static search page. Handlers parse, make one call, and
 * answer.
 */
package passages.web;
