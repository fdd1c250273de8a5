export interface StepTiming {
  label: string;
  milliseconds: number;
}

export function formatSeconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}

/** Runs named start-up steps, printing how long each took and keeping the timings. */
export class StepRunner {
  readonly timings: StepTiming[] = [];

  constructor(
    private readonly log: (line: string) => void,
    private readonly signal?: AbortSignal,
  ) {}

  async run<T>(label: string, action: () => Promise<T>, describe: (result: T) => string = () => ''): Promise<T> {
    this.signal?.throwIfAborted();
    const startedAt = performance.now();
    const result = await action();
    const milliseconds = performance.now() - startedAt;
    this.timings.push({ label, milliseconds });
    const detail = describe(result);
    this.log(`  ✔ ${label}${detail ? `: ${detail}` : ''} (${formatSeconds(milliseconds)})`);
    return result;
  }
}
