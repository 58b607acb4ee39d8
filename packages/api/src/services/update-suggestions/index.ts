/**
 * Suggested updates: a visitor's proposal for a published member or cluster,
 * kept apart from the record until a reviewer applies it. Reviewers are the
 * editors of any of the member's clusters (members) and administrators
 * (members and clusters). An apply goes through the record's own write
 * service — the same rights, rules and version check as an edit in the admin —
 * and its audit entry is attributed to the suggestion.
 *
 * Nothing here touches a table a public read depends on until an apply, so a
 * submission (or confirmation, or rejection) never makes a page recompute.
 */
import type { DatabaseHandle } from '@cos/db';
import {
  clusterUpdateInput,
  memberUpdateInput,
  proposalSchemaFor,
  type SuggestionApplyInput,
  type SuggestionRejectInput,
  type SuggestionStatus,
  type SuggestionSubmitInput,
  type SuggestionTarget,
} from '@cos/domain';
import type { Actor } from '../../actor';
import { BadRequestError, coded, FieldError, forbidden, notFound } from '../../errors';
import type { AuditTrail } from '../audit';
import type { ClusterWrites } from '../cluster-writes';
import type { MemberWrites } from '../member-writes';
import { isAdmin } from '../permissions';
import {
  checkSubmission,
  confirm,
  createConfirmation,
  type SubmissionCheck,
} from '../public-forms';
import { changedOnly, difference, type DifferenceRow } from './difference';

type Values = Record<string, unknown>;

export interface SuggestionRecord {
  id: number;
  targetType: SuggestionTarget;
  targetId: number;
  targetVersion: number;
  proposed: Values;
  senderName: string;
  senderEmail: string;
  language: 'sv' | 'en';
  comment: string;
  status: SuggestionStatus;
  createdAt: string;
  confirmedAt: string | null;
  handledBy: string | null;
  handledByName: string | null;
  handledAt: string | null;
  rejectReason: string | null;
  appliedFields: string[] | null;
  version: number;
  /** The record's name and slug now (null when it was deleted since). */
  targetName: string | null;
  targetSlug: string | null;
}

interface Row {
  id: number;
  target_type: SuggestionTarget;
  target_id: number;
  target_version: number;
  proposed: string;
  sender_name: string;
  sender_email: string;
  language: 'sv' | 'en';
  comment: string;
  status: SuggestionStatus;
  created_at: string;
  confirmed_at: string | null;
  handled_by: string | null;
  handled_by_name: string | null;
  handled_at: string | null;
  reject_reason: string | null;
  applied_fields: string | null;
  version: number;
  target_name: string | null;
  target_slug: string | null;
}

const SELECT = `
  SELECT s.*, u.name AS handled_by_name,
    CASE s.target_type WHEN 'member' THEN m.name ELSE c.name END AS target_name,
    CASE s.target_type WHEN 'member' THEN m.slug ELSE c.slug END AS target_slug
  FROM update_suggestions s
  LEFT JOIN members m ON s.target_type = 'member' AND m.id = s.target_id
  LEFT JOIN clusters c ON s.target_type = 'cluster' AND c.id = s.target_id
  LEFT JOIN users u ON u.id = s.handled_by`;

function toRecord(r: Row): SuggestionRecord {
  return {
    id: r.id,
    targetType: r.target_type,
    targetId: r.target_id,
    targetVersion: r.target_version,
    proposed: JSON.parse(r.proposed) as Values,
    senderName: r.sender_name,
    senderEmail: r.sender_email,
    language: r.language,
    comment: r.comment,
    status: r.status,
    createdAt: r.created_at,
    confirmedAt: r.confirmed_at,
    handledBy: r.handled_by,
    handledByName: r.handled_by_name,
    handledAt: r.handled_at,
    rejectReason: r.reject_reason,
    appliedFields: r.applied_fields ? (JSON.parse(r.applied_fields) as string[]) : null,
    version: r.version,
    targetName: r.target_name,
    targetSlug: r.target_slug,
  };
}

/** What the audit trail says an apply came from (erasure drops the name: personal-data.ts). */
export const auditNote = (s: Pick<SuggestionRecord, 'id' | 'senderName'>) =>
  `suggestion #${s.id} by ${s.senderName}`;

/** A suggestion just confirmed, and the clusters whose editors are to hear of it. */
export interface ConfirmedSuggestion {
  suggestion: SuggestionRecord;
  clusterIds: number[];
}

export interface SuggestionDetail {
  suggestion: SuggestionRecord;
  difference: DifferenceRow[];
  /** The record's version now (what an apply is checked against), null when it is gone. */
  recordVersion: number | null;
  /** The record was written since the proposal was made. */
  changedSinceProposal: boolean;
}

