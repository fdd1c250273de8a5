import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publicJwks, SigningKeyStore } from './signing-keys.js';

describe('signing key store', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'dev-identity-')), 'missing/folder');
  });

  afterEach(() => rm(join(dataDir, '../..'), { recursive: true, force: true }));

  it('creates an RS256 key on first start, privately, and reuses it afterwards', async () => {
    const created = await new SigningKeyStore(dataDir).loadOrCreate();
    expect(created.keys).toHaveLength(1);
    expect(created.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String), d: expect.any(String) });
    expect((await stat(join(dataDir, 'jwks.json'))).mode & 0o777).toBe(0o600);
    expect(await new SigningKeyStore(dataDir).loadOrCreate()).toEqual(created);
  });

  it('rotates: a new signing key first, the previous one kept, older ones dropped, all persisted', async () => {
    const store = new SigningKeyStore(dataDir);
    const [first] = (await store.loadOrCreate()).keys;
    const [second] = (await store.rotate()).keys;
    const rotated = await store.rotate();
    expect(rotated.keys.map((key) => key.kid)).toEqual([expect.not.stringMatching(`^(${first.kid}|${second.kid})$`), second.kid]);
    expect(JSON.parse(await readFile(join(dataDir, 'jwks.json'), 'utf8'))).toEqual(rotated);
  });

  it('publishes only the public half of each key', async () => {
    const jwks = await new SigningKeyStore(dataDir).loadOrCreate();
    expect(Object.keys(publicJwks(jwks).keys[0]).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
  });
});
