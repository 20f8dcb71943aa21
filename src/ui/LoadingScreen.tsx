import type { ReactNode } from 'react';
import type { LoadProgress } from '../data/loadProtocol';
import { useI18n, type I18n } from '../i18n';

/**
 * What loading is doing and how far it has got: bytes downloaded or read, sources checked and handed to the
 * page, events checked, events handed to the page, lanes laid out, the first view prepared. The sample's
 * generating cannot say how far it is: a moving bar.
 */
export function LoadingScreen({ progress, source, cancel }: { progress: LoadProgress | null; source: string | null; cancel: ReactNode }) {
  const { t, formatNumber } = useI18n();
  const megabytes = (bytes: number) => formatNumber(bytes / 1048576, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const percent = progress?.total ? Math.round((progress.done / progress.total) * 100) : null;
  let text = t('app.loading');
  let label = t('app.downloadProgress');
  let measured = false;
  if (progress) {
    const { stage, done, total } = progress;
    measured = total !== null && total > 0 && stage !== 'generating';
    const bytes = percent === null ? t('app.downloaded', { megabytes: megabytes(done) }) : t('app.downloadedPercent', { megabytes: megabytes(done), percent });
    // A dataset of ours is checked as it arrives: how many events so far, beside the bytes.
    const checked = progress.checked ? `\u00a0· ${t('app.checkedSoFar', { count: progress.checked })}` : '';
    if (stage === 'downloading') text = done > 0 ? `${t('app.loading')} ${bytes}${checked}` : t('app.loading');
    else if (stage === 'reading') text = `${t('app.reading')} ${bytes}${checked}`;
    else {
      label = t('app.checkProgress');
      text = countedStageText(t, stage, done, total);
    }
  }
  return (
    <div className="loading" role="status">
      {source ? <p className="loading-source">{t('app.opening', { name: source })}</p> : null}
      <p>{text}</p>
      {progress ? <progress max={measured ? (progress.total ?? undefined) : undefined} value={measured ? progress.done : undefined} aria-label={label} /> : null}
      {cancel}
    </div>
  );
}

/** What a stage that counts records (not bytes) says. */
function countedStageText(t: I18n['t'], stage: Exclude<LoadProgress['stage'], 'downloading' | 'reading'>, done: number, given: number | null): string {
  const total = given ?? done;
  switch (stage) {
    case 'generating':
      return t('app.generating', { count: total });
    case 'splitting':
      return t('app.splitting', { percent: total > 0 ? Math.floor((done / total) * 100) : 0 });
    case 'converting':
      return t('app.converting', { done, total });
    case 'sources':
      return t('app.checkingSources', { done, total });
    case 'sendingSources':
      return t('app.sendingSources', { done, total });
    case 'checking':
      return t('app.checking', { done, total });
    case 'sending':
      return t('app.sending', { done, total });
    case 'lanes':
      // How many lanes there are is known once the events have been sorted into them.
      return given === null ? t('app.layingOutStart') : t('app.layingOut', { done, total });
    case 'drawing':
      return t('app.drawing', { count: total });
  }
}
