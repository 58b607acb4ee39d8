import { config } from '@cos/eslint-config';

export default config(import.meta.dirname);
