import type { EventContract, EventEnvelope } from '@scrt/contracts';
import type { SqlParameters } from '@scrt/persistence';
import type { SqlClient } from '../sql-client.js';
import { buildEnvelope, envelopeHeaders, type AppendContext } from './event-envelope.js';
import { OutboxTable } from './outbox-table.js';

/** Who writes the outbox, and where. */
export interface OutboxWriterOptions {
  /** The producing service: the envelope's `producer`. */
  serviceName: string;
  /** The service's database schema, which holds `outbox_event`. */
  schema: string;
}

/** Records events in the outbox, inside the caller's transaction, for the relay to publish. */
export class OutboxWriter {
  private readonly table: OutboxTable;

  constructor(private readonly options: OutboxWriterOptions) {
    this.table = new OutboxTable(options.schema);
  }

  /** Validates the payload, builds the envelope and inserts it with `tx`; returns the envelope. */
  async append<P extends object>(tx: SqlClient, contract: EventContract<P>, payload: P, context: AppendContext): Promise<EventEnvelope<P>> {
    const envelope = buildEnvelope(contract, payload, context, this.options.serviceName);
    await this.table.insert(tx, this.rowOf(contract, envelope));
    return envelope;
  }

  /**
   * For a use case that writes in one statement: validates the payload, builds the envelope and
   * returns its insert as an `INSERT ... SELECT ... FROM source` (a data-modifying CTE), so the
   * event is recorded exactly when the use case's own row is, in the same transaction.
   */
  appendFromSql<P extends object>(parameters: SqlParameters, source: string, contract: EventContract<P>, payload: P, context: AppendContext): string {
    const envelope = buildEnvelope(contract, payload, context, this.options.serviceName);
    return this.table.insertFromSql(parameters, source, this.rowOf(contract, envelope));
  }

  private rowOf<P extends object>(contract: EventContract<P>, envelope: EventEnvelope<P>) {
    return { topic: contract.topic, key: envelope.aggregateId, envelope, headers: envelopeHeaders(envelope) };
  }
}
