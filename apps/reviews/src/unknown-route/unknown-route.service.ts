import { Inject, Injectable } from '@nestjs/common';
import { InternalTokenVerifier } from '@scrt/auth';
import { NotFoundError, UnauthenticatedError } from '@scrt/http';

/** Whether a path exists is not told to a caller without a valid internal token. */
@Injectable()
export class UnknownRouteService {
  constructor(@Inject(InternalTokenVerifier) private readonly verifier: InternalTokenVerifier) {}

  async refuse(authorization: string | undefined, path: string): Promise<never> {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    const authenticated = token !== undefined && (await this.verifier.verify(token).then(() => true, () => false));
    if (!authenticated) throw new UnauthenticatedError();
    throw new NotFoundError(`No route ${path}.`);
  }
}
