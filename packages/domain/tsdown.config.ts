/**
 * The package as published: ESM JavaScript and bundled declarations (with
 * declaration maps back to src) for each entry, so plain `node` and
 * `moduleResolution: NodeNext` can use it. The source keeps its
 * extensionless imports (the workspace reads it as TypeScript directly, via
 * the "source" condition); bundling each entry is what makes the output
 * resolvable without them. Dependencies stay external.
 */
import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'markdown/index': 'src/markdown/index.ts',
    'share/index': 'src/share/index.ts',
  },
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  outDir: 'dist',
  clean: true,
  dts: { sourcemap: true },
  sourcemap: true,
});
