import type { EventEnvelope, PublishedTimescaleTargetV1, TimescalesPublishedV1 } from '@scrt/contracts';
import { Inbox, qualifiedTable, type InboxOutcome, type TransactionalSqlClient } from '@scrt/messaging';

/** The table (in the consuming service's schema) holding every published timescale version. */
export const TIMESCALE_COPY_TABLE = 'reference_timescale_version';

export interface TimescaleVersionCopy {
  version: number;
  effectiveFrom: string;
  targets: PublishedTimescaleTargetV1[];
}

/** A target as it applies to one ICB: its own override, else the national default (`scope` says which). */
export interface TargetInForce extends PublishedTimescaleTargetV1 {
  version: number;
  scope: 'icb' | 'national';
}

interface TargetKey {
  reviewType: string;
  stage: string;
  icbOdsCode: string | null;
}

/** The ICB's override among `targets` when there is one, else the national default; undefined when neither exists. */
export function selectTarget<T extends TargetKey>(targets: T[], reviewType: string, stage: string, icbOdsCode: string | null | undefined): { target: T; scope: 'icb' | 'national' } | undefined {
  const matching = targets.filter((target) => target.reviewType === reviewType && target.stage === stage);
  const override = icbOdsCode ? matching.find((target) => target.icbOdsCode === icbOdsCode) : undefined;
  const target = override ?? matching.find((candidate) => candidate.icbOdsCode === null);
  return target && { target, scope: override ? 'icb' : 'national' };
}

interface VersionRow {
  version: number;
  effective_from: string;
  targets: PublishedTimescaleTargetV1[];
}

/** How long an instance answers from memory before re-reading the table (another instance may have applied an event). */
const MEMORY_TTL_MS = 30_000;

/**
 * A consuming service's copy of the published timescale versions, fed by
 * `reference-data.timescales.published.v1` through its inbox. Answers "the target for review
 * type X, stage S, for ICB O, in force at date D" without calling reference-data.
 */
export class TimescaleCopy {
  private readonly table: string;
  private readonly inbox: Inbox;
  private cached?: { versions: TimescaleVersionCopy[]; until: number };

  constructor(
    private readonly db: TransactionalSqlClient,
    schema: string,
    private readonly consumer: string,
  ) {
    this.table = qualifiedTable(schema, TIMESCALE_COPY_TABLE);
    this.inbox = new Inbox(schema);
  }

  /** Stores the published version once; a published version never changes, so a repeat is ignored. */
  async apply(event: EventEnvelope<TimescalesPublishedV1>): Promise<InboxOutcome> {
    const { payload } = event;
    const outcome = await this.inbox.processOnce(this.db, event, this.consumer, async (tx) => {
      await tx.$executeRawUnsafe(
        `INSERT INTO ${this.table} ("version", "effective_from", "targets") VALUES ($1::int, $2::date, $3::jsonb) ON CONFLICT ("version") DO NOTHING`,
        payload.version,
        payload.effectiveFrom,
        JSON.stringify(payload.targets),
      );
    });
    this.cached = undefined;
    return outcome;
  }

  /** Every version held, latest effective date (then highest version) first. */
  async versions(): Promise<TimescaleVersionCopy[]> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.versions;
    const rows = await this.db.$queryRawUnsafe<VersionRow[]>(
      `SELECT "version", to_char("effective_from", 'YYYY-MM-DD') AS "effective_from", "targets" FROM ${this.table} ORDER BY "effective_from" DESC, "version" DESC`,
    );
    const versions = rows.map((row) => ({ version: row.version, effectiveFrom: row.effective_from, targets: row.targets }));
    this.cached = { versions, until: Date.now() + MEMORY_TTL_MS };
    return versions;
  }

  /** The version in force on `date` (YYYY-MM-DD): the latest effective date on or before it. */
  async inForce(date: string): Promise<TimescaleVersionCopy | undefined> {
    return (await this.versions()).find((version) => version.effectiveFrom <= date);
  }

  /** The target for a review type and stage, for an ICB, in force on `date`. */
  async targetInForce(reviewType: string, stage: string, icbOdsCode: string | null, date: string): Promise<TargetInForce | undefined> {
    const version = await this.inForce(date);
    const selected = version && selectTarget(version.targets, reviewType, stage, icbOdsCode);
    return selected && { ...selected.target, version: version.version, scope: selected.scope };
  }
}
