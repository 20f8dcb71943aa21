import type { RejectedItem } from '../data/model';
import type { Problem } from '../data/problems';
import { ProblemList } from './ProblemList';

/** The page shown when nothing in a dataset is usable: every problem, where it is, and why. */
export function DatasetErrorPage({ problems }: { problems: readonly Problem[] }) {
  return (
    <main className="error-page" aria-labelledby="error-heading">
      <h1 id="error-heading">This dataset cannot be shown</h1>
      <p>
        {problems.length === 1 ? 'One problem was found' : `${problems.length.toLocaleString('en')} problems were found`}. Each names
        where it is in the file, as a JSON path or a line and column.
      </p>
      <ProblemList problems={problems} />
    </main>
  );
}

/** A visible, expandable account of what was left out of a partly valid dataset. */
export function RejectedNotice({ rejected }: { rejected: readonly RejectedItem[] }) {
  if (rejected.length === 0) return null;
  const problems = rejected.flatMap((r) => r.problems);
  return (
    <details className="rejected-notice">
      <summary>
        {rejected.length === 1 ? '1 item' : `${rejected.length.toLocaleString('en')} items`} in this dataset could not be used and {rejected.length === 1 ? 'is' : 'are'} not
        shown. See why
      </summary>
      <ProblemList problems={problems} />
    </details>
  );
}
