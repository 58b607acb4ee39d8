/**
 * Creating and changing cluster organisations (admins only). Each write runs
 * in one transaction with the version check and its audit entry.
 */
import { type ClusterCreateInput, type ClusterUpdateInput, type Status } from '@cos/domain';
import type { ClusterRow } from '@cos/db';
import type { Actor } from '../actor';
import { FieldError, notFound } from '../errors';
import { ImageLibrary, imageRef } from './image-library';
import { assertAdmin, assertCanEditClusterLogo, assertEditorClusterFields } from './permissions';
import {
  columnValues,
  prepareClusterStatements,
  type ClusterEditable as Editable,
  type ClusterRecord,
} from './cluster-statements';
import { onFirstUse } from './prepared';
import { assertExist, assertSlugFree, slugOrFree } from './record-checks';
import { sameJson } from './record-changes';
import { VersionedWrites, withChanges } from './versioned-record';

export type { ClusterRecord } from './cluster-statements';

const WHAT = 'manageClusters';

export class ClusterWrites extends VersionedWrites<number, ClusterRecord> {
  protected readonly entity = 'cluster';
  private readonly statements = onFirstUse(() => prepareClusterStatements(this.handle));
  private readonly images = new ImageLibrary(this.handle);

  load(id: number): ClusterRecord | undefined {
    const row = this.statements().byId.get({ id });
    return row ? this.toRecord(row) : undefined;
  }

  list(user: Actor): ClusterRecord[] {
    assertAdmin(user, WHAT);
    return this.statements()
      .all.all()
      .map((r) => this.toRecord(r));
  }

  get(user: Actor, id: number): ClusterRecord {
    // Administrators, and an editor for their own cluster (to set its logo).
    assertCanEditClusterLogo(user, id);
    const record = this.load(id);
    if (!record) throw notFound('cluster', id);
    return record;
  }

  create(
    user: Actor,
    input: ClusterCreateInput,
    action: 'create' | 'restore' = 'create',
  ): ClusterRecord {
    return this.transaction(() => {
      assertAdmin(user, WHAT);
      // The create input is exactly the editable fields (a strict schema).
      const editable: Editable = {
        ...input,
        slug: slugOrFree(input.slug, input.name, this.statements().slugTaken),
      };
      this.checkReferences(editable, undefined);
      const id = this.insertRow(this.statements().insert, columnValues(editable));
      this.writeAreas(id, editable.areaIds);
      this.writeContacts(id, editable.contactPersons);
      this.writeSources(id, editable.sources);
      return this.recordCreation(user, id, action);
    });
  }

  update(
    user: Actor,
    input: ClusterUpdateInput,
    action: 'update' | 'restore' = 'update',
  ): ClusterRecord {
    assertCanEditClusterLogo(user, input.id);
    assertEditorClusterFields(user, Object.keys(input));
    return this.updateRecord(user, input, action, (before) => {
      const editable: Editable = withChanges(before, input);
      this.checkReferences(editable, before.id);
      this.writeVersion(this.statements().update, before, columnValues(editable));
      if (
        JSON.stringify([...editable.areaIds].sort((a, b) => a - b)) !==
        JSON.stringify(before.areaIds)
      ) {
        this.writeAreas(before.id, editable.areaIds);
      }
      if (!sameJson(editable.contactPersons, before.contactPersons)) {
        this.writeContacts(before.id, editable.contactPersons);
      }
      if (!sameJson(editable.sources, before.sources)) {
        this.writeSources(before.id, editable.sources);
      }
    });
  }

  setStatus(user: Actor, id: number, version: number, status: Status): ClusterRecord {
    // get() lets an editor read their own cluster; publishing it stays the administrators'.
    assertAdmin(user, WHAT);
    return this.setStatusOf(user, id, version, status, this.statements().setStatus);
  }

  delete(user: Actor, id: number, version: number): { id: number } {
    assertAdmin(user, WHAT);
    return this.deleteRecord(user, id, version, this.statements().delete, {
      current: () => {
        if (this.statements().hasEditors.get({ id })) {
          throw FieldError.coded('id', 'cluster.hasEditors', {}, 'conflict');
        }
      },
    });
  }

  private toRecord(row: ClusterRow): ClusterRecord {
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      shortName: row.shortName,
      website: row.website,
      email: row.email,
      city: row.city,
      municipalityCode: row.municipalityCode,
      foundedYear: row.foundedYear,
      logoUrl: row.logoUrl,
      logo: imageRef(row.logoImage, row.logoAltSv, row.logoAltEn),
      phone: row.phone,
      postalAddress: {
        street: row.postalStreet,
        postcode: row.postalPostcode,
        city: row.postalCity,
      },
      visitingAddress: {
        street: row.visitingStreet,
        postcode: row.visitingPostcode,
        city: row.visitingCity,
      },
      contactPersons: this.statements().contacts.all({ id: row.id }),
      membershipText: { sv: row.membershipSv, en: row.membershipEn },
      membershipUrl: row.membershipUrl,
      confidence: row.confidence,
      sourceNoteText: { sv: row.sourceNoteSv, en: row.sourceNoteEn },
      sources: this.statements()
        .sources.all({ id: row.id })
        .map((r) => ({ title: { sv: r.titleSv, en: r.titleEn }, year: r.year, url: r.url })),
      reportedMembers: {
        count: row.reportedMembers,
        qualifier: row.reportedMembersQualifier,
        year: row.reportedMembersYear,
      },
      status: row.status,
      version: row.version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      description: { sv: row.descriptionSv, en: row.descriptionEn },
      areaIds: this.statements()
        .areaIds.all({ id: row.id })
        .map((r) => r.id),
    };
  }

  private checkReferences(e: Editable, selfId: number | undefined): void {
    const statements = this.statements();
    assertSlugFree(statements.slugElsewhere, 'cluster', e.slug, selfId);
    assertExist(statements.areaExists, 'areaIds', 'area', e.areaIds);
    this.images.assertExists('logo.hash', 'logo', e.logo?.hash);
    if (e.municipalityCode && !statements.municipalityExists.get({ code: e.municipalityCode })) {
      throw FieldError.coded('municipalityCode', 'reference.missing', {
        entity: 'municipality',
        id: e.municipalityCode,
      });
    }
  }

  /** Replaces the contact persons, numbered in the order given (the order the page shows). */
  private writeContacts(id: number, persons: ClusterRecord['contactPersons']): void {
    const statements = this.statements();
    statements.deleteContacts.run({ id });
    persons.forEach((p, position) => {
      statements.insertContact.run({ id, position, ...p });
    });
  }

  /** Replaces the sources, numbered in the order given (the order the page lists them in). */
  private writeSources(id: number, sources: ClusterRecord['sources']): void {
    const statements = this.statements();
    statements.deleteSources.run({ id });
    sources.forEach((s, position) => {
      statements.insertSource.run({
        id,
        position,
        titleSv: s.title.sv,
        titleEn: s.title.en,
        year: s.year,
        url: s.url,
      });
    });
  }

  private writeAreas(id: number, areaIds: readonly number[]): void {
    const statements = this.statements();
    statements.deleteAreas.run({ id });
    for (const areaId of areaIds) statements.insertArea.run({ id, areaId });
  }
}
