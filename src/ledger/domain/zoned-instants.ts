/**
 * A zone's UTC offsets over a span of instants, as steps: from `steps[i].at` (ms since 1970) on,
 * the offset is `steps[i].offset` minutes, until the next step. Built once per export, it turns
 * the four instants a ledger row carries into the station's wall clock by arithmetic, with no
 * zone lookup per instant (Asia/Shanghai, with no DST since 1991, is a single step of +480).
 */
export interface OffsetSteps {
  from: number;
  to: number;
  steps: { at: number; offset: number; suffix: string }[];
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `+08:00`, `-04:00`: an offset in minutes as ISO 8601 writes it. */
const offsetSuffix = (offset: number): string => {
  const abs = Math.abs(offset);
  return `${offset < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
};

/** Zones change their offset at most once a day (in practice twice a year): one sample a day finds every change. */
const SAMPLE_MS = 86_400_000;

/**
 * The offset steps between `from` and `to` (ms, `from` ≥ 0), given the zone's offset at any instant:
 * sampled once a day, each change found to the millisecond by bisection.
 */
export function offsetSteps(offsetAt: (ms: number) => number, from: number, to: number): OffsetSteps {
  const first = offsetAt(from);
  const steps = [{ at: from, offset: first, suffix: offsetSuffix(first) }];
  for (let t = from; t < to;) {
    const next = Math.min(t + SAMPLE_MS, to);
    const before = steps[steps.length - 1].offset;
    const offset = offsetAt(next);
    if (offset !== before) {
      let lo = t;
      let hi = next;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(mid) === before) lo = mid;
        else hi = mid;
      }
      steps.push({ at: hi, offset, suffix: offsetSuffix(offset) });
    }
    t = next;
  }
  return { from, to, steps };
}

/**
 * A stored instant (`2026-10-12T01:03:00.000Z`) as ISO 8601 with the zone's offset
 * (`2026-10-12T09:03:00+08:00`, milliseconds only when there are any), as the API writes it;
 * null when the instant lies outside the steps' span (the caller asks the zone database then).
 */
export function zonedIso(instant: string, table: OffsetSteps): string | null {
  const ms = Date.parse(instant);
  if (!(ms >= table.from && ms <= table.to)) return null;
  const { steps } = table;
  let i = steps.length - 1;
  while (steps[i].at > ms) i--;
  const { offset, suffix } = steps[i];
  return new Date(ms + offset * 60_000).toISOString().slice(0, ms % 1000 === 0 ? 19 : 23) + suffix;
}
