/**
 * The positional parameters of one SQL statement put together from parts (a use case's CTEs):
 * each part binds its values through `add`, which returns the placeholder (`$3::uuid`).
 */
export class SqlParameters {
  readonly values: unknown[] = [];

  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return `$${this.values.length}${cast ? `::${cast}` : ''}`;
  }
}
