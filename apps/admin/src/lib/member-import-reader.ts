/**
 * Reads an import file in a worker (see member-import.worker.ts), or on the
 * page where workers are not at hand — the answer is the same either way.
 */
import { readImportFile, type ReadOptions, type ReadResult } from './member-import-file';

export async function readImportFileInBackground(
  file: Blob,
  options: ReadOptions = {},
): Promise<ReadResult> {
  const bytes = await file.arrayBuffer();
  if (typeof Worker === 'undefined') return readImportFile(new Uint8Array(bytes), options);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./member-import.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return readImportFile(new Uint8Array(bytes), options);
  }
  return new Promise<ReadResult>((resolve) => {
    worker.onmessage = (event: MessageEvent<string>) => {
      worker.terminate();
      resolve(JSON.parse(event.data) as ReadResult);
    };
    // A worker that cannot start (a policy, an old browser): read here instead.
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(readImportFile(new Uint8Array(bytes), options));
    };
    // A copy, not a transfer: the bytes stay here for the fallback.
    worker.postMessage({ bytes, options });
  });
}
