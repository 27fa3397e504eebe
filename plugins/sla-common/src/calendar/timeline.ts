import { DateTime, IANAZone } from 'luxon';
import { DAY_MS, dateParts } from '../time/local-date';
import { DailyWindow, MINUTES_PER_DAY } from './hours';

/**
 * Open time as arithmetic on epoch milliseconds; the engine's hot path.
 * Intervals are half-open: open at a window's start, closed at its end.
 */
export interface Timeline {
  isOpen(t: number): boolean;
  /** The earliest instant ≥ t that is open; undefined if none within the horizon. */
  nextOpening(t: number): number | undefined;
  /** The earliest instant ≥ t that is closed; undefined if none within the horizon. */
  nextClosing(t: number): number | undefined;
  /** The instant at which `duration` ms of open time after t have passed. */
  add(t: number, duration: number): number;
  /** Open time in [a, b); negative when b is before a. */
  between(a: number, b: number): number;
}

/** How far nextOpening and nextClosing look, and add tolerates closed days. */
export const HORIZON_DAYS = 366;

const MINUTE_MS = 60_000;
const MAX_CACHED_DAYS = 20_000;

function checkDuration(duration: number) {
  if (!(duration >= 0) || !Number.isFinite(duration)) {
    throw new RangeError(
      `a business duration must be a finite number of ms ≥ 0, got ${duration}`,
    );
  }
}

/** 7×24: open time is plain clock time. */
export class AlwaysOpenTimeline implements Timeline {
  isOpen(): boolean {
    return true;
  }
  nextOpening(t: number): number {
    return t;
  }
  nextClosing(): undefined {
    return undefined;
  }
  add(t: number, duration: number): number {
    checkDuration(duration);
    return t + duration;
  }
  between(a: number, b: number): number {
    return b - a;
  }
}

/** A local day: its bounds and its open intervals as [start, end, start, end, …]. */
interface Day {
  readonly start: number;
  readonly end: number;
  open?: readonly number[];
}

/**
 * Open time made of windows per local date, walked interval by interval.
 * Each local day's bounds and open intervals are computed once and cached,
 * so luxon's zone arithmetic runs once per day, not per operation.
 */
export class DayWindowTimeline implements Timeline {
  private readonly days = new Map<number, Day>();
  private readonly offsetGuess: number;

  /**
   * @param windowsOn the windows opening on a day number (may throw, e.g.
   *   for a year without an official schedule)
   * @param crossesMidnight whether any window may run into the next day
   */
  constructor(
    private readonly label: string,
    private readonly zone: string,
    private readonly windowsOn: (day: number) => readonly DailyWindow[],
    private readonly crossesMidnight: boolean,
  ) {
    // Only a first guess of an instant's local day; locate() corrects it.
    this.offsetGuess = IANAZone.create(zone).offset(0) * MINUTE_MS;
  }

  isOpen(t: number): boolean {
    const open = this.openOf(this.locate(t));
    for (let i = 0; i < open.length; i += 2) {
      if (t < open[i]) {
        return false;
      }
      if (t < open[i + 1]) {
        return true;
      }
    }
    return false;
  }

  nextOpening(t: number): number | undefined {
    let n = this.locate(t);
    for (let walked = 0; walked <= HORIZON_DAYS; walked++, n++) {
      const open = this.openOf(n);
      for (let i = 0; i < open.length; i += 2) {
        if (open[i + 1] > t) {
          return Math.max(open[i], t);
        }
      }
    }
    return undefined;
  }

  nextClosing(t: number): number | undefined {
    let n = this.locate(t);
    let end = t;
    for (let walked = 0; walked <= HORIZON_DAYS; walked++, n++) {
      const open = this.openOf(n);
      for (let i = 0; i < open.length; i += 2) {
        if (open[i + 1] <= end) {
          continue;
        }
        if (open[i] > end) {
          return end;
        }
        end = open[i + 1];
      }
      // Open up to midnight: the next day may carry on without a gap.
      if (end < this.day(n).end) {
        return end;
      }
    }
    return undefined;
  }

