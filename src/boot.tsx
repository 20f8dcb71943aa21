// The app itself: React and the page, loaded by main.tsx once it has started the loader.
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { LanguageProvider } from './i18n/LanguageProvider';
import { readLanguageParam } from './state/urlState';
import { currentSearch, writeLanguageToAddress } from './state/addressBar';
import { isEditing } from './state/loading/origin';

// The authoring view (?edit) loads only when opened: readers never download it.
const AuthorView = lazy(() => import('./author/AuthorView'));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <LanguageProvider requested={readLanguageParam(currentSearch())} onChoose={writeLanguageToAddress}>
      <ErrorBoundary>
        {isEditing() ? (
          <Suspense fallback={null}>
            <AuthorView />
          </Suspense>
        ) : (
          <App />
        )}
      </ErrorBoundary>
    </LanguageProvider>
  </StrictMode>,
);
