import { describe, expect, it } from '@jest/globals';
import { SafeHtml, escapeHtml, html } from './html.js';

describe('html', () => {
  it('escapes every interpolated string, in text and in attribute values', () => {
    const name = `<script>alert("x")</script> & 'co'`;
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</p>',
    );
  });

  it('inserts nested templates as they are, so nothing is escaped twice', () => {
    const inner = html`<em>${'a & b'}</em>`;
    expect(html`<p>${inner}</p>`.value).toBe('<p><em>a &amp; b</em></p>');
  });

  it('joins lists, escaping each item', () => {
    expect(html`<ul>${['<a>', html`<li>ok</li>`]}</ul>`.value).toBe('<ul>&lt;a&gt;<li>ok</li></ul>');
  });

  it('renders nothing for undefined, null and false, and text for numbers', () => {
    expect(html`[${undefined}${null}${false}${0}]`.value).toBe('[0]');
  });

  it('never treats a plain string as markup, whatever it contains', () => {
    expect(html`${'<b>bold</b>'}`).toEqual(new SafeHtml('&lt;b&gt;bold&lt;/b&gt;'));
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});
