import Bottleneck from 'bottleneck';

/**
 * Builds the Bottleneck limiter for one budget. `key` names the budget (`shared:read`,
 * `own:<tokenHash>:write`); `settings` are the rate settings the client wants for it.
 */
export type LimiterFactory = (key: string, settings: Bottleneck.ConstructorOptions) => Bottleneck;

/**
 * The one place limiters are made. `shared` is merged into every limiter, which is where clustering
 * goes: `bottleneckLimiterFactory({ datastore: 'ioredis', clientOptions: { host, port } })` makes every
 * process share each budget through Redis (limiters with the same id share state).
 */
export function bottleneckLimiterFactory(shared: Bottleneck.ConstructorOptions = {}): LimiterFactory {
  return (key, settings) => new Bottleneck({ ...shared, ...settings, id: `pk-companion:pluralkit:${key}` });
}
