import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One finding of a linter, enough to act on it. */
export interface LintProblem {
  linter: 'spectral' | 'redocly';
  rule: string;
  severity: string;
  where: string;
  message: string;
}

const SPECTRAL_SEVERITIES = ['error', 'warning', 'info', 'hint'];

/**
 * Spectral (`.spectral.yaml`: `spectral:oas`) and Redocly (`redocly.yaml`: `recommended`) over one
 * OpenAPI file, with the repository's rulesets; every finding of any severity is returned.
 */
export async function lintOpenApiFile(root: string, file: string): Promise<LintProblem[]> {
  const bin = (name: string) => join(root, 'node_modules', '.bin', name);
  const options = { cwd: root, maxBuffer: 16 * 1024 * 1024 };
  // Both exit non-zero when they find errors: their report is still on stdout.
  const output = (error: unknown) => (error as { stdout?: string }).stdout ?? Promise.reject(error);
  const [spectralOutput, redoclyOutput] = await Promise.all([
    run(bin('spectral'), ['lint', '--quiet', '--format', 'json', '--ruleset', join(root, '.spectral.yaml'), file], options).then((result) => result.stdout, output),
    run(bin('redocly'), ['lint', '--format', 'json', '--config', join(root, 'redocly.yaml'), file], options).then((result) => result.stdout, output),
  ]);

  const spectral = (JSON.parse(spectralOutput) as { code: string; severity: number; path: string[]; message: string }[]).map(
    (problem): LintProblem => ({ linter: 'spectral', rule: problem.code, severity: SPECTRAL_SEVERITIES[problem.severity], where: problem.path.join('.'), message: problem.message }),
  );
  const redocly = (
    JSON.parse(redoclyOutput.slice(redoclyOutput.indexOf('{'))) as { problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[] }
  ).problems.map((problem): LintProblem => ({ linter: 'redocly', rule: problem.ruleId, severity: problem.severity, where: problem.location[0]?.pointer ?? '', message: problem.message }));
  return [...spectral, ...redocly];
}
