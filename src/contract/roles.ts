/**
 * Roles and what each may do, read by the server (which enforces them on every route) and by
 * the client (which hides or disables what the signed-in person may not do). No zod here, so
 * the client bundle stays free of it.
 */

/** A workspace role; each includes the ones before it. */
export type Role = 'viewer' | 'editor' | 'admin';

/** The roles, weakest first. */
export const ROLES: readonly Role[] = ['viewer', 'editor', 'admin'];

/** Whether `role` includes `needed`. */
export const hasRole = (role: Role, needed: Role): boolean =>
  ROLES.indexOf(role) >= ROLES.indexOf(needed);

/** Why a control is unavailable, shown on hover; null when it is available. */
export function roleReason(role: Role, needed: Role, what: string): string | null {
  if (hasRole(role, needed)) return null;
  return `Only ${needed === 'admin' ? 'admins' : 'editors and admins'} can ${what}; you are a ${role} — ask an admin for the ${needed} role.`;
}

/** One route rule: method, path pattern (`:x` matches one segment) and the role it needs. */
interface RouteRule {
  method: string;
  path: string;
  role: Role;
}

/**
 * The role every API route needs. Viewers read, export, compare and test-run (all reads);
 * editors edit, save, import and restore; admins manage members and delete folders. A route
 * missing from this list needs admin for writes, so a new route is never open by accident.
 */
export const ROUTE_ROLES: readonly RouteRule[] = [
  { method: 'GET', path: '/api/members', role: 'admin' },
  { method: 'PUT', path: '/api/members/:id', role: 'admin' },
  { method: 'POST', path: '/api/folders', role: 'editor' },
  { method: 'PATCH', path: '/api/folders/:id', role: 'editor' },
  { method: 'DELETE', path: '/api/folders/:id', role: 'admin' },
  { method: 'POST', path: '/api/flows', role: 'editor' },
  { method: 'PUT', path: '/api/flows/:id', role: 'editor' },
  { method: 'PUT', path: '/api/flows/:id/active', role: 'editor' },
  { method: 'DELETE', path: '/api/flows/:id', role: 'editor' },
  { method: 'POST', path: '/api/flows/:id/versions/:rev/restore', role: 'editor' },
  { method: 'POST', path: '/api/import', role: 'editor' },
  { method: 'POST', path: '/api/templates/:id', role: 'editor' },
  { method: 'PUT', path: '/api/risk-policy', role: 'editor' },
  { method: 'POST', path: '/api/flows/:id/versions/:rev/review', role: 'editor' },
  { method: 'POST', path: '/api/flows/:id/versions/:rev/decision', role: 'editor' },
  { method: 'PUT', path: '/api/folders/:id/review-rule', role: 'admin' },
  { method: 'POST', path: '/api/connections', role: 'editor' },
  { method: 'PATCH', path: '/api/connections/:id', role: 'editor' },
  { method: 'DELETE', path: '/api/connections/:id', role: 'editor' },
];

const matches = (pattern: string, path: string): boolean => {
  const p = pattern.split('/');
  const s = path.split('/');
  return p.length === s.length && p.every((seg, i) => seg.startsWith(':') || seg === s[i]);
};

/** The role a request needs. */
export function requiredRole(method: string, path: string): Role {
  const m = method.toUpperCase();
  const rule = ROUTE_ROLES.find((r) => r.method === m && matches(r.path, path));
  if (rule) return rule.role;
  return m === 'GET' || m === 'HEAD' ? 'viewer' : 'admin';
}
