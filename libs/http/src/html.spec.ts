import { describe, expect, it } from '@jest/globals';
import { SafeHtml, escapeHtml, html } from './html.js';

describe('html', () => {
  it('escapes every interpolated string, in text and in attribute values', () => {
    const name = `<script>alert("x")</script> & 'co'`;
    expect(html`<p title="${name}">${name}</p>`.markup).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</p>',
    );
  });

  it('inserts nested templates as they are, so nothing is escaped twice', () => {
    const inner = html`<em>${'a & b'}</em>`;
    expect(html`<p>${inner}</p>`.markup).toBe('<p><em>a &amp; b</em></p>');
  });

  it('joins lists, escaping each item', () => {
    expect(html`<ul>${['<a>', html`<li>ok</li>`]}</ul>`.markup).toBe('<ul>&lt;a&gt;<li>ok</li></ul>');
  });

  it('renders nothing for undefined, null and false, and text for numbers', () => {
    expect(html`[${undefined}${null}${false}${0}]`.markup).toBe('[0]');
  });

  it('never treats a plain string as markup, whatever it contains', () => {
    expect(html`${'<b>bold</b>'}`).toEqual(new SafeHtml('&lt;b&gt;bold&lt;/b&gt;'));
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('html template tag, as the identity provider pages use it', () => {
  it('escapes interpolated text, including inside attributes', () => {
    expect(html`<p title="${'"x" & <y>'}">${"<script>alert('x')</script>"}</p>`.markup).toBe(
      '<p title="&quot;x&quot; &amp; &lt;y&gt;">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>',
    );
  });

  it('embeds safe markup and arrays of it as they are, and skips absent values', () => {
    const items = ['a<', 'b'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>${undefined}${false}${new SafeHtml('<hr>')}`.markup).toBe('<ul><li>a&lt;</li><li>b</li></ul><hr>');
  });
});
