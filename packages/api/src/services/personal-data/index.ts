/** Personal data: the holders' registry, export and erasure of one address, and the retention job. */
export type { PersonalDataHolder } from './holder';
export { PERSONAL_DATA_HOLDERS } from './registry';
export {
  erasePersonalData,
  exportPersonalData,
  type PersonalDataErasure,
  type PersonalDataExport,
} from './export-erase';
export {
  monthsBefore,
  runRetention,
  type RetentionOptions,
  type RetentionResult,
} from './retention';
