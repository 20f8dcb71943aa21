// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { ErrorBoundary } from '../../src/ui/ErrorBoundary';

function Broken(): never {
  throw new Error('layout exploded');
}

describe('the error boundary', () => {
  it('turns an unexpected failure into a message with Reload and the details to copy', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('heading', { name: /Something went wrong/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    expect((screen.getByRole('textbox', { name: /Error details/ }) as HTMLTextAreaElement).value).toContain('Error: layout exploded');
    quiet.mockRestore();
  });
});
