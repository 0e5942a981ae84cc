import { Injectable } from '@nestjs/common';
import { BoundedCache } from '../common/bounded-cache';
import { OnDutyService } from '../stations/on-duty.service';
import { renderReceptionPage } from './domain/reception-page';

interface Page {
  key: string;
  html: string;
}

/** Stations whose last page is kept; the oldest goes first when full. */
export const RECEPTION_PAGE_STATIONS = 1_000;

/**
 * The front desk's page of a station now. The page shows the time to the minute (and
 * "today"/"tomorrow"), so it is drawn again only when the on-duty rows read or the minute
 * change; the rows are read on every request (one statement), so a change shows at once.
 */
@Injectable()
export class ReceptionPages {
  private readonly pages = new BoundedCache<string, Page>(RECEPTION_PAGE_STATIONS);

  constructor(private readonly onDuty: OnDutyService) {}

  async page(stationId: string): Promise<string> {
    const { key, answer, at } = await this.onDuty.snapshot(stationId);
    const pageKey = `${key}\u0000${Math.floor(at.getTime() / 60_000)}`;
    const cached = this.pages.get(stationId);
    if (cached?.key === pageKey) return cached.html;
    const html = renderReceptionPage(answer);
    this.pages.set(stationId, { key: pageKey, html });
    return html;
  }
}