/** The current state of a target, as far as a proposal speaks about it. */
interface Target {
  id: number;
  version: number;
  name: string;
  values: Values;
  /** The clusters whose editors review it (a member's); empty for a cluster. */
  clusterIds: number[];
}

export class UpdateSuggestions {
  constructor(
    private readonly handle: Pick<DatabaseHandle, 'sqlite'>,
    private readonly audit: AuditTrail,
    private readonly members: MemberWrites,
    private readonly clusters: ClusterWrites,
  ) {}

  private get sqlite() {
    return this.handle.sqlite;
  }

  load(id: number): SuggestionRecord | undefined {
    const row = this.sqlite.prepare(`${SELECT} WHERE s.id = ?`).get(id) as Row | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** The record as stored now, or undefined when it was deleted. */
  target(type: SuggestionTarget, id: number): Target | undefined {
    if (type === 'member') {
      const m = this.members.load(id);
      return m && { ...m, values: m, clusterIds: m.memberships.map((x) => x.clusterId) };
    }
    const c = this.clusters.load(id);
    return c && { ...c, values: c, clusterIds: [] };
  }

  /** A published record by slug: only what the public can see can be corrected from outside. */
  private publishedTarget(type: SuggestionTarget, slug: string): Target {
    const table = type === 'member' ? 'members' : 'clusters';
    const row = this.sqlite
      .prepare(`SELECT id FROM ${table} WHERE slug = ? AND status = 'published'`)
      .get(slug) as { id: number } | undefined;
    const target = row && this.target(type, row.id);
    if (!target) throw notFound(type, slug);
    return target;
  }

  /** A published record's proposable values now, to prefill the public form. */
  publishedValues(type: SuggestionTarget, slug: string): Values {
    return this.publishedTarget(type, slug).values;
  }

  /** The areas a member may be placed in, for the form's checkboxes. */
  areaChoices(): { id: number; name: { sv: string; en: string } }[] {
    return (
      this.sqlite
        .prepare('SELECT id, name_sv, name_en FROM areas ORDER BY sort_order, id')
        .all() as {
        id: number;
        name_sv: string;
        name_en: string;
      }[]
    ).map((a) => ({ id: a.id, name: { sv: a.name_sv, en: a.name_en || a.name_sv } }));
  }

  /**
   * Stores a suggestion (unconfirmed) and the confirmation for its sender's
   * address; the token, for the mail's link. Only fields that differ from the
   * record are kept. Refusals come before the protection counts the
   * submission, so correcting a typo spends none of the address's allowance.
   */
  submit(
    input: SuggestionSubmitInput,
    protection: Omit<SubmissionCheck, 'now'>,
    now: Date = new Date(),
  ): { suggestion: SuggestionRecord; token: string } {
    const target = this.publishedTarget(input.targetType, input.slug);
    const proposed = changedOnly(input.targetType, target.values, input.values);
    if (Object.keys(proposed).length === 0) {
      throw FieldError.coded('values', 'suggestion.noChange', {});
    }
    checkSubmission(this.handle, { ...protection, now: now.getTime() });
    const at = now.toISOString();
    return this.sqlite.transaction(() => {
      const id = Number(
        this.sqlite
          .prepare(
            `INSERT INTO update_suggestions (target_type, target_id, target_version, proposed,
               sender_name, sender_email, language, comment, consent_at, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            input.targetType,
            target.id,
            target.version,
            JSON.stringify(proposed),
            input.senderName,
            input.senderEmail,
            input.language,
            input.comment,
            at,
            at,
          ).lastInsertRowid,
      );
      const token = createConfirmation(
        this.handle,
        { kind: 'suggestion', subjectId: id, email: input.senderEmail, language: input.language },
        now,
      );
      return { suggestion: this.load(id) as SuggestionRecord, token };
    })();
  }

  /**
   * The sender followed the mail's link (the token already checked and spent
   * by the shared confirmation page, inside the same transaction): the
   * suggestion reaches its reviewers. Confirming twice changes nothing.
   */
  confirmed(id: number, now: Date = new Date()): ConfirmedSuggestion {
    this.sqlite
      .prepare(
        `UPDATE update_suggestions SET status = 'new', confirmed_at = ?, version = version + 1
         WHERE id = ? AND status = 'unconfirmed'`,
      )
      .run(now.toISOString(), id);
    const suggestion = this.load(id);
    if (!suggestion) throw new BadRequestError(coded('confirmation.invalid', {}));
    const target = this.target(suggestion.targetType, suggestion.targetId);
    return { suggestion, clusterIds: target?.clusterIds ?? [] };
  }

  /** Uses a confirmation token of kind 'suggestion' (another kind is refused and stays unspent). */
  confirm(token: string, now: Date = new Date()): ConfirmedSuggestion {
    return this.sqlite.transaction(() => {
      const confirmed = confirm(this.handle, token, now);
      if (confirmed.kind !== 'suggestion') {
        throw new BadRequestError(coded('confirmation.invalid', {}));
      }
      return this.confirmed(confirmed.subjectId, now);
    })();
  }

  /**
   * Reviewers may see a member's suggestions when they edit any of its
   * clusters, and a cluster's only as administrators. Unconfirmed ones reach
   * nobody: the address behind them is not known to be the sender's.
   */
  private assertCanReview(user: Actor, s: SuggestionRecord): void {
    if (isAdmin(user)) return;
    if (s.targetType === 'cluster')
      throw forbidden('permission.adminOnly', { action: 'manageClusters' });
    const target = this.target('member', s.targetId);
    if (!target || user.clusterId === null || !target.clusterIds.includes(user.clusterId)) {
      throw forbidden('permission.editorOwnCluster', {});
    }
  }

  private reviewable(user: Actor, id: number): SuggestionRecord {
    const s = this.load(id);
    if (!s || s.status === 'unconfirmed') throw notFound('suggestion', id);
    this.assertCanReview(user, s);
    return s;
  }

  list(user: Actor, query: { status?: SuggestionStatus; targetType?: SuggestionTarget }) {
    const where = ["s.status <> 'unconfirmed'"];
    const params: unknown[] = [];
    if (query.status) {
      where.push('s.status = ?');
      params.push(query.status);
    }
    if (query.targetType) {
      where.push('s.target_type = ?');
      params.push(query.targetType);
    }
    if (!isAdmin(user)) {
      where.push(
        `s.target_type = 'member' AND EXISTS (SELECT 1 FROM memberships mc
           WHERE mc.member_id = s.target_id AND mc.cluster_id = ?)`,
      );
      params.push(user.clusterId ?? -1);
    }
    const rows = this.sqlite
      .prepare(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY s.id DESC LIMIT 500`)
      .all(...params) as Row[];
    return rows.map(toRecord);
  }

  /** A suggestion with its field-by-field difference against the record as it is now. */
  get(user: Actor, id: number): SuggestionDetail {
    const suggestion = this.reviewable(user, id);
    const target = this.target(suggestion.targetType, suggestion.targetId);
    return {
      suggestion,
      difference: difference(suggestion.targetType, target?.values ?? null, suggestion.proposed),
      recordVersion: target?.version ?? null,
      changedSinceProposal: target ? target.version !== suggestion.targetVersion : true,
    };
  }

  private assertOpen(s: SuggestionRecord, version: number): void {
    if (s.status !== 'new' || s.version !== version) {
      throw FieldError.coded('version', 'suggestion.notOpen', { status: s.status }, 'conflict');
    }
  }

  private markHandled(s: SuggestionRecord, user: Actor, set: Values): void {
    const columns = Object.keys(set);
    const result = this.sqlite
      .prepare(
        `UPDATE update_suggestions SET ${columns.map((c) => `${c} = @${c}`).join(', ')},
           handled_by = @user, handled_at = @at, version = version + 1
         WHERE id = @id AND version = @version AND status = 'new'`,
      )
      .run({ ...set, user: user.id, at: new Date().toISOString(), id: s.id, version: s.version });
    if (result.changes !== 1) this.assertOpen(this.load(s.id) ?? s, -1);
  }

  /**
   * Writes the chosen proposed fields through the record's write service,
   * against `recordVersion` (default: the version the proposal was made
   * against). A record changed since is refused with a conflict and nothing
   * changes — the suggestion stays open, to be looked at again.
   */
  apply(user: Actor, input: SuggestionApplyInput): SuggestionRecord {
    const s = this.reviewable(user, input.id);
    this.assertOpen(s, input.version);
    const fields = input.fields ?? Object.keys(s.proposed);
    for (const field of fields) {
      if (!(field in s.proposed))
        throw FieldError.coded('fields', 'suggestion.unknownField', { field });
    }
    const values = proposalSchemaFor(s.targetType).parse(
      Object.fromEntries(fields.map((f) => [f, s.proposed[f]])),
    );
    const change = { ...values, id: s.targetId, version: input.recordVersion ?? s.targetVersion };
    return this.sqlite
      .transaction(() => {
        this.audit.attributed(auditNote(s), () => {
          if (s.targetType === 'member') this.members.update(user, memberUpdateInput.parse(change));
          else this.clusters.update(user, clusterUpdateInput.parse(change));
        });
        this.markHandled(s, user, { status: 'applied', applied_fields: JSON.stringify(fields) });
        return this.load(s.id) as SuggestionRecord;
      })
      .immediate();
  }

  reject(user: Actor, input: SuggestionRejectInput): SuggestionRecord {
    const s = this.reviewable(user, input.id);
    this.assertOpen(s, input.version);
    this.markHandled(s, user, { status: 'rejected', reject_reason: input.reason });
    return this.load(s.id) as SuggestionRecord;
  }
}
