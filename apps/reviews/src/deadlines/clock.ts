import { todayInEngland, type IsoDate } from '@scrt/working-days';

/** The time as the deadline engine sees it: injected, so a test can move it. */
export abstract class Clock {
  abstract now(): Date;

  today(): IsoDate {
    return todayInEngland(this.now());
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
