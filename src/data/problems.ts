/** A problem found in a dataset, located by a JSON path such as `events[3].excerpts[0].quote`. */
export interface Problem {
  path: string;
  message: string;
}

export type PathSegment = string | number;

export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === '' ? '(root)' : out;
}

export function formatProblem(problem: Problem): string {
  return `${problem.path}: ${problem.message}`;
}

/** The first `limit` problems and how many more there are, so a flood of errors stays readable. */
export function firstProblems(problems: readonly Problem[], limit = 100): { shown: Problem[]; hidden: number } {
  return { shown: problems.slice(0, limit), hidden: Math.max(0, problems.length - limit) };
}
