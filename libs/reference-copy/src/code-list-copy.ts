import type { CodeListPublishedV1, EventEnvelope, PublishedCodeV1 } from '@scrt/contracts';
import { Inbox, qualifiedTable, type InboxOutcome, type TransactionalSqlClient } from '@scrt/messaging';

/** One published version of a code list as the consuming service holds it. */
export interface CodeListVersionCopy {
  listCode: string;
  listName: string;
  version: number;
  effectiveFrom: string;
  codes: PublishedCodeV1[];
}

/**
 * `valid`: usable on a new record; `deprecated`: known but refused on new records; `unknown`: not
 * in the version in force; `no-version`: the copy holds no version of the list in force on that date.
 */
export type CodeCheck = { outcome: 'valid'; code: PublishedCodeV1; version: number } | { outcome: 'deprecated'; code: PublishedCodeV1; version: number } | { outcome: 'unknown'; version: number } | { outcome: 'no-version' };

interface VersionRow {
  list_code: string;
  list_name: string;
  version: number;
  effective_from: string;
  codes: PublishedCodeV1[];
}

/** The table (in the consuming service's schema) that holds the copy; see the migration of each consumer. */
export const CODE_LIST_COPY_TABLE = 'reference_code_list_version';

/** How long an instance answers from memory before re-reading the table (another instance may have applied an event). */
const MEMORY_TTL_MS = 30_000;

/**
 * A consuming service's local copy of the published code lists, fed by
 * `reference-data.code-list.published.v1` through the service's inbox (each event applied once),
 * so that validating a code never calls reference-data.
 */
export class CodeListCopy {
  private readonly table: string;
  private readonly inbox: Inbox;
  /** Every version of every list, latest first within a list: a record's checks read a dozen lists. */
  private cached?: { versions: Map<string, CodeListVersionCopy[]>; until: number };

  constructor(
    private readonly db: TransactionalSqlClient,
    schema: string,
    private readonly consumer: string,
  ) {
    this.table = qualifiedTable(schema, CODE_LIST_COPY_TABLE);
    this.inbox = new Inbox(schema);
  }

  /** Stores the published version once, however often the event is delivered. */
  async apply(event: EventEnvelope<CodeListPublishedV1>): Promise<InboxOutcome> {
    const { payload } = event;
    const outcome = await this.inbox.processOnce(this.db, event, this.consumer, async (tx) => {
      await tx.$executeRawUnsafe(
        `INSERT INTO ${this.table} ("list_code", "version", "list_name", "effective_from", "codes") VALUES ($1, $2::int, $3, $4::date, $5::jsonb)
         ON CONFLICT ("list_code", "version") DO NOTHING`,
        payload.listCode,
        payload.version,
        payload.listName,
        payload.effectiveFrom,
        JSON.stringify(payload.codes),
      );
    });
    this.cached = undefined;
    return outcome;
  }

  /** The version in force on `date` (YYYY-MM-DD): the latest effective date on or before it, then the highest version. */
  async inForce(listCode: string, date: string): Promise<CodeListVersionCopy | undefined> {
    return (await this.versions()).get(listCode)?.find((version) => version.effectiveFrom <= date);
  }

  private async versions(): Promise<Map<string, CodeListVersionCopy[]>> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.versions;
    const rows = await this.db.$queryRawUnsafe<VersionRow[]>(
      `SELECT "list_code", "list_name", "version", to_char("effective_from", 'YYYY-MM-DD') AS "effective_from", "codes" FROM ${this.table}
       ORDER BY "list_code", "effective_from" DESC, "version" DESC`,
    );
    const versions = new Map<string, CodeListVersionCopy[]>();
    for (const row of rows) {
      const list = versions.get(row.list_code) ?? [];
      list.push({ listCode: row.list_code, listName: row.list_name, version: row.version, effectiveFrom: row.effective_from, codes: row.codes });
      versions.set(row.list_code, list);
    }
    this.cached = { versions, until: Date.now() + MEMORY_TTL_MS };
    return versions;
  }

  /** Is `code` valid for a new record on `date` (normally today)? */
  async checkForNewRecord(listCode: string, code: string, date: string): Promise<CodeCheck> {
    const version = await this.inForce(listCode, date);
    if (!version) return { outcome: 'no-version' };
    const entry = version.codes.find((candidate) => candidate.code === code);
    if (!entry) return { outcome: 'unknown', version: version.version };
    return { outcome: entry.deprecated ? 'deprecated' : 'valid', code: entry, version: version.version };
  }

  /** What `code` meant on `date`: its entry in the version then in force (deprecated or not), if it had one. */
  async meaningAt(listCode: string, code: string, date: string): Promise<PublishedCodeV1 | undefined> {
    return (await this.inForce(listCode, date))?.codes.find((candidate) => candidate.code === code);
  }
}
