/**
 * A cluster's editors set its logo (their cluster's face on the site and in
 * shared links): they may read their own cluster's record and update its
 * logo, nothing else — not another cluster's, not other fields, not its
 * status — and a refused write changes nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testImage } from '../image-test-images';
import { getServices } from '../services';
import { MediaFolder } from '../services/media-folder';
import { checksumDatabase, createTestApi, trpcError, type TestApi } from '../test-support';

let api: TestApi;
let dir: string;
beforeEach(() => {
  api = createTestApi();
  dir = mkdtempSync(path.join(os.tmpdir(), 'cos-editor-logo-'));
});
afterEach(() => {
  api.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

async function uploadAs(slug: string) {
  const bytes = await testImage({ width: 300, height: 150 });
  return getServices(api.handle).images.upload(
    api.editorUser(slug),
    bytes,
    'logo',
    new MediaFolder(dir),
  );
}

describe("an editor and their cluster's logo", () => {
  it('sets and removes it on their own cluster, audited, and the public cluster shows it', async () => {
    const editor = api.editor('opentech');
    const id = api.clusterId('opentech');
    const image = await uploadAs('opentech');
    const record = await editor.cluster.admin.get({ id });
    const logo = { hash: image.hash, alt: { sv: 'OpenTechs logotyp', en: 'OpenTech logo' } };
    const saved = await editor.cluster.admin.update({ id, version: record.version, logo });
    expect(saved).toMatchObject({ logo, version: record.version + 1, name: record.name });
    const shown = await api.anonymous.cluster.bySlug({ slug: 'opentech' });
    expect(shown.logo?.src).toMatch(new RegExp(`/media/${image.hash}-`));
    const removed = await editor.cluster.admin.update({ id, version: saved.version, logo: null });
    expect(removed.logo).toBeNull();
  });

  it("is refused for another cluster, for other fields and for the cluster's status", async () => {
    const editor = api.editor('opentech');
    const other = api.clusterId('packbridge');
    const own = api.clusterId('opentech');
    const image = await uploadAs('opentech');
    const logo = { hash: image.hash, alt: { sv: 'Logotyp' } };
    const before = checksumDatabase(api.sqlite);

    const foreign = await trpcError(editor.cluster.admin.get({ id: other }));
    expect(foreign.code).toBe('FORBIDDEN');
    expect(foreign.message).toBe("Editors may only change their own cluster's logo");
    const foreignWrite = await trpcError(
      editor.cluster.admin.update({ id: other, version: 1, logo }),
    );
    expect(foreignWrite.code).toBe('FORBIDDEN');

    const { version } = await editor.cluster.admin.get({ id: own });
    const rename = await trpcError(
      editor.cluster.admin.update({ id: own, version, logo, name: 'Renamed' }),
    );
    expect(rename.code).toBe('FORBIDDEN');
    expect(rename.message).toBe("Editors may change only their cluster's logo, not: name");
    const status = await trpcError(
      editor.cluster.admin.setStatus({ id: own, version, action: 'unpublish' }),
    );
    expect(status.code).toBe('FORBIDDEN');
    expect(checksumDatabase(api.sqlite)).toBe(before);
  });
});
