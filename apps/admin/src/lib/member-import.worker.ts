/**
 * The import file's decoding and parsing, off the page's thread: a
 * 20,000-row file takes long enough to freeze typing and scrolling if read
 * on the page itself. One request, one answer; the page starts a worker per
 * read. The answer travels as one JSON string: the structured clone of
 * 20,000 small arrays costs the page far longer than parsing one string.
 */
import { readImportFile, type ReadOptions } from './member-import-file';

self.onmessage = (event: MessageEvent<{ bytes: ArrayBuffer; options: ReadOptions }>) => {
  const { bytes, options } = event.data;
  self.postMessage(JSON.stringify(readImportFile(new Uint8Array(bytes), options)));
};
