import { render, screen } from '@testing-library/react';
import { CrashBoundary } from './CrashBoundary';

function Broken(): never {
  throw new Error('render failed');
}

describe('CrashBoundary', () => {
  it('shows what happened and a reload button instead of a blank page when a page fails to render', () => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      render(
        <CrashBoundary>
          <Broken />
        </CrashBoundary>,
      );
      expect(screen.getByRole('heading', { name: 'Something went wrong on this page' })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
      // The error is named in the console, where a report or a test's capture finds it.
      expect(quiet.mock.calls.some((call) => call.some((arg) => arg instanceof Error && arg.message === 'render failed'))).toBe(true);
    } finally {
      quiet.mockRestore();
    }
  });

  it('renders its children when nothing fails', () => {
    render(
      <CrashBoundary>
        <p>Board</p>
      </CrashBoundary>,
    );
    expect(screen.getByText('Board')).toBeInTheDocument();
  });
});
