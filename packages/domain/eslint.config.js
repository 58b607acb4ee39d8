import { config } from '@cos/eslint-config';

export default [
  ...config(import.meta.dirname),
  // The consumer project is checked by its own tsc run against the packed package
  // (src/package-consumer.test.ts); here it would resolve @cos/domain to this source.
  { ignores: ['consumer/**'] },
];