  add(t: number, duration: number): number {
    checkDuration(duration);
    if (duration === 0) {
      return t;
    }
    let left = duration;
    let closedDays = 0;
    for (let n = this.locate(t); ; n++) {
      const open = this.openOf(n);
      for (let i = 0; i < open.length; i += 2) {
        const end = open[i + 1];
        if (end <= t) {
          continue;
        }
        const start = open[i] > t ? open[i] : t;
        if (left <= end - start) {
          return start + left;
        }
        left -= end - start;
      }
      closedDays = open.length === 0 ? closedDays + 1 : 0;
      if (closedDays > HORIZON_DAYS) {
        throw new RangeError(
          `calendar '${
            this.label
          }' has no open time in the ${HORIZON_DAYS} days after ${new Date(
            this.day(n).start,
          ).toISOString()}`,
        );
      }
    }
  }

  between(a: number, b: number): number {
    if (b < a) {
      return -this.between(b, a);
    }
    let total = 0;
    for (let n = this.locate(a); ; n++) {
      const open = this.openOf(n);
      for (let i = 0; i < open.length; i += 2) {
        const start = open[i] > a ? open[i] : a;
        const end = open[i + 1] < b ? open[i + 1] : b;
        if (end > start) {
          total += end - start;
        }
      }
      if (this.day(n).end >= b) {
        return total;
      }
    }
  }

  /** The day number of the local day containing t. */
  private locate(t: number): number {
    let n = Math.floor((t + this.offsetGuess) / DAY_MS);
    for (;;) {
      const day = this.day(n);
      if (t < day.start) {
        n--;
      } else if (t >= day.end) {
        n++;
      } else {
        return n;
      }
    }
  }

  private day(n: number): Day {
    let day = this.days.get(n);
    if (!day) {
      // Tickets touch a few years of days; a flood of far-off dates only
      // costs a rebuild, never unbounded memory.
      if (this.days.size >= MAX_CACHED_DAYS) {
        this.days.clear();
      }
      day = { start: this.localTime(n, 0), end: this.localTime(n + 1, 0) };
      this.days.set(n, day);
    }
    return day;
  }

  private openOf(n: number): readonly number[] {
    const day = this.day(n);
    day.open ??= this.computeOpen(n, day);
    return day.open;
  }

  private computeOpen(n: number, day: Day): readonly number[] {
    const pieces: Array<[number, number]> = [];
    const clip = (from: number, to: number) => {
      const start = Math.max(from, day.start);
      const end = Math.min(to, day.end);
      if (end > start) {
        pieces.push([start, end]);
      }
    };
    if (this.crossesMidnight) {
      for (const w of this.windowsOn(n - 1)) {
        if (w.to > MINUTES_PER_DAY) {
          clip(day.start, this.localTime(n, w.to - MINUTES_PER_DAY));
        }
      }
    }
    for (const w of this.windowsOn(n)) {
      clip(
        this.localTime(n, w.from),
        w.to >= MINUTES_PER_DAY ? day.end : this.localTime(n, w.to),
      );
    }
    pieces.sort((x, y) => x[0] - y[0]);
    const open: number[] = [];
    for (const [start, end] of pieces) {
      if (open.length > 0 && start <= open[open.length - 1]) {
        open[open.length - 1] = Math.max(open[open.length - 1], end);
      } else {
        open.push(start, end);
      }
    }
    return open;
  }

  /**
   * Epoch ms of a wall-clock minute on a local day. A minute skipped by a
   * daylight-saving jump moves forward by the jump; a repeated one (clocks
   * going back) is its later occurrence, as luxon resolves it.
   */
  private localTime(n: number, minute: number): number {
    const { year, month, day } = dateParts(n);
    return DateTime.fromObject(
      {
        year,
        month,
        day,
        hour: Math.floor(minute / 60),
        minute: minute % 60,
      },
      { zone: this.zone },
    ).toMillis();
  }
}
