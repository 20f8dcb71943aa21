import type { Problem } from '../data/problems';
import { firstProblems } from '../data/problems';
import { useI18n } from '../i18n';

/**
 * Problems with their JSON paths; a flood is cut to the first hundred and the rest counted. The problems
 * themselves are the validator's words, shared with `npm run validate`, so they stay in English (marked
 * so); the page says as much in other languages.
 */
export function ProblemList({ problems }: { problems: readonly Problem[] }) {
  const { t, lang } = useI18n();
  const { shown, hidden } = firstProblems(problems);
  return (
    <>
      {lang === 'en' ? null : <p className="problem-language">{t('problems.inEnglish')}</p>}
      <ul className="problem-list" lang="en">
        {shown.map((problem, i) => (
          <li key={i}>
            <code className="problem-path">{problem.path}</code>: {problem.message}
          </li>
        ))}
      </ul>
      {hidden > 0 ? <p className="problem-more">{t('problems.more', { count: hidden })}</p> : null}
    </>
  );
}
