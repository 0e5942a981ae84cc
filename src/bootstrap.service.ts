import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { UsersService } from './auth/users.service';
import { APP_CONFIG, AppConfig } from './config/config';

/** Start-up work after migrations: the first admin from BOOTSTRAP_ADMIN_TOKEN and/or BOOTSTRAP_ADMIN_PASSWORD. */
@Injectable()
export class BootstrapService implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { bootstrapAdminToken, bootstrapAdminPassword } = this.config;
    if (bootstrapAdminToken || bootstrapAdminPassword) await this.users.bootstrapAdmin(bootstrapAdminToken, bootstrapAdminPassword);
  }
}
