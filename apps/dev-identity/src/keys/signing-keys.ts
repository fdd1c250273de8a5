import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

export const SIGNING_ALGORITHM = 'RS256';

/** Private JSON Web Key Set; the first key signs, the others stay published for verification. */
export interface PrivateJwks {
  keys: JWK[];
}

/** The public half of each key, as published at the `jwks_uri`. */
export function publicJwks({ keys }: PrivateJwks): PrivateJwks {
  return { keys: keys.map(({ kty, n, e, kid, alg, use }) => ({ kty, n, e, kid, alg, use })) };
}

/** The provider's signing keys, kept in `<dataDir>/jwks.json` so that tokens outlive a restart. */
export class SigningKeyStore {
  private readonly file: string;

  constructor(private readonly dataDir: string) {
    this.file = join(dataDir, 'jwks.json');
  }

  async loadOrCreate(): Promise<PrivateJwks> {
    return (await this.read()) ?? this.write({ keys: [await generateSigningKey()] });
  }

  /** A new signing key; the one it replaces is kept so that tokens it signed still verify. Older keys are dropped. */
  async rotate(): Promise<PrivateJwks> {
    const { keys } = await this.loadOrCreate();
    return this.write({ keys: [await generateSigningKey(), keys[0]] });
  }

  private async read(): Promise<PrivateJwks | undefined> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const jwks = JSON.parse(text) as Partial<PrivateJwks>;
    if (!Array.isArray(jwks.keys) || jwks.keys.length === 0) throw new Error(`${this.file} holds no keys; delete it to start with a new key`);
    return { keys: jwks.keys };
  }

  private async write(jwks: PrivateJwks): Promise<PrivateJwks> {
    await mkdir(this.dataDir, { recursive: true });
    await writeFile(this.file, `${JSON.stringify(jwks, null, 2)}\n`, { mode: 0o600 });
    return jwks;
  }
}

async function generateSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: SIGNING_ALGORITHM, use: 'sig' };
}
