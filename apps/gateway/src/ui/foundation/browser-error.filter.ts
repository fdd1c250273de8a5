import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemDetailsFilter, toProblem } from '@scrt/http';
import { cspNonceOf } from '../rendering/csp-nonce.js';
import { isPagePath } from '../rendering/page-paths.js';
import { pageLocals } from '../rendering/page-locals.js';
import { renderPage } from '../rendering/responses.js';
import { errorPageFor } from './error-page.js';

/**
 * Browser paths get an NHS-styled page with a way on, never raw JSON; `/api/*` and the probes
 * keep their problem+json answers.
 */
@Catch()
export class BrowserErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('BrowserErrorFilter');
  private readonly problems = new ProblemDetailsFilter();

  async catch(error: unknown, host: ArgumentsHost): Promise<void> {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    if (!isPagePath(request.url)) return this.problems.catch(error, host);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const problem = toProblem(error, request.url.split('?')[0]);
    if (problem.status >= 500) this.logger.error({ message: 'page failed', code: problem.code, error: String(error).split('\n')[0].slice(0, 500) });
    const page = errorPageFor(problem);
    // The locals hook has not run when the error came before it (an unknown route's 404 has it).
    const locals = { ...pageLocals(undefined, '', cspNonceOf(reply)), ...reply.locals };
    try {
      await renderPage(reply, page.status, 'error.njk', { ...locals, page });
    } catch (renderError) {
      this.logger.error({ message: 'error page could not be rendered', error: String(renderError).slice(0, 500) });
      if (!reply.sent) await reply.status(page.status).type('text/plain; charset=utf-8').send(page.title);
    }
  }
}
