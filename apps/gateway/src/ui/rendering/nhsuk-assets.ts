import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { ASSETS } from './asset-paths.js';
import { nhsukPackageRoot } from './view-environment.js';


const NHSUK_SCRIPTS = new Set(['nhsuk-frontend.min.js', 'nhsuk-frontend.min.js.map']);

/**
 * nhsuk-frontend's compiled CSS without the @font-face rules that fetch Frutiger from
 * assets.nhs.uk: that host is a third party our CSP (font-src 'self') refuses, and the font is
 * licensed for NHS sites, so we do not copy it. Text falls back to the design system's own
 * stack (Arial). Rules with same-site sources are kept; the source map no longer lines up.
 */
export function withoutRemoteFonts(css: string): string {
  return css
    .replace(/@font-face\s*\{[^}]*\}/g, (rule) => (/url\(\s*["']?(https?:)?\/\//.test(rule) ? '' : rule))
    .replace(/\/\*# sourceMappingURL=[^*]*\*\/\s*$/, '');
}

/**
 * Serves what the pages load, all from the gateway itself: nhsuk-frontend's images and manifest
 * under `/assets/` (where its CSS and template look for them), its script module, our CSS copy
 * and our own scripts (`ui/assets`).
 */
export async function serveNhsukAssets(fastify: FastifyInstance): Promise<void> {
  const nhsukDist = join(nhsukPackageRoot(), 'dist', 'nhsuk');
  const css = withoutRemoteFonts(readFileSync(join(nhsukDist, 'nhsuk-frontend.min.css'), 'utf8'));
  fastify.get(ASSETS.css, (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css));
  // decorateReply: false leaves reply.sendFile to whoever else registers @fastify/static (Swagger UI does).
  await fastify.register(fastifyStatic, { root: join(nhsukDist, 'assets'), prefix: '/assets/', decorateReply: false });
  await fastify.register(fastifyStatic, {
    root: nhsukDist,
    prefix: '/assets/nhsuk/',
    decorateReply: false,
    allowedPath: (pathName) => NHSUK_SCRIPTS.has(pathName.replace(/^\//, '')),
  });
  await fastify.register(fastifyStatic, { root: join(import.meta.dirname, '..', 'assets'), prefix: '/assets/scrt/', decorateReply: false });
}
