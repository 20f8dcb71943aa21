import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
  componentStack: string;
}

/** Turns an unexpected failure in the views into a message with a way out, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
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
    const details = `${error.name}: ${error.message}\n${error.stack ?? ''}\n${componentStack}`.trim();
    return (
      <main className="error-page" aria-labelledby="crash-heading">
        <h1 id="crash-heading">Something went wrong while showing this timeline</h1>
        <p>The page could not draw this view. Reloading usually helps; if it does not, the details below tell us what failed.</p>
        <p>
          <button type="button" className="tool-button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </p>
        <label className="error-details-label" htmlFor="crash-details">
          Error details (select and copy)
        </label>
        <textarea id="crash-details" className="error-details" readOnly value={details} rows={8} />
      </main>
    );
  }
}
