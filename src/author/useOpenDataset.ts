import { useCallback, useEffect, useRef } from 'react';
import { datasetUrl } from '../data/datasetUrl';
import { fetchDatasetText, readDatasetFile } from '../data/fetchDataset';
import { formatProblem, type Problem } from '../data/problems';
import { currentSearch, removeParam } from '../state/addressBar';
import { draftFromText } from './draft/fromDataset';
import type { Draft } from './draft/model';

export interface OpenResult {
  name: string;
  problems: Problem[];
  draft: Draft | null;
}

/**
 * Opens datasets for editing: a file the author picks, and once, the `?data=` URL the editor was opened with
 * (then taken out of the address, so a reload restores the draft rather than reloading the file).
 */
export function useOpenDataset(ready: boolean, onOpened: (result: OpenResult) => void): (file: File) => Promise<void> {
  const report = useRef(onOpened);
  useEffect(() => {
    report.current = onOpened;
  }, [onOpened]);

  useEffect(() => {
    if (!ready) return;
    const raw = new URLSearchParams(currentSearch()).get('data');
    if (!raw) return;
    removeParam('data');
    const target = datasetUrl(raw, window.location.href);
    if (!target.ok) {
      report.current({ name: raw, problems: [target.problem], draft: null });
      return;
    }
    void fetchDatasetText(target.url).then(async (fetched) => {
      if (!fetched.ok) return report.current({ name: raw, problems: [fetched.problem], draft: null });
      const opened = await draftFromText(fetched.text, target.url.pathname.split('/').pop());
      report.current({ name: raw, problems: opened.problems, draft: opened.ok ? opened.draft : null });
    });
  }, [ready]);

  return useCallback(async (file: File) => {
    const read = await readDatasetFile(file);
    if (!read.ok) return report.current({ name: file.name, problems: [read.problem], draft: null });
    const opened = await draftFromText(read.text, file.name);
    report.current({ name: file.name, problems: opened.problems, draft: opened.ok ? opened.draft : null });
  }, []);
}

export const describeProblems = (problems: readonly Problem[]) => problems.map(formatProblem).join('; ');
