// Calls the services through the gateway (same origin). Errors become ApiError with the problem+json detail.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export class Api {
  /** @param tokenProvider returns the bearer token, or null */
  constructor(tokenProvider = () => null, onUnauthorized = () => {}) {
    this.tokenProvider = tokenProvider;
    this.onUnauthorized = onUnauthorized;
  }

  /** @param body a value sent as JSON, or a FormData sent as multipart (the browser sets its Content-Type) */
  async request(method, path, body) {
    const headers = { Accept: 'application/json, application/problem+json' };
    const token = this.tokenProvider();
    if (token) headers.Authorization = `Bearer ${token}`;
    const form = typeof FormData !== 'undefined' && body instanceof FormData;
    if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method,
      headers,
      body: body === undefined || form ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let data = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = { detail: text };
      }
    }
    if (!response.ok) {
      if (response.status === 401) this.onUnauthorized();
      throw new ApiError(response.status, data);
    }
    return data;
  }

  get(path) { return this.request('GET', path); }
  post(path, body = {}) { return this.request('POST', path, body); }
  put(path, body) { return this.request('PUT', path, body); }
  patch(path, body) { return this.request('PATCH', path, body); }
  delete(path) { return this.request('DELETE', path); }
}

/** Lists come as a bare array or wrapped ({items}, {codes}, ...): accept both. */
export function listOf(data, ...keys) {
  if (Array.isArray(data)) return data;
  for (const key of keys) {
    if (Array.isArray(data?.[key])) return data[key];
  }
  return [];
}

export const enc = encodeURIComponent;
