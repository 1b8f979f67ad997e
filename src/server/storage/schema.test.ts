import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { POSTGRES_MIGRATIONS } from './postgresSchema.ts';
import { SQLITE_MIGRATIONS } from './schema.ts';

/** A migration's fingerprint: a released migration's text must never change. */
const fingerprint = (sql: string): string =>
  createHash('sha256').update(sql).digest('hex').slice(0, 16);

describe('schema migrations', () => {
  it('keeps every released SQLite migration byte for byte', () => {
    expect(SQLITE_MIGRATIONS.map(fingerprint)).toEqual([
      '4d87dbbdb32be301',
      '9aa7d621f54cc146',
      '0726849d19e07e7b',
      '6b9ef80f0966466e',
    ]);
  });

  it('keeps every released PostgreSQL migration byte for byte', () => {
    expect(POSTGRES_MIGRATIONS.map(fingerprint)).toEqual([
      '87dce83994d2a2ac',
      '0726849d19e07e7b',
      '6b04c35799758279',
    ]);
  });
});
