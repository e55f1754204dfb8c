import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('HEALTH_PORT and LOG_PRETTY', () => {
  it('serves nothing unless HEALTH_PORT is set, takes 0 for a free port, and writes JSON unless asked', () => {
    expect(loadConfig({}).healthPort).toBeUndefined();
    expect(loadConfig({ HEALTH_PORT: '' }).healthPort).toBeUndefined();
    expect(loadConfig({ HEALTH_PORT: '8080' }).healthPort).toBe(8080);
    expect(loadConfig({ HEALTH_PORT: '0' }).healthPort).toBe(0);
    expect(loadConfig({}).logPretty).toBe(false);
    expect(loadConfig({ LOG_PRETTY: 'true' }).logPretty).toBe(true);
  });

  it('names HEALTH_PORT when it is not a port', () => {
    for (const bad of ['http', '70000', '-1', '80.5'])
      expect(() => loadConfig({ HEALTH_PORT: bad }), bad).toThrow(ConfigError);
    expect(() => loadConfig({ HEALTH_PORT: 'x' })).toThrow(/HEALTH_PORT/);
  });
});
