/**
 * Bytes on the wire for one answer, per Accept-Encoding: raw node:http, so the
 * body is counted as sent (fetch would decode it), with the Content-Encoding
 * the server chose.
 */
import http from 'node:http';

export interface WireAnswer {
  asked: string;
  status: number;
  encoding: string;
  bytes: number;
  ms: number;
}

export function wireBytes(url: string, acceptEncoding: string): Promise<WireAnswer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    http
      .get(url, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.byteLength));
        response.on('error', reject);
        response.on('end', () =>
          resolve({
            asked: acceptEncoding,
            status: response.statusCode ?? 0,
            encoding: String(response.headers['content-encoding'] ?? 'identity'),
            bytes,
            ms: performance.now() - started,
          }),
        );
      })
      .on('error', reject);
  });
}
