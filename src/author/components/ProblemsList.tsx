import { forwardRef, useId } from 'react';
import { formatProblem, type Problem } from '../../data/problems';
import { useAuthorText } from '../i18n/useAuthorText';

/** The validator's problems with the draft, exactly as `npm run validate` prints them. */
export const ProblemsList = forwardRef<HTMLHeadingElement, { problems: readonly Problem[] }>(function ProblemsList({ problems }, ref) {
  const t = useAuthorText();
  const id = useId();
  return (
    <section className="panel author-problems" aria-labelledby={id}>
      <div className="panel-header">
        <h2 className="panel-title" id={id} ref={ref} tabIndex={-1}>
          {t('problems.heading')}
        </h2>
      </div>
      <p className="author-help" aria-live="polite">
        {problems.length === 0 ? t('problems.none') : t('problems.count', { count: problems.length })}
      </p>
      <ul className="author-problem-list" aria-labelledby={id} lang="en">
        {problems.map((problem, i) => (
          <li key={`${problem.path}-${i}`}>
            <code>{formatProblem(problem)}</code>
          </li>
        ))}
      </ul>
      <p className="author-help">{t('problems.inEnglish')}</p>
    </section>
  );
});
