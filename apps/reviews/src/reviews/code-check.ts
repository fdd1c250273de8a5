import { ValidationFailedError } from '@scrt/http';
import type { CodeListCopy } from '@scrt/reference-copy';
import type { IsoDate } from '@scrt/working-days';
import { ReferenceDataUnavailableError } from './reviews.errors.js';

/** Against the local copy of the list in force today: reference-data is never called on a write. */
export async function assertCodeForNewRecord(codeLists: CodeListCopy, list: string, field: string, code: string, today: IsoDate): Promise<void> {
  const check = await codeLists.checkForNewRecord(list, code, today);
  if (check.outcome === 'valid') return;
  if (check.outcome === 'no-version') throw new ReferenceDataUnavailableError(`version of the ${list} code list`);
  const problem =
    check.outcome === 'deprecated'
      ? { field, code: 'DEPRECATED_CODE', message: `${field} ${code} is deprecated in ${list} version ${check.version}: not accepted on new records` }
      : { field, code: 'UNKNOWN_CODE', message: `${field} ${code} is not a code of ${list} version ${check.version}` };
  throw new ValidationFailedError([problem], problem.message);
}
