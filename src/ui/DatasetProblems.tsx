import type { RejectedItem } from '../data/model';
import type { Problem } from '../data/problems';
import { ProblemList } from './ProblemList';

interface DatasetErrorPageProps {
  problems: readonly Problem[];
  title?: string;
  /** Where the bundled dataset can be opened instead; null when this is the bundled dataset. */
  backHref?: string | null;
}

/** The page shown when nothing in a dataset is usable: every problem, where it is, and why. */
export function DatasetErrorPage({ problems, title = 'This dataset cannot be shown', backHref = null }: DatasetErrorPageProps) {
  return (
    <main className="error-page" aria-labelledby="error-heading">
      <h1 id="error-heading">{title}</h1>
      <p>
        {problems.length === 1 ? 'One problem was found' : `${problems.length.toLocaleString('en')} problems were found`}. Each names
        where it is in the file, as a JSON path or a line and column.
      </p>
      <ProblemList problems={problems} />
      {backHref !== null ? (
        <p>
          <a href={backHref}>Open the bundled dataset instead</a>
        </p>
      ) : null}
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
