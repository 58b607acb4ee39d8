/**
 * Join requests as stored and as the admin sees them. Reads are plain SQL on
 * the one table (its own indexes); nothing here is cached, because nothing
 * public reads it and the inbox must show a new request at once.
 */
import type { DatabaseHandle } from '@cos/db';
import type { JoinRequestStatus } from '@cos/domain';

export interface JoinRequestRecord {
  id: number;
  clusterId: number;
  clusterName: string;
  clusterSlug: string;
  organisationName: string;
  organisationNumber: string | null;
  municipalityCode: string | null;
  website: string | null;
  areaIds: number[];
  contactName: string;
  email: string;
  message: string;
  language: 'sv' | 'en';
  consentAt: string;
  status: JoinRequestStatus;
  assignedTo: string | null;
  assignedToName: string | null;
  confirmedAt: string | null;
  handledAt: string | null;
  handledBy: string | null;
  handledByName: string | null;
  declineReason: string | null;
  memberId: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

interface Row {
  id: number;
  cluster_id: number;
  cluster_name: string;
  cluster_slug: string;
  organisation_name: string;
  organisation_number: string | null;
  municipality_code: string | null;
  website: string | null;
  area_ids: string;
  contact_name: string;
  email: string;
  message: string;
  language: 'sv' | 'en';
  consent_at: string;
  status: JoinRequestStatus;
  assigned_to: string | null;
  assigned_to_name: string | null;
  confirmed_at: string | null;
  handled_at: string | null;
  handled_by: string | null;
  handled_by_name: string | null;
  decline_reason: string | null;
  member_id: number | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export const SELECT_REQUEST = `
  SELECT r.*, c.name AS cluster_name, c.slug AS cluster_slug,
    a.name AS assigned_to_name, h.name AS handled_by_name
  FROM join_requests r
  JOIN clusters c ON c.id = r.cluster_id
  LEFT JOIN users a ON a.id = r.assigned_to
  LEFT JOIN users h ON h.id = r.handled_by`;

export function toRecord(row: Row): JoinRequestRecord {
  return {
    id: row.id,
    clusterId: row.cluster_id,
    clusterName: row.cluster_name,
    clusterSlug: row.cluster_slug,
    organisationName: row.organisation_name,
    organisationNumber: row.organisation_number,
    municipalityCode: row.municipality_code,
    website: row.website,
    areaIds: JSON.parse(row.area_ids) as number[],
    contactName: row.contact_name,
    email: row.email,
    message: row.message,
    language: row.language,
    consentAt: row.consent_at,
    status: row.status,
    assignedTo: row.assigned_to,
    assignedToName: row.assigned_to_name,
    confirmedAt: row.confirmed_at,
    handledAt: row.handled_at,
    handledBy: row.handled_by,
    handledByName: row.handled_by_name,
    declineReason: row.decline_reason,
    memberId: row.member_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export function loadRequest(
  handle: Pick<DatabaseHandle, 'sqlite'>,
  id: number,
): JoinRequestRecord | undefined {
  const row = handle.sqlite.prepare(`${SELECT_REQUEST} WHERE r.id = ?`).get(id) as Row | undefined;
  return row ? toRecord(row) : undefined;
}

export function listRows(
  handle: Pick<DatabaseHandle, 'sqlite'>,
  where: string,
  params: unknown[],
  limit: number,
  offset: number,
): JoinRequestRecord[] {
  return (
    handle.sqlite
      .prepare(`${SELECT_REQUEST} WHERE ${where} ORDER BY r.id DESC LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as Row[]
  ).map(toRecord);
}

/**
 * What the audit trail keeps of a request: ids, status and the decision, never
 * the applicant's name, e-mail or message (those are erased after the
 * retention period; an audit entry is kept for good).
 */
export function auditState(r: JoinRequestRecord) {
  return {
    id: r.id,
    clusterId: r.clusterId,
    status: r.status,
    assignedTo: r.assignedTo,
    handledAt: r.handledAt,
    handledBy: r.handledBy,
    declineReason: r.declineReason,
    memberId: r.memberId,
    version: r.version,
  };
}
