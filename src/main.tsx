import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App, initialLoadRequest } from './App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { LanguageProvider } from './i18n/LanguageProvider';
import { prepareLoadWorker } from './state/loading/loadInWorker';
import { readLanguageParam } from './state/urlState';
import { currentSearch, writeLanguageToAddress } from './state/addressBar';
import './ui/styles.css';

// The authoring view (?edit) loads only when opened: readers never download it.
const AuthorView = lazy(() => import('./author/AuthorView'));
const editing = new URLSearchParams(currentSearch()).has('edit');
// The reader's loader starts with the page, and is asked at once for the dataset the address names: its
// script and the dataset arrive while React is still starting.
if (!editing) prepareLoadWorker(initialLoadRequest());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <LanguageProvider requested={readLanguageParam(currentSearch())} onChoose={writeLanguageToAddress}>
      <ErrorBoundary>
        {editing ? (
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
