/**
 * Fault injection: the next N requests that get past the gateway and the limiter are answered with an
 * error, shaped like what a client would really see from PluralKit or from the proxy in front of it.
 */
import { ApiError } from './errors.js';
import { tooManyRequestsBody } from './rate-limit.js';

/** Statuses `failNext` can inject. */
export type InjectedStatus = 500 | 502 | 503 | 429;

const PROXY_TITLES: Record<502 | 503, string> = { 502: '502 Bad Gateway', 503: '503 Service Temporarily Unavailable' };

/** A queue of pending injected failures. */
export class FaultQueue {
  #remaining = 0;
  #status: InjectedStatus = 500;
  #retryAfterMs = 1000;

  /** Fails the next `count` requests with `status` (replacing any earlier plan). */
  plan(count: number, status: InjectedStatus, retryAfterMs = 1000): void {
    this.#remaining = Math.max(0, Math.floor(count));
    this.#status = status;
    this.#retryAfterMs = retryAfterMs;
  }

  /** The error for this request, or undefined when no failure is pending. */
  take(method: string): ApiError | undefined {
    if (this.#remaining === 0) return undefined;
    this.#remaining--;
    const status = this.#status;
    if (status === 429) {
      return new ApiError(
        429,
        tooManyRequestsBody(this.#retryAfterMs, method === 'GET' ? 'generic_get' : 'generic_update'),
      );
    }
    if (status === 500) return new ApiError(500, '{"message":"500: Internal Server Error","code":0}');
    const title = PROXY_TITLES[status];
    const html = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
    return new ApiError(status, html, 'text/html');
  }
}
