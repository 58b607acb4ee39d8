/**
 * Join requests: the public submission and its confirmation, the cluster's
 * inbox, and the decisions. Each step is one transaction with its audit entry
 * (ids and status only, see records.ts auditState); mail goes out after the
 * commit. A request is the cluster's: an editor sees and decides only their
 * own cluster's, an administrator every cluster's.
 */
import type { DatabaseHandle } from '@cos/db';
import {
  memberCreateInput,
  type JoinInboxStatus,
  type JoinRequestInput,
  type JoinRequestStatus,
} from '@cos/domain';
import type { Actor } from '../../actor';
import { ConflictError, FieldError, forbidden, notFound } from '../../errors';
import type { Services } from '../index';
import { isAdmin } from '../permissions';
import { checkSubmission, createConfirmation, type SubmissionLimitPolicy } from '../public-forms';
import { mailConfirmation, mailDecision, notifyEditorsOfRequest } from './mails';
import { auditState, listRows, loadRequest, type JoinRequestRecord } from './records';

export type { JoinRequestRecord } from './records';

export interface InboxQuery {
  status: JoinInboxStatus | null;
  clusterId: number | null;
  assignee: string | null;
  page: number;
  pageSize: number;
}

const OPEN: readonly JoinRequestStatus[] = ['new', 'read'];

