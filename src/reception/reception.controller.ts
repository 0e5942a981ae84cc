import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/access.decorators';
import { ApiTokensService } from '../auth/api-tokens.service';
import { bearerOf } from '../auth/credentials';
import { ApiErrors } from '../common/api-errors';
import { ApiFileAnswer } from '../common/api-file-answer';
import { IdParam } from '../common/id-param';
import { ReceptionPages } from './reception-pages';

const UNAUTHORIZED_PAGE =
  '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>未授权</title></head>' +
  '<body><h1>未授权：请使用有效的访问令牌打开此页面。</h1></body></html>';

/** A staff token left in a front-desk URL would open far more than the screen: refused, whatever its role. */
const STAFF_TOKEN_PAGE =
  '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>禁止访问</title></head>' +
  '<body><h1>禁止访问：前台值班屏只接受前台（reception）角色的令牌，请勿在此使用工作人员令牌。</h1></body></html>';

/**
 * The court front desk's screen. A browser in kiosk mode cannot send a bearer header, so the
 * token may come in `?token=`, and only a `reception` token opens it; the logger redacts it.
 */
@ApiTags('reception')
@ApiProduces('text/html')
@Controller('reception')
export class ReceptionController {
  constructor(
    private readonly tokens: ApiTokensService,
    private readonly pages: ReceptionPages,
  ) {}

  @Get(':stationId')
  @Public()
  @ApiErrors('STATION_NOT_FOUND')
  @ApiFileAnswer("Who is on duty now at the station's front desk (401/403 pages without a reception token)", { 'text/html': 'text' })
  async page(
    @Param('stationId', IdParam) stationId: string,
    @Query('token') token: string | undefined,
    @Headers('authorization') authorization: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const bearer = typeof token === 'string' ? token : bearerOf(authorization);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    res.setHeader('Referrer-Policy', 'no-referrer');
    const actor = bearer ? await this.tokens.actorForToken(bearer) : null;
    if (!actor) {
      res.status(401).type('html').send(UNAUTHORIZED_PAGE);
      return;
    }
    if (actor.role !== 'reception') {
      res.status(403).type('html').send(STAFF_TOKEN_PAGE);
      return;
    }
    res
      .status(200)
      .type('html')
      .send(await this.pages.page(stationId));
  }
}
