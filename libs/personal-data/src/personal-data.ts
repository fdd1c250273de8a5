/**
 * Finds what looks like personal data in free text (case brief information and comments, review
 * lessons and recommendations): NHS numbers, dates of birth, UK postcodes, UK phone numbers and
 * e-mail addresses. It says where (field, kind, character range) and never returns the text.
 * Ranges count UTF-16 code units (JavaScript string indices), `end` exclusive.
 */
export const PersonalDataKinds = ['nhs-number', 'date-of-birth', 'postcode', 'phone-number', 'email-address'] as const;
export type PersonalDataKind = (typeof PersonalDataKinds)[number];

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  start: number;
  end: number;
}

export interface PersonalDataFinding extends PersonalDataMatch {
  field: string;
}

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?';
const NUMERIC_DATE = '(?:0?[1-9]|[12]\\d|3[01])[/.-](?:0?[1-9]|1[0-2])[/.-](?:\\d{4}|\\d{2})';
const ISO_DATE = '\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])';
const WRITTEN_DATE = `${DAY}(?:\\s+of)?\\s+(?:${MONTHS})\\.?,?\\s+\\d{4}`;
const US_WRITTEN_DATE = `(?:${MONTHS})\\.?\\s+${DAY},?\\s+\\d{4}`;
const A_DATE = `(?:${ISO_DATE}|${NUMERIC_DATE}|${WRITTEN_DATE}|${US_WRITTEN_DATE})`;
const DOB_KEYWORD = '(?:d\\.?o\\.?b\\.?|date\\s+of\\s+birth)';

interface Detector {
  kind: PersonalDataKind;
  pattern: RegExp;
  /** Further check of a candidate (check digits, numbering plan). */
  accept?: (match: string) => boolean;
}

/**
 * A full date (day, month and year) may be a date of birth: the case's own dates have fields of
 * their own, so a full date in free text is reported as one; "DOB" and "date of birth" are
 * reported with the date that follows them, or alone.
 */
const DETECTORS: Detector[] = [
  { kind: 'email-address', pattern: /[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}/gi },
  { kind: 'nhs-number', pattern: /(?<![\d+])(?:\d[ -]?){9}\d(?!\d)/g, accept: (match) => isValidNhsNumber(match.replace(/\D/g, '')) },
  { kind: 'phone-number', pattern: /(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|0044\s?|\(?0)\d[\d\s()-]{7,14}\d(?!\d)/g, accept: isUkPhoneNumber },
  { kind: 'date-of-birth', pattern: new RegExp(`\\b${DOB_KEYWORD}(?:\\s*[:\\-]?\\s*${A_DATE})?(?![\\w])`, 'gi') },
  { kind: 'date-of-birth', pattern: new RegExp(`(?<![\\w/.-])${A_DATE}(?![\\w/-]|\\.\\d)`, 'gi'), accept: isRealDate },
  // Outward code (area, district), optional space, inward code (sector, unit: never C I K M O V).
  { kind: 'postcode', pattern: /\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/gi },
];

/** NHS number check digit (modulus 11, weights 10 to 2); a remainder giving 10 is never issued. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 9)].reduce((total, digit, index) => total + Number(digit) * (10 - index), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** UK numbering plan: 0 then 9 or 10 digits, not starting 00, 04 or 06 (unused ranges). */
function isUkPhoneNumber(match: string): boolean {
  const digits = match.replace(/\D/g, '');
  const national = digits.startsWith('0044') ? `0${digits.slice(4)}` : digits.startsWith('44') ? `0${digits.slice(2)}` : digits;
  const trunk = national.startsWith('00') ? national.slice(1) : national;
  return /^0[1-35789]\d{8,9}$/.test(trunk);
}

const MONTH_NUMBER: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** The date exists in the calendar (31/02/2015 is not a date). */
function isRealDate(match: string): boolean {
  const parts = dateParts(match);
  if (!parts) return false;
  const { year, month, day } = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function dateParts(match: string): { year: number; month: number; day: number } | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(match);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/.exec(match);
  if (numeric) return { day: Number(numeric[1]), month: Number(numeric[2]), year: fullYear(numeric[3]) };
  const day = /(\d{1,2})(?:st|nd|rd|th)?(?![\d])/i.exec(match.replace(/\d{4}$/, ''));
  const month = /[a-z]{3}/i.exec(match.replace(/\b(?:st|nd|rd|th|of)\b/gi, ''));
  const year = /(\d{4})$/.exec(match);
  if (!day || !month || !year) return undefined;
  return { day: Number(day[1]), month: MONTH_NUMBER[month[0].toLowerCase()], year: Number(year[1]) };
}

/** Two-digit years: 00-29 this century, else the last (a date of birth, not a future date). */
const fullYear = (year: string) => (year.length === 4 ? Number(year) : Number(year) + (Number(year) < 30 ? 2000 : 1900));

/** Every match in one text, in order; where two overlap the one found first (by kind order above) wins. */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  for (const { kind, pattern, accept } of DETECTORS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (accept && !accept(match[0])) continue;
      if (found.some((other) => start < other.end && other.start < end)) continue;
      found.push({ kind, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Every match in the given texts, named by field (absent and empty texts are skipped). */
export function findPersonalDataIn(texts: Record<string, string | null | undefined>): PersonalDataFinding[] {
  return Object.entries(texts).flatMap(([field, text]) => (text ? findPersonalData(text).map((match) => ({ field, ...match })) : []));
}
