/**
 * Who is making the current request, carried through async calls so the service can record
 * the author of a version and the actor of an audit entry without threading it everywhere.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { hostname } from 'node:os';
import type { Role } from '../storage/store.ts';

/** A person acting on the workspace. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: Role;
}

/** The one user of local mode (no sign-in, loopback only): may do everything. */
export const LOCAL_ACTOR: Actor = { userId: 'local', email: '', name: 'local', role: 'admin' };

const storage = new AsyncLocalStorage<Actor>();

/** Runs `fn` on behalf of `actor`. */
export const runAs = <T>(actor: Actor, fn: () => T): T => storage.run(actor, fn);

/** The actor of the current request (local mode's user outside any request). */
export const currentActor = (): Actor => storage.getStore() ?? LOCAL_ACTOR;

/** How an actor is named in versions and the audit trail. */
export const actorLabel = (a: Actor): string => a.email || a.name || a.userId;

/** This process, as named in the audit trail and change notices. */
export const INSTANCE_ID =
  process.env['INSTANCE_ID'] ?? `${hostname()}:${process.pid.toString(10)}`;
