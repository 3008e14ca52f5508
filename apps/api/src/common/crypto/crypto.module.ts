import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config';
import { IdentifierCrypto } from './identifier-crypto';

@Global()
@Module({
  providers: [
    {
      provide: IdentifierCrypto,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new IdentifierCrypto(config.secrets.encryptionKey, config.secrets.blindIndexKey),
    },
  ],
  exports: [IdentifierCrypto],
})
export class CryptoModule {}
