import type { Problem } from '../data/problems';
import { firstProblems } from '../data/problems';

/** Problems with their JSON paths; a flood is cut to the first hundred and the rest counted. */
export function ProblemList({ problems }: { problems: readonly Problem[] }) {
  const { shown, hidden } = firstProblems(problems);
  return (
    <>
      <ul className="problem-list">
        {shown.map((problem, i) => (
          <li key={i}>
            <code className="problem-path">{problem.path}</code>: {problem.message}
          </li>
        ))}
      </ul>
      {hidden > 0 ? <p className="problem-more">…and {hidden.toLocaleString('en')} more problems.</p> : null}
    </>
  );
}
