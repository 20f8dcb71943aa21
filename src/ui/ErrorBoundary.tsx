import { Component, type ContextType, type ErrorInfo, type ReactNode } from 'react';
import { I18nContext } from '../i18n';

interface State {
  error: Error | null;
  componentStack: string;
}

/** Turns an unexpected failure in the views into a message with a way out, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  static override contextType = I18nContext;
  declare context: ContextType<typeof I18nContext>;
  override state: State = { error: null, componentStack: '' };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.setState({ componentStack: info.componentStack ?? '' });
    console.error('The timeline failed to render:', error);
  }

  override render() {
    const { error, componentStack } = this.state;
    if (!error) return this.props.children;
    const { t } = this.context.i18n;
    const details = `${error.name}: ${error.message}\n${error.stack ?? ''}\n${componentStack}`.trim();
    return (
      <main className="error-page" aria-labelledby="crash-heading">
        <h1 id="crash-heading">{t('crash.heading')}</h1>
        <p>{t('crash.body')}</p>
        <p>
          <button type="button" className="tool-button" onClick={() => window.location.reload()}>
            {t('crash.reload')}
          </button>
        </p>
        <label className="error-details-label" htmlFor="crash-details">
          {t('crash.details')}
        </label>
        <textarea id="crash-details" className="error-details" readOnly value={details} rows={8} />
      </main>
    );
  }
}
