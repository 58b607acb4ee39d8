import shared from '@cos/vitest-config';

export default shared;
