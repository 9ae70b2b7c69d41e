/** An error answered by JwtAuthKit (RFC 9457 problem details), or a network failure (`code: 'network_error'`). */
export class AuthError extends Error {
  /** The stable code of API.md's table, e.g. `invalid_credentials`, `token_stale`. */
  readonly code: string;
  /** The HTTP status, or 0 when the server could not be reached. */
  readonly status: number;
  /** Field errors of `validation_failed`. */
  readonly errors: Record<string, string[]> | undefined;
  /** Seconds to wait, from `Retry-After`, on `rate_limited`. */
  readonly retryAfter: number | undefined;

  constructor(code: string, status: number, message: string, errors?: Record<string, string[]>, retryAfter?: number) {
    super(message);
    this.name = 'AuthError';
    this.code = code;
    this.status = status;
    this.errors = errors;
    this.retryAfter = retryAfter;
  }

  /** Builds the error from a failed response. */
  static async fromResponse(response: Response): Promise<AuthError> {
    let body: { code?: string; detail?: string; title?: string; errors?: Record<string, string[]> } = {};
    try {
      body = await response.json();
    } catch {
      // Not a problem-details body (a proxy's error page); the status still says what happened.
    }
    const retry = response.headers.get('Retry-After');
    return new AuthError(
      body.code ?? (response.status === 401 ? 'unauthorized' : 'http_' + response.status),
      response.status,
      body.detail ?? body.title ?? response.statusText,
      body.errors,
      retry === null ? undefined : Number(retry),
    );
  }
}
