import { describe, expect, it } from 'vitest';
import { hasRole, requiredRole, roleReason } from './roles.ts';

describe('roles', () => {
  it('lets each role do what the ones before it do', () => {
    expect(hasRole('admin', 'editor')).toBe(true);
    expect(hasRole('editor', 'viewer')).toBe(true);
    expect(hasRole('viewer', 'editor')).toBe(false);
    expect(hasRole('editor', 'admin')).toBe(false);
  });

  it('needs editor to save, import and restore, admin to delete folders, viewer to read', () => {
    expect(requiredRole('PUT', '/api/flows/abc')).toBe('editor');
    expect(requiredRole('POST', '/api/import')).toBe('editor');
    expect(requiredRole('POST', '/api/flows/abc/versions/3/restore')).toBe('editor');
    expect(requiredRole('DELETE', '/api/folders/x')).toBe('admin');
    expect(requiredRole('GET', '/api/export')).toBe('viewer');
    expect(requiredRole('get', '/api/flows/abc')).toBe('viewer');
    expect(requiredRole('PUT', '/api/risk-policy')).toBe('editor');
    expect(requiredRole('GET', '/api/risk-policy.json')).toBe('viewer');
  });

  it('needs admin for a write route nobody listed', () => {
    expect(requiredRole('POST', '/api/something-new')).toBe('admin');
    expect(requiredRole('PUT', '/api/flows/abc/extra')).toBe('admin');
  });

  it('says why a control is unavailable, and nothing when it is', () => {
    expect(roleReason('viewer', 'editor', 'save flows')).toMatch(/you are a viewer/);
    expect(roleReason('editor', 'editor', 'save flows')).toBeNull();
  });
});
