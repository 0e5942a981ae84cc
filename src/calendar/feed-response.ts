import type { ServerResponse } from 'node:http';
import type { FeedReply } from './calendar-feeds.service';

/**
 * A feed answer on the bare response, for the controller and the fast path alike. Written by
 * hand, not res.send(): Express would add its own freshness check on If-Modified-Since.
 * `private, no-cache`: shared caches keep nothing, clients revalidate with If-None-Match.
 */
export function writeFeed(res: ServerResponse, reply: FeedReply): void {
  res.setHeader('ETag', reply.etag);
  res.setHeader('Cache-Control', 'private, no-cache');
  if (reply.notModified) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  res.setHeader('Content-Disposition', 'inline; filename="calendar.ics"');
  res.setHeader('Last-Modified', new Date(reply.lastModified).toUTCString());
  res.setHeader('Content-Length', String(reply.body.length));
  res.statusCode = 200;
  res.end(reply.body);
}
