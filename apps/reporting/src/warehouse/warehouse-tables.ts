import { qualifiedTable } from '@scrt/messaging';

/** The live warehouse's schema. */
export const WAREHOUSE_SCHEMA = 'reporting';
/** The inbox of the warehouse's facts: swapped with them when the warehouse is rebuilt. */
export const WAREHOUSE_INBOX_TABLE = 'warehouse_inbox';
export const WAREHOUSE_CONSUMER = 'reporting.warehouse';

/** Every table a rebuild fills afresh and swaps in (the dimensions and copies stay). */
export const WAREHOUSE_FACT_TABLES = ['case_fact', 'case_theme_fact', 'review_fact', 'stage_transition_fact', 'learning_fact', 'report_summary', 'summary_dirty', 'warehouse_state', WAREHOUSE_INBOX_TABLE] as const;

/**
 * The order a rebuild's swap locks the live tables in: the inbox first (the live consumer writes it
 * first, so it never holds a fact table the swap waits for). Writers that lock tables up front take them in this order too.
 */
export const WAREHOUSE_SWAP_LOCK_ORDER = [WAREHOUSE_INBOX_TABLE, ...WAREHOUSE_FACT_TABLES.filter((table) => table !== WAREHOUSE_INBOX_TABLE)];

/** The tables of one warehouse (the live one in `reporting`, or one being rebuilt in its own schema). */
export class WarehouseTables {
  constructor(readonly schema: string) {}

  table(name: (typeof WAREHOUSE_FACT_TABLES)[number]): string {
    return qualifiedTable(this.schema, name);
  }

  /** DDL creating empty copies of the live fact tables (columns, defaults, keys, indexes) in this schema. */
  createLikeLiveSql(): string[] {
    return [
      `CREATE SCHEMA "${this.schema}"`,
      ...WAREHOUSE_FACT_TABLES.map((name) => `CREATE TABLE ${this.table(name)} (LIKE ${qualifiedTable(WAREHOUSE_SCHEMA, name)} INCLUDING ALL)`),
    ];
  }
}
