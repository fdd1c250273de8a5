import { jest } from '@jest/globals';
import { SharedMemoryStore } from './shared-memory-store.js';

describe('shared memory store', () => {
  afterEach(() => jest.useRealTimers());

  it('is shared by the adapters of every provider instance built on it', async () => {
    const store = new SharedMemoryStore();
    await store.adapterFactory('Interaction').upsert('i1', { uid: 'i1', returnTo: '/auth/i1' }, 60);
    expect(await store.adapterFactory('Interaction').find('i1')).toEqual({ uid: 'i1', returnTo: '/auth/i1' });
    expect(await store.adapterFactory('Session').find('i1')).toBeUndefined();
  });

  it('forgets entries once they expire', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const codes = new SharedMemoryStore().adapterFactory('AuthorizationCode');
    await codes.upsert('c1', { grantId: 'g1' }, 60);
    jest.setSystemTime(1_000_000 + 59_000);
    expect(await codes.find('c1')).toBeDefined();
    jest.setSystemTime(1_000_000 + 60_000);
    expect(await codes.find('c1')).toBeUndefined();
  });

  it('finds sessions by uid, marks consumption and destroys', async () => {
    const sessions = new SharedMemoryStore().adapterFactory('Session');
    await sessions.upsert('s1', { uid: 'u1', accountId: '555000000001' }, 60);
    expect(await sessions.findByUid('u1')).toMatchObject({ accountId: '555000000001' });
    await sessions.consume('s1');
    expect((await sessions.find('s1'))?.consumed).toEqual(expect.any(Number));
    await sessions.destroy('s1');
    expect(await sessions.findByUid('u1')).toBeUndefined();
  });

  it('revokes what a grant issued, and nothing else', async () => {
    const store = new SharedMemoryStore();
    const codes = store.adapterFactory('AuthorizationCode');
    await codes.upsert('c1', { grantId: 'g1' }, 60);
    await codes.upsert('c2', { grantId: 'g2' }, 60);
    await codes.revokeByGrantId('g1');
    expect(await codes.find('c1')).toBeUndefined();
    expect(await codes.find('c2')).toBeDefined();
  });
});
