import type { Logger } from '../log.js';
import { HttpService } from './server.js';

/** The ports a process serves, by purpose; undefined: that purpose is not served. 0 asks for a free port. */
export interface ListenerPorts {
  /** `HEALTH_PORT`: `/healthz`, `/readyz`, `/metrics`. */
  readonly health?: number | undefined;
  /** `INTERACTIONS_PORT`: Discord's interaction webhooks. */
  readonly interactions?: number | undefined;
  /** `DISPATCH_PORT`: PluralKit's dispatch events, `POST /pluralkit/dispatch/<id>`. */
  readonly dispatch?: number | undefined;
}

/** The servers behind {@link ListenerPorts}: one per distinct port, so purposes on the same port share one. */
export class Listeners {
  readonly #services = new Map<string, { port: number; service: HttpService; bound?: number }>();

  constructor(
    private readonly log: Logger,
    private readonly ports: ListenerPorts,
  ) {}

  /** The server of `purpose`, to add routes to; undefined when that purpose has no port. */
  for(purpose: keyof ListenerPorts): HttpService | undefined {
    const port = this.ports[purpose];
    if (port === undefined) return undefined;
    // Port 0 means "any free port", which two purposes cannot share by asking twice.
    const key = port === 0 ? `0:${purpose}` : String(port);
    let entry = this.#services.get(key);
    if (entry === undefined) {
      entry = { port, service: new HttpService(this.log) };
      this.#services.set(key, entry);
    }
    return entry.service;
  }

  /** Starts every server, and says on which port each purpose is served. */
  async listen(): Promise<void> {
    for (const entry of this.#services.values()) entry.bound = await entry.service.listen(entry.port);
    const health = this.boundPort('health');
    if (health !== undefined) this.log.info({ port: health }, 'health and metrics listening');
    const interactions = this.boundPort('interactions');
    if (interactions !== undefined) {
      this.log.info({ port: interactions }, 'listening for interaction webhooks on POST /interactions');
    }
    const dispatch = this.boundPort('dispatch');
    if (dispatch !== undefined) {
      this.log.info({ port: dispatch }, 'listening for PluralKit dispatch events on POST /pluralkit/dispatch/<id>');
    }
  }

  /** The port `purpose` is served on once listening. */
  boundPort(purpose: keyof ListenerPorts): number | undefined {
    const port = this.ports[purpose];
    if (port === undefined) return undefined;
    return this.#services.get(port === 0 ? `0:${purpose}` : String(port))?.bound;
  }

  /** True once every server is listening. */
  get listening(): boolean {
    return [...this.#services.values()].every((entry) => entry.bound !== undefined);
  }

  /** Closes every server. */
  async close(): Promise<void> {
    await Promise.all([...this.#services.values()].map((entry) => entry.service.close()));
  }
}
