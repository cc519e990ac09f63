// Fetching from the JSON API: a 4xx/5xx becomes an ApiProblem with the server's message, a network failure an
// Unreachable.

export class ApiProblem extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

export class Unreachable extends Error {}

/** The JSON body of `url`; `check(body)` says whether it has the expected shape. */
export async function getJson(url, signal, check = (b) => Array.isArray(b.hits)) {
  let res;
  try {
    res = await fetch(url, {signal, headers: {Accept: 'application/json'}});
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new Unreachable('unreachable');
  }
  let body = null;
  try { body = await res.json(); } catch (e) { /* not JSON: handled below */ }
  if (!res.ok) {
    throw new ApiProblem(res.status, body && typeof body.error === 'string'
        ? body.error : 'The server answered ' + res.status + '.');
  }
  if (!body || !check(body)) throw new ApiProblem(res.status, 'The server sent an unreadable answer.');
  return body;
}
