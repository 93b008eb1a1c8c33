import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('defaults to loopback, port 4000, embedded data in ./data and the demo catalog', () => {
    expect(loadConfig({})).toMatchObject({ host: '127.0.0.1', port: 4000, databaseUrl: undefined, dataDir: './data', seedDemo: true });
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ PORT: '70000', SEED_DEMO: 'maybe', DATABASE_URL: 'mysql://x' })).toThrow(
      /PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/,
    );
    expect(() => loadConfig({ IMAGE_SECRET_KEY: 'short' })).toThrow(/IMAGE_SECRET_KEY/);
  });

  it('requires IMAGE_SECRET_KEY with DATABASE_URL, since every instance must share it', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/catalog' })).toThrow(/IMAGE_SECRET_KEY: required with DATABASE_URL/);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/catalog', IMAGE_SECRET_KEY: 'f'.repeat(64) }).imageSecretKey).toBe('f'.repeat(64));
    // Throwaway runs keep nothing, so a key of their own is fine.
    expect(loadConfig({ DATABASE_URL: 'postgres://db/catalog', DATA_DIR: 'memory://' }).databaseUrl).toBe('postgres://db/catalog');
  });

  it('refuses a rate limit below the budget of one operation, which could then never be served', () => {
    expect(() => loadConfig({ MAX_COST: '5000', RATE_LIMIT_COST_PER_SECOND: '1000' })).toThrow(/RATE_LIMIT_COST_PER_SECOND: must be 0 \(off\) or at least MAX_COST \(5000\)/);
    expect(loadConfig({ RATE_LIMIT_COST_PER_SECOND: '0' }).limits.rateCostPerSecond).toBe(0);
    expect(loadConfig({}).limits).toMatchObject({ maxCost: 5000, rateCostPerSecond: 10000, maxDepth: 15 });
  });
});
