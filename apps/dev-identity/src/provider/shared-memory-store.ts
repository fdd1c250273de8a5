import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

/** Artifacts that revoking their grant removes (of those this provider issues and stores). */
const GRANT_BOUND_MODELS = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken']);

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

/**
 * oidc-provider's storage (sessions, interactions, grants, codes) in memory, outliving any one
 * provider instance: the instances built on key rotation share it, so sign-ins under way and
 * sessions carry on (oidc-provider's own memory adapter starts empty with each instance).
 * Development only: a restart forgets everything. Expired entries are dropped when next read.
 */
export class SharedMemoryStore {
  private readonly entries = new Map<string, Entry>();
  private readonly sessionKeyByUid = new Map<string, string>();
  private readonly keysByGrant = new Map<string, Set<string>>();

  readonly adapterFactory: AdapterFactory = (model) => this.adapterFor(model);

  private adapterFor(model: string): Adapter {
    const keyOf = (id: string) => `${model}:${id}`;
    return {
      upsert: async (id, payload, expiresIn) => this.upsert(model, keyOf(id), payload, expiresIn),
      find: async (id) => this.find(keyOf(id)),
      findByUid: async (uid) => {
        const key = this.sessionKeyByUid.get(uid);
        return key === undefined ? undefined : this.find(key);
      },
      // Only the device flow looks codes up by user code, and it is not enabled.
      findByUserCode: async () => undefined,
      consume: async (id) => {
        const payload = this.find(keyOf(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => {
        this.entries.delete(keyOf(id));
      },
      revokeByGrantId: async (grantId) => {
        for (const key of this.keysByGrant.get(grantId) ?? []) this.entries.delete(key);
        this.keysByGrant.delete(grantId);
      },
    };
  }

  private upsert(model: string, key: string, payload: AdapterPayload, expiresIn: number | undefined): void {
    this.entries.set(key, { payload, expiresAt: expiresIn === undefined ? Infinity : Date.now() + expiresIn * 1000 });
    if (model === 'Session' && payload.uid) this.sessionKeyByUid.set(payload.uid, key);
    if (GRANT_BOUND_MODELS.has(model) && payload.grantId) {
      this.keysByGrant.set(payload.grantId, (this.keysByGrant.get(payload.grantId) ?? new Set()).add(key));
    }
  }

  private find(key: string): AdapterPayload | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > Date.now()) return entry.payload;
    this.entries.delete(key);
    return undefined;
  }
}
