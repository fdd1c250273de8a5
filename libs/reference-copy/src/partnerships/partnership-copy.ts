import type { EventEnvelope, PartnershipChangedV1 } from '@scrt/contracts';
import { Inbox, qualifiedTable, type InboxOutcome, type TransactionalSqlClient } from '@scrt/messaging';

/** The table (in the consuming service's schema) holding the latest state of each partnership; see the consumer's migration. */
export const PARTNERSHIP_COPY_TABLE = 'reference_partnership';

/**
 * A consuming service's local copy of the safeguarding partnerships, fed by
 * `reference-data.partnership.changed.v1` through the service's inbox: each event is a
 * partnership's whole state, so the copy keeps the highest version of each id.
 */
export class PartnershipCopy {
  private readonly table: string;
  private readonly inbox: Inbox;

  constructor(
    private readonly db: TransactionalSqlClient,
    schema: string,
    private readonly consumer: string,
  ) {
    this.table = qualifiedTable(schema, PARTNERSHIP_COPY_TABLE);
    this.inbox = new Inbox(schema);
  }

  /** Keeps the event's state unless a later version of the same partnership is already applied. */
  apply(event: EventEnvelope<PartnershipChangedV1>): Promise<InboxOutcome> {
    const { payload } = event;
    return this.inbox.processOnce(this.db, event, this.consumer, async (tx) => {
      await tx.$executeRawUnsafe(
        `INSERT INTO ${this.table} ("id", "state", "version") VALUES ($1::uuid, $2::jsonb, $3::int)
         ON CONFLICT ("id") DO UPDATE SET "state" = EXCLUDED."state", "version" = EXCLUDED."version", "received_at" = now()
         WHERE ${this.table}."version" < EXCLUDED."version"`,
        payload.id,
        JSON.stringify(payload),
        payload.version,
      );
    });
  }

  /** The partnership's latest state, if the copy has it. */
  async find(id: string): Promise<PartnershipChangedV1 | undefined> {
    const rows = await this.db.$queryRawUnsafe<{ state: PartnershipChangedV1 }[]>(`SELECT "state" FROM ${this.table} WHERE "id" = $1::uuid`, id);
    return rows[0]?.state;
  }
}
