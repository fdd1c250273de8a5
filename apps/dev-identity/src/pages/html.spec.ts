import { html, SafeHtml } from './html.js';

describe('html template tag', () => {
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
