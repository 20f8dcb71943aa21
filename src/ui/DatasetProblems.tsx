import type { RejectedItem } from '../data/model';
import { ProblemList } from './ProblemList';
import { useI18n } from '../i18n';

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
