/**
 * The storage contract: one suite, run against the embedded SQLite store and against a real
 * PostgreSQL server. Whatever the service relies on is pinned here for both.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestPostgres } from '../../../tests/postgres.ts';
import { POSTGRES_SKIP_NOTE, postgresAvailable, startPostgres } from '../../../tests/postgres.ts';
import type { FlowId } from '../../model/ids.ts';
import { runAs } from '../auth/context.ts';
import { ApiError } from '../http.ts';
import { WorkspaceService } from '../service.ts';
import { RiskPolicyService } from '../riskPolicyService.ts';
import { ReviewService } from '../reviewService.ts';
import { openPostgresStore } from './postgres.ts';
import { openSqliteStore } from './sqlite.ts';
import type { ChangeNotice, Store } from './store.ts';

/** Opens stores over one new, empty database. */
interface Backend {
  name: string;
  available: boolean;
  fresh(): Promise<{
    /** The store another server instance would use (SQLite has one instance: the same one). */
    instance: () => Promise<Store>;
    /** A new store over the same database, as after a restart. */
    reopen: () => Promise<Store>;
  }>;
}

let pgServer: TestPostgres | null = null;

const BACKENDS: Backend[] = [
  {
    name: 'sqlite',
    available: true,
    fresh: () => {
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'flopack-store-')), 's.sqlite');
      let only: Store | null = null;
      return Promise.resolve({
        instance: () => Promise.resolve((only ??= openSqliteStore(file))),
        reopen: () => Promise.resolve(openSqliteStore(file)),
      });
    },
  },
  {
    name: 'postgres',
    available: postgresAvailable(),
    fresh: async () => {
      pgServer ??= await startPostgres();
      const url = await pgServer.newDatabase();
      return { instance: () => openPostgresStore(url), reopen: () => openPostgresStore(url) };
    },
  },
];

if (!postgresAvailable()) console.log(POSTGRES_SKIP_NOTE);

afterAll(async () => {
  await pgServer?.stop();
});

