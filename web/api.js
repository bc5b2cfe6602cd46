// The JSON API of `veille serve`. Every call resolves to the parsed body, or
// rejects with an ApiError carrying the server's {code, message, position}.

export class ApiError extends Error {
  constructor(status, code, message, position) {
    super(message);
    this.status = status;
    this.code = code;
    this.position = position;
  }
}

export async function getJson(path, params = {}, {signal} = {}) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') search.set(k, String(v));
  }
  const qs = search.toString();
  let response;
  try {
    response = await fetch(qs ? `${path}?${qs}` : path, {headers: {Accept: 'application/json'}, signal});
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const e = body && typeof body === 'object' ? body.error || {} : {};
    throw new ApiError(response.status, e.code || `http_${response.status}`,
      e.message || `The server answered ${response.status} ${response.statusText}.`,
      typeof e.position === 'number' ? e.position : undefined);
  }
  if (body === null || typeof body !== 'object') {
    throw new ApiError(response.status, 'bad_response', 'The server sent an answer that is not JSON.');
  }
  return body;
}

export const api = {
  health: (opts) => getJson('/healthz', {}, opts),
  search: (q, offset, opts) => getJson('/api/search', {q, offset, limit: 20, facets: 'true'}, opts),
  article: (id, opts) => getJson(`/api/articles/${encodeURIComponent(id)}`, {}, opts),
  entity: (name, offset, opts) => getJson(`/api/entities/${encodeURIComponent(name)}`, {offset, limit: 20}, opts),
  quotes: (speaker, q, offset, opts) => getJson('/api/quotes', {speaker, q, offset, limit: 20}, opts),
  outlets: (offset, opts) => getJson('/api/outlets', {offset, limit: 50}, opts),
};
