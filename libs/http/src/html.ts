/** Markup that is safe to insert as is: written by us, already escaped, or handed over by a trusted library. */
export class SafeHtml {
  constructor(readonly markup: string) {}

  toString(): string {
    return this.markup;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * Tagged template for markup: every interpolated value is escaped (text and attribute values
 * alike) unless it is SafeHtml, so nested templates compose without double escaping.
 */
export function html(literals: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  return new SafeHtml(literals.reduce((markup, literal, index) => markup + render(values[index - 1]) + literal));
}
