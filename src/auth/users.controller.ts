import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../common/id-param';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/access.decorators';
import { CreateUserDto, UpdateUserDto } from './dto/create-user.dto';
import { UsersService } from './users.service';
import { ApiErrors } from '../common/api-errors';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** 201 {id, name, role, username, token, tokenId}: the token is shown this once. */
  @Post()
  @ApiErrors('USERNAME_TAKEN')
  create(@Body() dto: CreateUserDto, @CurrentActor() actor: Actor) {
    return this.users.create(dto, actor);
  }

  /** Every user, without secrets: login name, role, linked lawyer, active, locked. */
  @Get()
  list() {
    return this.users.list();
  }

  /** {active?, role?, password?}: deactivation stops every token and session at once; a reset asks for a new password at sign-in. */
  @Patch(':id')
  @ApiErrors('USER_NOT_FOUND')
  update(@Param('id', IdParam) id: string, @Body() dto: UpdateUserDto, @CurrentActor() actor: Actor) {
    return this.users.update(id, dto, actor);
  }

  /** The user's live API tokens: id, created, last used (never the secret). */
  @Get(':id/tokens')
  @ApiErrors('USER_NOT_FOUND')
  tokens(@Param('id', IdParam) id: string) {
    return this.users.listTokens(id);
  }

  /** 201 {id, token, createdAt}: a new token, shown this once; older ones keep working. */
  @Post(':id/tokens')
  @ApiErrors('USER_NOT_FOUND')
  issue(@Param('id', IdParam) id: string, @CurrentActor() actor: Actor) {
    return this.users.issueToken(id, actor);
  }

  @Delete(':id/tokens/:tokenId')
  @HttpCode(204)
  @ApiErrors('USER_NOT_FOUND', 'API_TOKEN_NOT_FOUND')
  async revoke(@Param('id', IdParam) id: string, @Param('tokenId', IdParam) tokenId: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.users.revokeToken(id, tokenId, actor);
  }
}
