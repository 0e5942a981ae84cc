import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { UsersService } from './auth/users.service';
import { APP_CONFIG, AppConfig } from './config/config';

/** Start-up work after migrations: the first admin from BOOTSTRAP_ADMIN_TOKEN. */
@Injectable()
export class BootstrapService implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.bootstrapAdminToken) await this.users.bootstrapAdmin(this.config.bootstrapAdminToken);
  }
}
