// The admin JSON API: the token the operator signed in with, and calls that wait out load
// shedding.

const TOKEN_KEY = 'mallkit.console.adminToken';

/** The admin token while signed in, else null. */
let token = null;

export function signedIn() {
  return token !== null;
}

/** Signs in with `value`, kept in this tab's session storage (a reload stays signed in). */
export function rememberToken(value) {
  token = value;
  sessionStorage.setItem(TOKEN_KEY, value);
}

export function forgetToken() {
  token = null;
  sessionStorage.removeItem(TOKEN_KEY);
}

/** The token this tab signed in with before a reload, if any. */
export function savedToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export const isAuthError = (error) =>
  error instanceof ApiError && (error.status === 401 || error.status === 403);

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * One admin API call. `retries`: how many times to retry an answer of 503 or 429 (the
 * server sheds low-priority work under pressure) or a network failure, after the
 * server's Retry-After (at most 1 s).
 */
export async function api(method, path, options = {}) {
  const { body, retries = 0, token: bearer = token } = options;
  for (let attempt = 0; ; attempt++) {
    const headers = { accept: 'application/json', authorization: `Bearer ${bearer ?? ''}` };
    const init = { method, headers, cache: 'no-store' };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch {
      if (attempt < retries) {
        await delay(500);
        continue;
      }
      throw new ApiError(0, 'NETWORK', 'the server cannot be reached');
    }
    if ((response.status === 503 || response.status === 429) && attempt < retries) {
      const after = Number(response.headers.get('retry-after'));
      await delay(Number.isFinite(after) && after > 0 ? Math.min(1000, after * 1000) : 500);
      continue;
    }
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      const error = data !== null && typeof data === 'object' ? (data.error ?? {}) : {};
      throw new ApiError(
        response.status,
        typeof error.code === 'string' ? error.code : `HTTP_${response.status}`,
        typeof error.message === 'string' ? error.message : response.statusText,
      );
    }
    return data;
  }
}

export function describeError(error) {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (error.status === 503 && error.code === 'LOAD_SHED') return 'server busy (load shedding)';
  return `${error.message} (${error.code})`;
}
