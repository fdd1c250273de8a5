import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@scrt/contracts';
import { ProxyService } from '../../proxy/proxy.service.js';
import type { UpstreamResponse } from '../../proxy/upstream-client.js';
import { failure, parseBody } from '../cases/case-api.js';
import type { ReportAnswer, ReportName } from './report-pages/report-answer.js';

/**
 * The reports API (`/api/v1/reports`) on behalf of the signed-in user: the service scopes each
 * answer to the user's ICB, region or nation and audits the read or export, as for any client.
 */
@Injectable()
export class ReportApi {
  constructor(@Inject(ProxyService) private readonly proxy: ProxyService) {}

  async read(principal: Principal, name: ReportName, query: URLSearchParams): Promise<ReportAnswer> {
    return parseBody(await this.get(principal, `/api/v1/reports/${name}?${query}`, 'application/json')) as ReportAnswer;
  }

  async csv(principal: Principal, name: ReportName, query: URLSearchParams): Promise<{ csv: Buffer; dataAsOf: string | undefined }> {
    const response = await this.get(principal, `/api/v1/reports/${name}/csv?${query}`, 'text/csv');
    const dataAsOf = response.headers['x-data-as-of'];
    return { csv: response.body, dataAsOf: typeof dataAsOf === 'string' ? dataAsOf : undefined };
  }

  private async get(principal: Principal, path: string, accept: string): Promise<UpstreamResponse> {
    const response = await this.proxy.call(principal, { method: 'GET', path, headers: { accept } });
    if (response.status >= 200 && response.status < 300) return response;
    throw failure(response);
  }
}
