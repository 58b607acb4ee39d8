/**
 * The contact persons clusters publish (cluster_contacts, migration 0007) as
 * personal data: an export lists where an address is shown, and an erasure
 * takes the person off every cluster page. The cluster's version moves with
 * it, so an admin's form opened before the erasure cannot put them back
 * unnoticed (it gets a conflict). Nothing is purged by age: a person stays
 * listed for as long as their cluster publishes them.
 */
import type { PersonalDataHolder } from './personal-data/holder';

export const clusterContactData: PersonalDataHolder = {
  name: 'clusterContacts',
  exportFor({ sqlite }, email) {
    return sqlite
      .prepare(
        `SELECT c.slug AS cluster, cc.position, cc.name, cc.role, cc.email, cc.phone
         FROM cluster_contacts cc JOIN clusters c ON c.id = cc.cluster_id
         WHERE lower(cc.email) = ? ORDER BY c.slug, cc.position`,
      )
      .all(email);
  },
  eraseFor({ sqlite }, email) {
    const clusterIds = sqlite
      .prepare('SELECT DISTINCT cluster_id FROM cluster_contacts WHERE lower(email) = ?')
      .pluck()
      .all(email) as number[];
    if (clusterIds.length === 0) return 0;
    const removed = sqlite
      .prepare('DELETE FROM cluster_contacts WHERE lower(email) = ?')
      .run(email);
    // Close the gaps so positions stay 0, 1, 2 … in the order the cluster chose.
    const remaining = sqlite.prepare(
      'SELECT position FROM cluster_contacts WHERE cluster_id = ? ORDER BY position',
    );
    const move = sqlite.prepare(
      'UPDATE cluster_contacts SET position = ? WHERE cluster_id = ? AND position = ?',
    );
    const bump = sqlite.prepare(
      'UPDATE clusters SET version = version + 1, updated_at = ? WHERE id = ?',
    );
    const now = new Date().toISOString();
    for (const id of clusterIds) {
      // Ascending, so each position moved to is already free.
      (remaining.pluck().all(id) as number[]).forEach((position, index) => {
        if (position !== index) move.run(index, id, position);
      });
      bump.run(now, id);
    }
    return removed.changes;
  },
  purgeHandledBefore() {
    return 0;
  },
};
