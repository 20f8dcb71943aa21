import type { RejectedItem } from '../data/model';
import type { Problem } from '../data/problems';
import { ProblemList } from './ProblemList';
import { useI18n } from '../i18n';

interface DatasetErrorPageProps {
  problems: readonly Problem[];
  title?: string;
  /** Where the bundled dataset can be opened instead; null when this is the bundled dataset. */
  backHref?: string | null;
}

/** The page shown when nothing in a dataset is usable: every problem, where it is, and why. */
export function DatasetErrorPage({ problems, title, backHref = null }: DatasetErrorPageProps) {
  const { t } = useI18n();
  return (
    <main className="error-page" aria-labelledby="error-heading">
      <h1 id="error-heading">{title ?? t('problems.cannotShow')}</h1>
      <p>{t('problems.found', { count: problems.length })}</p>
      <ProblemList problems={problems} />
      {backHref !== null ? (
        <p>
          <a href={backHref}>{t('problems.openBundled')}</a>
        </p>
      ) : null}
    </main>
  );
}

/** A visible, expandable account of what was left out of a partly valid dataset. */
export function RejectedNotice({ rejected }: { rejected: readonly RejectedItem[] }) {
  const { t } = useI18n();
  if (rejected.length === 0) return null;
  const problems = rejected.flatMap((r) => r.problems);
  return (
    <details className="rejected-notice">
      <summary>{t('problems.rejected', { count: rejected.length })}</summary>
      <ProblemList problems={problems} />
    </details>
  );
}
