import { useEffect, useState } from 'react';
import bundledText from '../data/kursk-2024.json?raw';
import { loadDatasetFromText } from './data/load';
import type { ValidationResult } from './data/model';
import { Explorer } from './ui/Explorer';
import { DatasetErrorPage } from './ui/DatasetProblems';

/** Loads the bundled dataset through the same loader and validator as any other dataset. */
export function App({ datasetText = bundledText }: { datasetText?: string }) {
  const [loaded, setLoaded] = useState<{ text: string; result: ValidationResult } | null>(null);
  useEffect(() => {
    let current = true;
    void loadDatasetFromText(datasetText).then((result) => {
      if (current) setLoaded({ text: datasetText, result });
    });
    return () => {
      current = false;
    };
  }, [datasetText]);
  const result = loaded?.text === datasetText ? loaded.result : null;

  if (!result) {
    return (
      <p className="loading" role="status">
        Loading the timeline…
      </p>
    );
  }
  if (!result.dataset) return <DatasetErrorPage problems={result.problems} />;
  return <Explorer dataset={result.dataset} rejected={result.rejected} />;
}