const ALICE = { userId: 'u1', email: 'alice@example.com', name: 'Alice', role: 'editor' as const };

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`storage contract [${backend.name}]`, () => {
    let db: Awaited<ReturnType<Backend['fresh']>>;
    let store: Store;
    let service: WorkspaceService;
    const opened = new Set<Store>();
    const openStore = async (how: 'instance' | 'reopen' = 'instance'): Promise<Store> => {
      const s = await db[how]();
      opened.add(s);
      return s;
    };

    beforeAll(async () => {
      db = await backend.fresh();
      store = await openStore();
      service = new WorkspaceService(store);
    }, 60_000); // starting a PostgreSQL cluster on a busy machine
    afterAll(async () => {
      for (const s of opened) await s.close();
    });

    it('keeps folders and flows in creation order, with content byte for byte', async () => {
      const a = await service.createFolder({ name: 'Entity Risk', parentId: null });
      const b = await service.createFolder({ name: 'Low', parentId: a.id });
      const f1 = await service.createFlow({ folderId: b.id, name: 'Zeta' });
      const f2 = await service.createFlow({ folderId: b.id, name: 'Alpha' });
      const tree = await service.tree();
      expect(tree.folders.map((f) => f.name).slice(0, 2)).toEqual(['Entity Risk', 'Low']);
      expect(tree.flows.map((f) => f.name)).toEqual(['Zeta', 'Alpha']);
      const got = await service.getFlow(f1.id);
      expect(JSON.stringify(got.content)).toBe(JSON.stringify(f1.content));
      expect(got.revision).toBe(1);
      expect(f2.kind).toBe(got.kind);
    });

    it('saves a new revision and version with its author, and refuses a stale base with 409', async () => {
      const folder = await service.createFolder({ name: 'Versions', parentId: null });
      const flow = await service.createFlow({ folderId: folder.id, name: 'Notify' });
      const saved = await runAs(ALICE, () =>
        service.updateFlow(flow.id, { baseRevision: 1, description: 'first' }),
      );
      expect(saved.revision).toBe(2);
      const stale = service.updateFlow(flow.id, { baseRevision: 1, description: 'stale' });
      await expect(stale).rejects.toMatchObject({ status: 409, code: 'FLOW_E409' });
      const versions = await service.versions(flow.id);
      expect(versions.map((v) => [v.revision, v.author])).toEqual([
        [2, 'alice@example.com'],
        [1, 'local'],
      ]);
      const v2 = await service.version(flow.id, 2);
      expect(v2.flow.description).toBe('first');
    });

    it('writes nothing of a unit of work that fails', async () => {
      const before = await service.tree();
      await expect(
        store.transaction(async (tx) => {
          await tx.putFolder({
            id: 'doomed' as never,
            name: 'Doomed',
            description: '',
            parentId: null,
            raw: null,
          });
          throw new ApiError(422, 'TEST_E001', 'stop');
        }),
      ).rejects.toThrow('stop');
      expect(await service.tree()).toEqual(before);
    });

    it('deletes a flow with its versions, and a folder with its flows', async () => {
      const folder = await service.createFolder({ name: 'Gone', parentId: null });
      const flow = await service.createFlow({ folderId: folder.id });
      await service.deleteFlow(flow.id);
      await expect(store.transaction((tx) => tx.versions(flow.id as FlowId))).resolves.toEqual([]);
      const other = await service.createFlow({ folderId: folder.id });
      expect(await service.deleteFolder(folder.id, true)).toEqual({ folders: 1, flows: 1 });
      await expect(service.getFlow(other.id)).rejects.toMatchObject({ status: 404 });
    });

    it('keeps tables and connections as written', async () => {
      const table = { id: 't1', name: 'T', data: { group_id: 'g' } } as never;
      const config = { id: 'c1', name: 'Slack' } as never;
      await store.transaction(async (tx) => {
        await tx.putTable(table);
        await tx.putConfig(config);
      });
      const [tables, configs] = await store.transaction(async (tx) =>
        Promise.all([tx.tables(), tx.configs()]),
      );
      expect(tables).toEqual([table]);
      expect(configs).toEqual([config]);
      await store.transaction((tx) => tx.deleteTables(['t1']));
      expect(await store.transaction((tx) => tx.tables())).toEqual([]);
    });

    it('records changes in the audit trail, filtered and paged newest first', async () => {
      const BOB = { ...ALICE, userId: 'u2', email: 'bob@example.com' };
      const folder = await runAs(BOB, () =>
        service.createFolder({ name: 'Audited', parentId: null }),
      );
      const flow = await runAs(BOB, () => service.createFlow({ folderId: folder.id }));
      await runAs(BOB, () => service.updateFlow(flow.id, { baseRevision: 1, active: true }));
      const mine = await store.transaction((tx) => tx.audit({ actor: 'BOB@', limit: 10 }));
      expect(mine.map((e) => e.action)).toEqual(['flow.on', 'flow.create', 'folder.create']);
      expect(mine[0]?.target).toBe(flow.id);
      expect(mine[0]?.instance).not.toBe('');
      const older = await store.transaction((tx) =>
        tx.audit({ actor: 'bob', before: mine[0]?.seq, limit: 1 }),
      );
      expect(older.map((e) => e.action)).toEqual(['flow.create']);
      const wild = await store.transaction((tx) => tx.audit({ action: '%', limit: 10 }));
      expect(wild).toEqual([]);
      const here = mine[0]?.instance ?? '';
      const byInstance = await store.transaction((tx) =>
        tx.audit({ instance: here.toUpperCase(), actor: 'bob', limit: 10 }),
      );
      expect(byInstance).toHaveLength(3);
      expect(
        await store.transaction((tx) => tx.audit({ instance: 'no-such-host', limit: 10 })),
      ).toEqual([]);
      const at = mine[1]?.at ?? '';
      const window = await store.transaction((tx) =>
        tx.audit({ actor: 'bob', since: at, until: '9999-01-01T00:00:00.000Z', limit: 10 }),
      );
      expect(window.map((e) => e.action)).toContain('flow.create');
      expect(
        await store.transaction((tx) =>
          tx.audit({ actor: 'bob', until: '2000-01-01T00:00:00.000Z', limit: 10 }),
        ),
      ).toEqual([]);
    });

    it('keeps sessions and members', async () => {
      const session = {
        id: 'h1',
        userId: 'u1',
        email: 'a@x',
        name: 'A',
        createdAt: '2026-01-01T00:00:00.000Z',
        expiresAt: '2026-01-02T00:00:00.000Z',
      };
      await store.transaction((tx) => tx.putSession(session));
      expect(await store.transaction((tx) => tx.session('h1'))).toEqual(session);
      await store.transaction((tx) => tx.deleteSession('h1'));
      expect(await store.transaction((tx) => tx.session('h1'))).toBeNull();
      const m = { userId: 'u1', email: 'a@x', name: 'A', role: 'viewer' as const, addedAt: 'x' };
      await store.transaction((tx) => tx.putMember(m));
      await store.transaction((tx) => tx.putMember({ ...m, role: 'admin', addedAt: 'later' }));
      expect(await store.transaction((tx) => tx.members())).toEqual([{ ...m, role: 'admin' }]);
      expect(await store.transaction((tx) => tx.member('nobody'))).toBeNull();
    });

    it('tells every instance about a change once it commits, and nothing of a rollback', async () => {
      const other = await openStore();
      const heard: ChangeNotice[] = [];
      const off = other.subscribe((n) => heard.push(n));
      const folder = await service.createFolder({ name: 'Told', parentId: null });
      const flow = await service.createFlow({ folderId: folder.id });
      await store
        .transaction((tx) => {
          tx.notify({ kind: 'flow.deleted', flowIds: ['x'], actor: 'a', instance: 'i', at: 'now' });
          return Promise.reject(new Error('rolled back'));
        })
        .catch(() => undefined);
      await service.updateFlow(flow.id, { baseRevision: 1, description: 'told' });
      await expect
        .poll(() => heard.filter((n) => n.flowIds.includes(flow.id)).map((n) => n.kind))
        .toEqual(['flow.created', 'flow.saved']);
      expect(heard.some((n) => n.flowIds.includes('x'))).toBe(false);
      off();
    });

    it('lets exactly one of two concurrent saves from the same base win', async () => {
      const other = new WorkspaceService(await openStore());
      const folder = await service.createFolder({ name: 'Race', parentId: null });
      const flow = await service.createFlow({ folderId: folder.id });
      const results = await Promise.allSettled([
        service.updateFlow(flow.id, { baseRevision: 1, description: 'one' }),
        other.updateFlow(flow.id, { baseRevision: 1, description: 'two' }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost.map((r) => (r.reason as ApiError).status)).toEqual([409]);
      expect((await service.versions(flow.id)).map((v) => v.revision)).toEqual([2, 1]);
    });

    it('keeps the risk policy in one row, audits each save and refuses a stale base with 409', async () => {
      const policies = new RiskPolicyService(store);
      const empty = await policies.get();
      expect(empty).toMatchObject({ revision: 0, updatedAt: null, policy: { rules: [] } });
      const policy = {
        policyId: 'rst1',
        rules: [
          {
            name: 'High “risk” ✓',
            riskLevel: 'HIGH' as const,
            flow: 'f1',
            terminateAllSessions: true,
          },
        ],
      };
      const saved = await runAs(ALICE, () => policies.save(0, policy));
      expect(saved).toMatchObject({ revision: 1, policy, updatedBy: 'alice@example.com' });
      await expect(policies.save(0, { ...policy, rules: [] })).rejects.toMatchObject({
        status: 409,
        code: 'POLICY_E409',
      });
      const again = await runAs(ALICE, () => policies.save(1, { ...policy, rules: [] }));
      expect(again.revision).toBe(2);
      const reopened = new RiskPolicyService(await openStore('reopen'));
      expect(await reopened.get()).toMatchObject({ revision: 2, policy: { policyId: 'rst1' } });
      const trail = await store.transaction((tx) => tx.audit({ action: 'policy', limit: 10 }));
      expect(trail.map((e) => [e.action, e.actor])).toEqual([
        ['policy.save', 'alice@example.com'],
        ['policy.save', 'alice@example.com'],
      ]);
      expect(trail[1]?.detail).toContain('HIGH → f1, terminate sessions');
    });

    it('keeps one review per version through request and decision, refusing stale writes', async () => {
      const BOB = { ...ALICE, userId: 'u2', email: 'bob@example.com', name: 'Bob' };
      const reviews = new ReviewService(store, true);
      const folder = await service.createFolder({ name: 'Reviewed', parentId: null });
      const flow = await service.createFlow({ folderId: folder.id, name: 'Notify' });
      await runAs(ALICE, () => service.updateFlow(flow.id, { baseRevision: 1, description: 'x' }));
      await expect(runAs(ALICE, () => reviews.request(flow.id, 1, ''))).rejects.toMatchObject({
        status: 409,
        code: 'REVIEW_E409',
      });
      const asked = await runAs(ALICE, () => reviews.request(flow.id, 2, 'please'));
      expect(asked).toMatchObject({ state: 'requested', requestedBy: 'alice@example.com' });
      await expect(
        runAs(ALICE, () => reviews.decide(flow.id, 2, 'approve', '')),
      ).rejects.toMatchObject({ status: 403, code: 'REVIEW_E403' });
      // Two reviewers on two instances at once: exactly one decision lands.
      const other = new ReviewService(await openStore(), true);
      const CAROL = { ...ALICE, userId: 'u3', email: 'carol@example.com' };
      const results = await Promise.allSettled([
        runAs(BOB, () => reviews.decide(flow.id, 2, 'request-changes', 'Skip Everyone')),
        runAs(CAROL, () => other.decide(flow.id, 2, 'approve', '')),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(
        results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as ApiError).status] : [])),
      ).toEqual([409]);
      const stored = await store.transaction((tx) => tx.review(flow.id as FlowId, 2));
      expect(stored?.rowVersion).toBe(2);
      expect(['approved', 'changes-requested']).toContain(stored?.state);
      // A stale row version is refused by the store itself.
      const stale = { ...asked, rowVersion: 9 };
      expect(await store.transaction((tx) => tx.putReview(stale, 1))).toBe(false);
      expect(await store.transaction((tx) => tx.putReview(stale, 0))).toBe(false);
      const listed = await reviews.reviews(flow.id);
      expect(listed.map((r) => [r.revision, r.rowVersion])).toEqual([[2, 2]]);
      const trail = await store.transaction((tx) => tx.audit({ action: 'review.', limit: 10 }));
      expect(trail.map((e) => e.action)).toContain('review.request');
      expect(trail).toHaveLength(2);
      await service.deleteFlow(flow.id);
      expect(await store.transaction((tx) => tx.reviews(flow.id as FlowId))).toEqual([]);
    });

    it('keeps folder review rules with their revision, inherited by exports of subfolders', async () => {
      const admin = { ...ALICE, role: 'admin' as const };
      const BOB = { ...ALICE, userId: 'u2', email: 'bob@example.com' };
      const reviews = new ReviewService(store, true);
      const gated = new WorkspaceService(store, undefined, undefined, true);
      const top = await service.createFolder({ name: 'Gated', parentId: null });
      const sub = await service.createFolder({ name: 'Sub', parentId: top.id });
      const flow = await service.createFlow({ folderId: sub.id, name: 'High' });
      const on = await runAs(admin, () => reviews.setRule(top.id, true, 0));
      expect(on.rules.find((r) => r.folderId === top.id)).toMatchObject({
        requireApproval: true,
        revision: 1,
        updatedBy: 'alice@example.com',
      });
      await expect(reviews.setRule(top.id, false, 0)).rejects.toMatchObject({
        status: 409,
        code: 'RULE_E409',
      });
      for (const target of [
        { kind: 'flow', id: flow.id },
        { kind: 'folder', id: top.id },
        { kind: 'workspace' },
      ] as const)
        await expect(gated.exportFlopack(target as never)).rejects.toMatchObject({
          status: 409,
          code: 'REVIEW_E010',
        });
      expect(await service.exportFlopack({ kind: 'flow', id: flow.id as FlowId })).toHaveProperty(
        'text',
      );
      await runAs(ALICE, () => reviews.request(flow.id, 1, ''));
      await runAs(BOB, () => reviews.decide(flow.id, 1, 'approve', ''));
      const done = await gated.exportFlopack({ kind: 'flow', id: flow.id as FlowId });
      expect('text' in done && done.text).toContain('High');
      const off = await runAs(admin, () => reviews.setRule(top.id, false, 1));
      expect(off.rules.find((r) => r.folderId === top.id)?.requireApproval).toBe(false);
      await service.deleteFolder(top.id, true);
      const left = await store.transaction((tx) => tx.folderReviewRules());
      expect(left.some((r) => r.folderId === top.id)).toBe(false);
    });

    it('opens an existing database again with its data', async () => {
      const folder = await service.createFolder({ name: 'Kept', parentId: null });
      const again = await openStore('reopen');
      const tree = await new WorkspaceService(again).tree();
      expect(tree.folders.some((f) => f.id === folder.id)).toBe(true);
    });
  });
}
