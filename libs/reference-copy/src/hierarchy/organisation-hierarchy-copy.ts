import type { EventEnvelope, OrganisationChangedV1 } from '@scrt/contracts';
import { Inbox, qualifiedTable, type InboxOutcome, type TransactionalSqlClient } from '@scrt/messaging';
import { snapshotOfLatestEvents } from './hierarchy-events.js';
import { OrganisationHierarchy } from './organisation-hierarchy.js';

/** The table (in the consuming service's schema) holding the latest state of each organisation; see the consumer's migration. */
export const ORGANISATION_COPY_TABLE = 'reference_organisation';

/** How long an instance answers from memory before re-reading the table (another instance may have applied an event). */
const MEMORY_TTL_MS = 30_000;

/**
 * A consuming service's local copy of the organisation hierarchy, fed by
 * `reference-data.organisation.changed.v1` through the service's inbox: the latest event of each
 * ODS code is its whole state, so the copy keeps one row per code. Answers "what does this
 * organisation roll up to now" without calling reference-data.
 */
export class OrganisationHierarchyCopy {
  private readonly table: string;
  private readonly inbox: Inbox;
  private cached?: { hierarchy: OrganisationHierarchy; until: number };

  constructor(
    private readonly db: TransactionalSqlClient,
    schema: string,
    private readonly consumer: string,
  ) {
    this.table = qualifiedTable(schema, ORGANISATION_COPY_TABLE);
    this.inbox = new Inbox(schema);
  }

  /** Keeps the event's state unless a later event of the same code is already applied. */
  async apply(event: EventEnvelope<OrganisationChangedV1>): Promise<InboxOutcome> {
    const outcome = await this.inbox.processOnce(this.db, event, this.consumer, async (tx) => {
      await tx.$executeRawUnsafe(
        `INSERT INTO ${this.table} ("ods_code", "state", "occurred_at") VALUES ($1, $2::jsonb, $3::timestamptz)
         ON CONFLICT ("ods_code") DO UPDATE SET "state" = EXCLUDED."state", "occurred_at" = EXCLUDED."occurred_at", "received_at" = now()
         WHERE ${this.table}."occurred_at" <= EXCLUDED."occurred_at"`,
        event.payload.odsCode,
        JSON.stringify(event.payload),
        event.occurredAt,
      );
    });
    this.cached = undefined;
    return outcome;
  }

  /** The hierarchy as the copy holds it (empty until the first events arrive). */
  async hierarchy(): Promise<OrganisationHierarchy> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.hierarchy;
    const rows = await this.db.$queryRawUnsafe<{ state: OrganisationChangedV1 }[]>(`SELECT "state" FROM ${this.table}`);
    const hierarchy = new OrganisationHierarchy(snapshotOfLatestEvents(rows.map((row) => row.state)));
    this.cached = { hierarchy, until: Date.now() + MEMORY_TTL_MS };
    return hierarchy;
  }
}
