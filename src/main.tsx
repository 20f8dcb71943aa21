// The page's first script, small on purpose: it starts the reader's loader, asks it at once for the
// dataset the address names, and only then loads React and the app (boot.tsx). The worker's script and
// the dataset then download while React does, and the worker's thread starts while the page's thread is
// still free: a worker started from the app's large script waited for React's first render to end.
// The app's chunks are not preloaded from index.html: asked for beside this script, they held it back
// (the server sends them all at once), and the worker with it.
import { prepareLoadWorker } from './state/loading/spareWorker';
import { initialLoadRequest, isEditing } from './state/loading/origin';
import './ui/styles.css';

const editing = isEditing();
if (!editing) prepareLoadWorker(initialLoadRequest());
void import('./boot');
// A page's first number format costs 20–30 ms (the browser loads its locale data). Made now, in a task of
// its own while the app's script downloads, it is not part of the first render, a task that long already.
setTimeout(() => new Intl.NumberFormat().format(0), 0);
// The explorer's script and its gestures' (which the first view always needs), asked for after the
// worker's and React's: the browser opens only six connections to a server, and what is asked first comes
// first. A failure shows where the app loads them.
if (!editing) {
  import('./ui/Explorer').catch(() => undefined);
  import('./timeline/interaction/panZoom').catch(() => undefined);
}