export class JoinRequests {
  constructor(
    private readonly handle: DatabaseHandle,
    private readonly services: Services,
    /** Tests pass their own clock and limits. */
    private readonly options: { now?: () => Date; limit?: SubmissionLimitPolicy } = {},
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private get sqlite() {
    return this.handle.sqlite;
  }

  /**
   * A visitor's request: protection checks first (honeypot, fill time, the
   * address's limit), then the row as `unconfirmed` with its confirmation;
   * the mail with the link goes out once that has committed.
   */
  async submit(input: JoinRequestInput, address: string): Promise<{ id: number }> {
    const now = this.now();
    checkSubmission(this.handle, {
      token: input.formToken,
      honeypot: input.homepage,
      address,
      now: now.getTime(),
      ...(this.options.limit ? { policy: this.options.limit } : {}),
    });
    const { id, token, clusterName } = this.sqlite
      .transaction(() => {
        const cluster = this.sqlite
          .prepare("SELECT id, name FROM clusters WHERE id = ? AND status = 'published'")
          .get(input.clusterId) as { id: number; name: string } | undefined;
        if (!cluster) throw notFound('cluster', input.clusterId);
        for (const areaId of input.areaIds) {
          if (!this.sqlite.prepare('SELECT 1 FROM areas WHERE id = ?').get(areaId))
            throw FieldError.coded('areaIds', 'reference.missing', { entity: 'area', id: areaId });
        }
        const at = now.toISOString();
        const result = this.sqlite
          .prepare(
            `INSERT INTO join_requests (cluster_id, organisation_name, organisation_number,
              municipality_code, website, area_ids, contact_name, email, message, language,
              consent_at, status, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'unconfirmed', ?, ?)`,
          )
          .run(
            cluster.id,
            input.organisationName,
            input.organisationNumber,
            input.municipalityCode,
            input.website,
            JSON.stringify(input.areaIds),
            input.contactName,
            input.email,
            input.message,
            input.language,
            at,
            at,
            at,
          );
        const id = Number(result.lastInsertRowid);
        const token = createConfirmation(
          this.handle,
          { kind: 'join', subjectId: id, email: input.email, language: input.language },
          now,
        );
        const record = this.mustLoad(id);
        this.services.audit.record(null, 'joinRequest', id, 'create', null, auditState(record));
        return { id, token, clusterName: cluster.name };
      })
      .immediate();
    await mailConfirmation(
      this.handle,
      {
        email: input.email,
        language: input.language,
        organisationName: input.organisationName,
        clusterName,
      },
      token,
    );
    return { id };
  }

  /**
   * The applicant followed the link (public-forms/confirm-link.ts spent the
   * token in the transaction this runs in): the request becomes `new`. Then,
   * after the commit, `announce` tells the cluster's editors.
   */
  confirmed(subjectId: number, now: Date = this.now()): JoinRequestRecord {
    const before = this.mustLoad(subjectId);
    if (before.status !== 'unconfirmed') return before;
    this.sqlite
      .prepare(
        `UPDATE join_requests SET status = 'new', confirmed_at = ?, updated_at = ?,
           version = version + 1 WHERE id = ?`,
      )
      .run(now.toISOString(), now.toISOString(), before.id);
    const after = this.mustLoad(before.id);
    this.services.audit.record(
      null,
      'joinRequest',
      before.id,
      'update',
      auditState(before),
      auditState(after),
    );
    return after;
  }

  async announce(request: JoinRequestRecord): Promise<void> {
    await notifyEditorsOfRequest(this.handle, request);
  }

  /** The inbox: confirmed requests in the actor's scope, newest first, one page. */
  inbox(user: Actor, query: InboxQuery): { items: JoinRequestRecord[]; total: number } {
    const where: string[] = ["r.status <> 'unconfirmed'"];
    const params: unknown[] = [];
    const clusterId = isAdmin(user) ? query.clusterId : user.clusterId;
    if (!isAdmin(user) && query.clusterId !== null && query.clusterId !== user.clusterId)
      throw forbidden('permission.editorOwnCluster', {});
    if (clusterId !== null) {
      where.push('r.cluster_id = ?');
      params.push(clusterId);
    }
    switch (query.status) {
      case 'open':
        where.push("r.status IN ('new', 'read') AND r.handled_at IS NULL");
        break;
      case 'handled':
        where.push('r.handled_at IS NOT NULL');
        break;
      case null:
        break;
      default:
        where.push('r.status = ?');
        params.push(query.status);
    }
    if (query.assignee === 'none') where.push('r.assigned_to IS NULL');
    else if (query.assignee !== null) {
      where.push('r.assigned_to = ?');
      params.push(query.assignee === 'me' ? user.id : query.assignee);
    }
    const condition = where.join(' AND ');
    const total = (
      this.sqlite
        .prepare(`SELECT count(*) AS n FROM join_requests r WHERE ${condition}`)
        .get(...params) as { n: number }
    ).n;
    const items = listRows(
      this.handle,
      condition,
      params,
      query.pageSize,
      (query.page - 1) * query.pageSize,
    );
    return { items, total };
  }

  /** Unread (`new`) requests per cluster in the actor's scope: the dashboard and the nav badge. */
  unreadCounts(user: Actor): {
    total: number;
    clusters: { clusterId: number; clusterName: string; count: number }[];
  } {
    const scoped = isAdmin(user) ? '' : 'AND r.cluster_id = ?';
    const rows = this.sqlite
      .prepare(
        `SELECT r.cluster_id AS clusterId, c.name AS clusterName, count(*) AS count
         FROM join_requests r JOIN clusters c ON c.id = r.cluster_id
         WHERE r.status = 'new' ${scoped} GROUP BY r.cluster_id ORDER BY c.name`,
      )
      .all(...(isAdmin(user) ? [] : [user.clusterId])) as {
      clusterId: number;
      clusterName: string;
      count: number;
    }[];
    return { total: rows.reduce((sum, r) => sum + r.count, 0), clusters: rows };
  }

  /** One request, when the actor may see it; unconfirmed ones do not exist for the cluster yet. */
  get(user: Actor, id: number): JoinRequestRecord {
    const record = loadRequest(this.handle, id);
    if (!record || record.status === 'unconfirmed') throw notFound('joinRequest', id);
    if (!isAdmin(user) && record.clusterId !== user.clusterId)
      throw forbidden('permission.editorOwnCluster', {});
    return record;
  }

  /** What the public form shows: its (published) cluster, and the areas to choose from. */
  formFor(clusterSlug: string): {
    cluster: { id: number; slug: string; name: string };
    areas: { id: number; slug: string; name: { sv: string; en: string } }[];
  } {
    const cluster = this.sqlite
      .prepare("SELECT id, slug, name FROM clusters WHERE slug = ? AND status = 'published'")
      .get(clusterSlug) as { id: number; slug: string; name: string } | undefined;
    if (!cluster) throw notFound('cluster', clusterSlug);
    const areas = (
      this.sqlite
        .prepare('SELECT id, slug, name_sv AS sv, name_en AS en FROM areas ORDER BY sort_order, id')
        .all() as { id: number; slug: string; sv: string; en: string }[]
    ).map((a) => ({ id: a.id, slug: a.slug, name: { sv: a.sv, en: a.en } }));
    return { cluster, areas };
  }

  /** Who a request can be assigned to: administrators and the cluster's editors, enabled. */
  assignees(user: Actor, id: number): { id: string; name: string; role: 'admin' | 'editor' }[] {
    const request = this.get(user, id);
    return this.sqlite
      .prepare(
        `SELECT id, name, role FROM users WHERE disabled = 0
           AND (role = 'admin' OR cluster_id = ?) ORDER BY role, name`,
      )
      .all(request.clusterId) as { id: string; name: string; role: 'admin' | 'editor' }[];
  }

  /** Opened by someone in the cluster: new → read (the unread count drops). */
  markRead(user: Actor, id: number, version: number): JoinRequestRecord {
    return this.step(user, id, version, (before) => {
      if (before.status !== 'new') return false;
      this.sqlite
        .prepare(`UPDATE join_requests SET status = 'read', ${BUMP} WHERE id = ?`)
        .run(this.now().toISOString(), id);
      return true;
    });
  }

  /** Gives the request to one person (an admin, or an editor of its cluster), or to nobody. */
  assign(user: Actor, id: number, version: number, userId: string | null): JoinRequestRecord {
    return this.step(user, id, version, (before) => {
      if (userId !== null) {
        const assignee = this.sqlite
          .prepare('SELECT role, cluster_id AS clusterId, disabled FROM users WHERE id = ?')
          .get(userId) as { role: string; clusterId: number | null; disabled: number } | undefined;
        const fits =
          assignee &&
          !assignee.disabled &&
          (assignee.role === 'admin' || assignee.clusterId === before.clusterId);
        if (!fits) throw FieldError.coded('userId', 'joinRequest.assignee', {});
      }
      if (before.assignedTo === userId) return false;
      this.sqlite
        .prepare(`UPDATE join_requests SET assigned_to = ?, ${BUMP} WHERE id = ?`)
        .run(userId, this.now().toISOString(), id);
      return true;
    });
  }

  /** Dealt with outside the platform (a phone call, a meeting): handled without a decision here. */
  markHandled(user: Actor, id: number, version: number): JoinRequestRecord {
    return this.step(user, id, version, (before) => {
      this.assertOpen(before);
      if (before.handledAt !== null) return false;
      const at = this.now().toISOString();
      this.sqlite
        .prepare(
          `UPDATE join_requests SET status = 'read', handled_at = ?, handled_by = ?, ${BUMP} WHERE id = ?`,
        )
        .run(at, user.id, at, id);
      return true;
    });
  }

  /**
   * Accepts: a draft member with the membership, filled in from the request,
   * through the member writes (their checks and audit); or, when the
   * organisation number is registered already, the membership added to that
   * member. The member's entries are attributed to the request.
   */
  async accept(user: Actor, id: number, version: number): Promise<JoinRequestRecord> {
    const after = this.step(user, id, version, (before) => {
      this.assertOpen(before);
      const memberId = this.services.audit.attributed(`join request #${before.id}`, () =>
        this.memberFor(user, before),
      );
      const at = this.now().toISOString();
      this.sqlite
        .prepare(
          `UPDATE join_requests SET status = 'accepted', member_id = ?, handled_at = ?,
             handled_by = ?, ${BUMP} WHERE id = ?`,
        )
        .run(memberId, at, user.id, at, id);
      return true;
    });
    await mailDecision(this.handle, after);
    return after;
  }

  async decline(
    user: Actor,
    id: number,
    version: number,
    reason: string,
  ): Promise<JoinRequestRecord> {
    const after = this.step(user, id, version, (before) => {
      this.assertOpen(before);
      const at = this.now().toISOString();
      this.sqlite
        .prepare(
          `UPDATE join_requests SET status = 'declined', decline_reason = ?, handled_at = ?,
             handled_by = ?, ${BUMP} WHERE id = ?`,
        )
        .run(reason, at, user.id, at, id);
      return true;
    });
    await mailDecision(this.handle, after);
    return after;
  }

  /** The member an accepted request ends up in: an existing one by number, or a new draft. */
  private memberFor(user: Actor, request: JoinRequestRecord): number {
    const since = this.now().toISOString().slice(0, 10);
    const existing =
      request.organisationNumber === null
        ? undefined
        : (this.sqlite
            .prepare('SELECT id FROM members WHERE organisation_number = ?')
            .get(request.organisationNumber) as { id: number } | undefined);
    const writes = this.services.memberWrites;
    if (existing) {
      const member = writes.load(existing.id);
      if (!member) throw notFound('member', existing.id);
      const link = member.memberships.find((m) => m.clusterId === request.clusterId);
      if (link?.kind === 'member') return member.id;
      // The request itself is the authority for this one change: the cluster's editor may add
      // their own cluster to a member they could not otherwise edit (it is in another cluster
      // only). Nothing else about the member changes; the entry names the editor.
      const acting: Actor = isAdmin(user) ? user : { ...user, role: 'admin', clusterId: null };
      writes.update(acting, {
        id: member.id,
        version: member.version,
        // An accepted request makes a founder or partner a member too (the link's kind changes).
        memberships: link
          ? member.memberships.map((m) => (m === link ? { ...m, kind: 'member' as const } : m))
          : [...member.memberships, { clusterId: request.clusterId, kind: 'member', since }],
      });
      return member.id;
    }
    const { member } = writes.create(
      user,
      memberCreateInput.parse({
        name: request.organisationName,
        organisationNumber: request.organisationNumber,
        kind: 'company',
        municipalityCode: request.municipalityCode,
        website: request.website,
        areaIds: request.areaIds.filter((areaId) =>
          this.sqlite.prepare('SELECT 1 FROM areas WHERE id = ?').get(areaId),
        ),
        memberships: [{ clusterId: request.clusterId, since }],
        status: 'draft',
      }),
    );
    return member.id;
  }

  private assertOpen(request: JoinRequestRecord): void {
    if (!OPEN.includes(request.status))
      throw FieldError.coded('status', 'joinRequest.status', { status: request.status });
  }

  /**
   * One decided step on a request: scope, version, the change, its audit
   * entry, all in one IMMEDIATE transaction. `change` returns false when
   * there was nothing to do (no version bump, no entry).
   */
  private step(
    user: Actor,
    id: number,
    version: number,
    change: (before: JoinRequestRecord) => boolean,
  ): JoinRequestRecord {
    return this.sqlite
      .transaction(() => {
        const before = this.get(user, id);
        if (before.version !== version) throw new ConflictError('joinRequest', before);
        if (!change(before)) return before;
        const after = this.mustLoad(id);
        this.services.audit.record(
          user,
          'joinRequest',
          id,
          'update',
          auditState(before),
          auditState(after),
        );
        return after;
      })
      .immediate();
  }

  private mustLoad(id: number): JoinRequestRecord {
    const record = loadRequest(this.handle, id);
    if (!record) throw notFound('joinRequest', id);
    return record;
  }
}

/** Every write moves the version and the time it happened (bound after the step's own values). */
const BUMP = 'updated_at = ?, version = version + 1';

const byHandle = new WeakMap<DatabaseHandle, JoinRequests>();

/** One JoinRequests per open database, like the other services. */
export function joinRequestsFor(handle: DatabaseHandle, services: Services): JoinRequests {
  let service = byHandle.get(handle);
  if (!service) {
    service = new JoinRequests(handle, services);
    byHandle.set(handle, service);
  }
  return service;
}
