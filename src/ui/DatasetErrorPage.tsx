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
export default function DatasetErrorPage({ problems, title, backHref = null }: DatasetErrorPageProps) {
  const { t } = useI18n();
  return (
    <main className="error-page" aria-labelledby="error-heading">
      <h1 id="error-heading">{title ?? t('problems.cannotShow')}</h1>
      <p>
        {t('problems.found', { count: problems.length })} {t('problems.where')}
      </p>
      <ProblemList problems={problems} />
      {backHref !== null ? (
        <p>
          <a href={backHref}>{t('problems.openBundled')}</a>
        </p>
      ) : null}
    </main>
  );
}

