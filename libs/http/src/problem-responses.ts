import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse } from '@nestjs/swagger';
import { ProblemDto, problemContent } from './problem.dto.js';

/** Answers any operation can give before or after its own code runs (limits of the server, outages). */
export const COMMON_PROBLEM_RESPONSES: Readonly<Record<number, string>> = {
  414: 'The request URL is too long.',
  431: 'The request headers are too large.',
  500: 'Unexpected error: quote `correlationId` when reporting it.',
  503: 'A service behind the gateway did not answer: retry shortly.',
};

/** Answers only an operation that reads a request body can give. */
export const BODY_PROBLEM_RESPONSES: Readonly<Record<number, string>> = {
  413: 'The request body is larger than the server accepts.',
  415: 'The request body is not `application/json`.',
};

const problemResponses = (responses: Readonly<Record<number, string>>) =>
  applyDecorators(
    ApiExtraModels(ProblemDto),
    ...Object.entries(responses).map(([status, description]) => ApiResponse({ status: Number(status), description, ...problemContent })),
  );

/** Every protected operation carries these (through `@RequirePermission`). */
export const ApiCommonProblemResponses = () => problemResponses(COMMON_PROBLEM_RESPONSES);

/** For operations with a JSON request body. */
export const ApiBodyProblemResponses = () => problemResponses(BODY_PROBLEM_RESPONSES);
