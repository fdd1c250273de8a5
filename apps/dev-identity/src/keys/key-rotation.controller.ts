import { Controller, HttpCode, Post } from '@nestjs/common';
import { OidcProviderHost, type KeyRotation } from '../provider/oidc-provider.host.js';

/**
 * Development-only administration: rotates the signing key in place, so that relying parties can
 * be tested against a rotation without restarting anything.
 */
@Controller('dev')
export class KeyRotationController {
  constructor(private readonly host: OidcProviderHost) {}

  @Post('rotate-keys')
  @HttpCode(200)
  rotate(): Promise<KeyRotation> {
    return this.host.rotateSigningKey();
  }
}
