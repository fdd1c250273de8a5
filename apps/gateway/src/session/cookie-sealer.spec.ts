import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { CookieSealer } from './cookie-sealer.js';

const SECRET = 'a-session-secret-of-at-least-32-characters';

describe('CookieSealer', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('opens what it sealed, and the sealed text does not reveal the payload', async () => {
    const sealer = new CookieSealer(SECRET, 'session');
    const sealed = await sealer.seal({ name: 'Sam Okafor', org: 'QMJ' }, 60);
    expect(sealed).not.toContain('Okafor');
    expect(Buffer.from(sealed.split('.')[3], 'base64url').toString()).not.toContain('Okafor');
    expect(await sealer.unseal(sealed)).toMatchObject({ name: 'Sam Okafor', org: 'QMJ' });
  });

  it('rejects a value changed anywhere', async () => {
    const sealer = new CookieSealer(SECRET, 'session');
    const sealed = await sealer.seal({ org: 'QMJ' }, 60);
    const parts = sealed.split('.');
    for (const index of [0, 2, 3, 4]) {
      const tampered = [...parts];
      const flipped = tampered[index].at(-2) === 'A' ? 'B' : 'A';
      tampered[index] = `${tampered[index].slice(0, -2)}${flipped}${tampered[index].slice(-1)}`;
      expect(await sealer.unseal(tampered.join('.'))).toBeUndefined();
    }
    expect(await sealer.unseal('not a sealed value')).toBeUndefined();
  });

  it('rejects a value sealed for another purpose or with another secret', async () => {
    const sealed = await new CookieSealer(SECRET, 'login').seal({ org: 'QMJ' }, 60);
    expect(await new CookieSealer(SECRET, 'session').unseal(sealed)).toBeUndefined();
    expect(await new CookieSealer(`${SECRET}-rotated`, 'login').unseal(sealed)).toBeUndefined();
  });

  it('rejects a value once its lifetime is over', async () => {
    const sealer = new CookieSealer(SECRET, 'session');
    const sealed = await sealer.seal({ org: 'QMJ' }, 60);
    jest.useFakeTimers({ now: Date.now() + 59_000, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    expect(await sealer.unseal(sealed)).toMatchObject({ org: 'QMJ' });
    jest.setSystemTime(Date.now() + 2_000);
    expect(await sealer.unseal(sealed)).toBeUndefined();
  });
});
