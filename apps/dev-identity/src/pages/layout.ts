import { html, SafeHtml } from '@scrt/http';

const STYLE = `body{font-family:Arial,sans-serif;line-height:1.5;margin:0;color:#212b32;background:#f0f4f5}
header{background:#005eb8;color:#fff;padding:.5rem 1rem}main{max-width:44rem;margin:1rem auto;padding:0 1rem}
ul{list-style:none;padding:0}li{margin:0 0 .75rem}button{font-size:1rem;padding:.4rem .8rem;margin-right:.5rem;cursor:pointer}
button:focus,input:focus{outline:3px solid #ffeb3b}fieldset{border:0;padding:0}legend{font-weight:bold}
.radio{margin:.5rem 0}`;

export function htmlPage(title: string, body: SafeHtml): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} - SCRT development sign-in</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body>
<header><p>SCRT development identity provider: fictional accounts, not NHS CIS2.</p></header>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>`.markup;
}
