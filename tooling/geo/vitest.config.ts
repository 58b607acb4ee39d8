export { default } from '@cos/vitest-config';
