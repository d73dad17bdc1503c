// An organisation's own badge picture and deleting a badge, on the real app (port 0, a real
// SQLite file): PNG and SVG uploads checked (type by the bytes, weight, size, nothing baked
// already, nothing that runs or fetches in an SVG), each refusal with its code and a message
// written with the straight apostrophe; the issued badge's baked PNG and SVG made from the
// uploaded picture and still accepted by the verifier written from the specifications
// (ob-verifier.ts). Deleting: a badge never issued is gone; an
// issued one is no longer offered nor awarded, and what was issued stays valid and verifiable.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deflateSync, crc32 } from 'node:zlib';
import { ManualScheduler } from '@ecoute/engine';
import type { AwardedBadge, BadgeDefinition } from '@ecoute/protocol';
import { pngTexts, svgCredential, verifyOb2Hosted, verifyOb3 } from './ob-verifier.js';
import { RoleClient, createSession, inviteMember, setupAdministrator, startServer } from './utils.js';
import type { Account, TestServer } from './utils.js';

const SCENARIO = 'appel-entrainement';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A plain RGB PNG of one colour, written here from the PNG specification. */
function png(width: number, height: number, [r, g, b] = [200, 40, 90]): Buffer {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([r, g, b], 1 + x * 3);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function idat(image: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 8;
  while (at < image.length) {
    const length = image.readUInt32BE(at);
    if (image.toString('latin1', at + 4, at + 8) === 'IDAT')
      parts.push(image.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return Buffer.concat(parts);
}

const GOOD_SVG =
  '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="200" viewBox="0 0 200 200">' +
  '<defs><linearGradient id="g"><stop offset="0" stop-color="#036"/><stop offset="1" stop-color="#39c"/></linearGradient></defs>' +
  '<circle id="marque-organisme" cx="100" cy="100" r="90" fill="url(#g)"/><use xlink:href="#marque-organisme" opacity="0.2"/></svg>\n';

describe('Badge pictures and deleting a badge', () => {
  const scheduler = new ManualScheduler();
  let server: TestServer;
  let admin: Account;
  let trainer: Account;
  let badge: BadgeDefinition;
  let award: AwardedBadge;
  const fetcher = (url: string) => fetch(url);

  async function api<T>(method: string, path: string, who: Account | null, body?: unknown) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(who ? who.headers : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  /** Every refusal's message an upload got. */
  const refusals: string[] = [];
  const upload = async (bytes: Buffer | string, who: Account = admin, id = badge.id) => {
    const answer = await api<BadgeDefinition & { code?: string; message?: string }>(
      'PUT',
      `/api/badges/${id}/image`,
      who,
      { data: Buffer.from(bytes).toString('base64') },
    );
    if (answer.status >= 400) refusals.push(answer.body.message ?? '');
    return answer;
  };

  async function bytesOf(url: string): Promise<Buffer> {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  }

  /** A call by `name` meeting the badge's criteria (se présenter in time, reformuler). */
  async function playCall(name: string) {
    const session = await createSession(server.url, SCENARIO, { as: trainer });
    const listener = await RoleClient.connect(server.url, {
      sessionId: session.sessionId,
      token: session.tokens.listener,
    });
    const ok = async (input: Record<string, unknown>) => {
      const ack = await listener.send(input);
      if (!ack.ok) throw new Error(`${JSON.stringify(input)}: ${ack.code}`);
    };
    await ok({ kind: 'join', name });
    scheduler.advanceBy(3_000);
    await ok({ kind: 'pickup' });
    scheduler.advanceBy(5_000);
    await ok({ kind: 'move', move: 'se_presenter' });
    scheduler.advanceBy(2_000);
    await ok({ kind: 'move', move: 'reformuler' });
    for (const _ of [1, 2, 3]) {
      scheduler.advanceBy(2_000);
      await ok({ kind: 'move', move: 'guider_pas_a_pas' });
    }
    await listener.waitFor((c) => c.view?.phase === 'ended', 'the ending');
    listener.close();
    // The learner's badges (evaluated now if their results are not yet).
    const mine = await fetch(`${server.url}/api/sessions/${session.sessionId}/badges`, {
      headers: { authorization: `Bearer ${session.tokens.listener}` },
    });
    return ((await mine.json()) as { awards: AwardedBadge[] }).awards;
  }

  beforeAll(async () => {
    server = await startServer({ scheduler });
    admin = await setupAdministrator(server);
    trainer = await inviteMember(server, admin, 'trainer', 'Dominique');
    const created = await api<BadgeDefinition>('POST', '/api/badges', admin, {
      name: 'Accueillir un appel',
      description: "Se présenter et reformuler le besoin de l'appelant·e.",
      criteria: [
        { competency: 'accueil', criterion: 'se_presente' },
        { competency: 'ecoute', criterion: 'reformule' },
      ],
      minCalls: 1,
    });
    expect(created.status).toBe(201);
    badge = created.body;
    expect(badge.imageType).toBeNull();
    const awards = await playCall('Noa');
    expect(awards).toHaveLength(1);
    award = awards[0]!;
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  it('refuses what is not a fitting PNG or SVG, each with its code and what to change', async () => {
    expect(await upload('bonjour, ceci est un texte')).toMatchObject({
      status: 415,
      body: { code: 'badge/image_type' },
    });
    expect(await upload(Buffer.from('GIF89a......'))).toMatchObject({
      status: 415,
      body: { code: 'badge/image_type' },
    });
    const heavy = Buffer.concat([png(128, 128), Buffer.alloc(300 * 1024)]);
    expect(await upload(heavy)).toMatchObject({
      status: 413,
      body: { code: 'badge/image_too_large', message: expect.stringContaining('256 Ko') },
    });
    expect(await upload(png(10, 10))).toMatchObject({
      status: 400,
      body: { code: 'badge/image_invalid', message: expect.stringContaining('10 × 10') },
    });
    expect(await upload(png(3000, 64))).toMatchObject({ status: 400, body: { code: 'badge/image_invalid' } });
    const broken = png(128, 128);
    broken[40] = broken[40]! ^ 0xff; // inside IDAT: its CRC no longer matches
    expect(await upload(broken)).toMatchObject({
      status: 400,
      body: { code: 'badge/image_invalid', message: expect.stringContaining('abîmé') },
    });
    // A picture that already carries a badge (a learner's baked PNG and SVG).
    expect(await upload(await bytesOf(award.downloads.png))).toMatchObject({
      status: 400,
      body: { code: 'badge/image_invalid', message: expect.stringContaining('porte déjà un badge') },
    });
    expect(await upload(await bytesOf(award.downloads.svg))).toMatchObject({
      status: 400,
      body: { code: 'badge/image_invalid', message: expect.stringContaining('porte déjà un badge') },
    });
    const svg = (inside: string, root = 'xmlns="http://www.w3.org/2000/svg" width="200" height="200"') =>
      `<svg ${root}>${inside}</svg>`;
    for (const [bad, why] of [
      [svg('<script>alert(1)</script>'), 'script'],
      [svg('<circle r="5" onclick="alert(1)"/>'), 'évènement'],
      [svg('<image href="https://pisteur.example/p.png" width="10" height="10"/>'), 'extérieure'],
      [svg('<foreignObject><p>x</p></foreignObject>'), 'étranger'],
      [svg('<style>@import url(https://x.example/a.css);</style>'), 'extérieure'],
      [`<!DOCTYPE svg [<!ENTITY x "y">]>${svg('')}`, 'DOCTYPE'],
      [svg('', 'width="200" height="200"'), 'xmlns'],
      [svg('', 'xmlns="http://www.w3.org/2000/svg"'), 'largeur'],
      [svg('', 'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20"'), '20 × 20'],
    ] as const) {
      const answer = await upload(bad);
      expect([bad, answer.status, answer.body.code]).toEqual([bad, 400, 'badge/image_invalid']);
      expect(answer.body.message).toContain(why);
    }
    expect(
      await api('PUT', `/api/badges/${badge.id}/image`, admin, { data: 'pas du base64 !' }),
    ).toMatchObject({ status: 400, body: { code: 'input/invalid' } });
    // Administrators only; another badge id is not found.
    expect(await upload(png(128, 128), trainer)).toMatchObject({ status: 403 });
    expect(await upload(png(128, 128), admin, 'b-inconnu')).toMatchObject({
      status: 404,
      body: { code: 'badge/not_found' },
    });
    // Nothing was kept: still the drawn medal.
    const listed = await api<{ badges: BadgeDefinition[] }>('GET', '/api/badges', admin);
    expect(listed.body.badges[0]).toMatchObject({ id: badge.id, imageType: null });
    // Their French with the straight apostrophe, as the UI's (never U+2019).
    expect(refusals.length).toBeGreaterThan(15);
    expect(refusals.filter((message) => message.includes('\u2019'))).toEqual([]);
  });

  it('bakes the issued badge into the uploaded PNG (and an SVG around it), still verified', async () => {
    const mine = png(160, 160, [10, 120, 60]);
    const answer = await upload(mine);
    expect(answer).toMatchObject({ status: 200, body: { id: badge.id, imageType: 'image/png' } });
    expect((await bytesOf(answer.body.imageUrl!)).equals(mine)).toBe(true);
    const jwt = await (await fetch(award.downloads.jwt)).text();
    const baked = await bytesOf(award.downloads.png);
    expect(pngTexts(baked, 'openbadgecredential')).toEqual([jwt]);
    expect(idat(baked).equals(idat(mine))).toBe(true);
    expect((await verifyOb3(pngTexts(baked, 'openbadgecredential')[0]!, fetcher)).errors).toEqual([]);
    const ob2 = await bytesOf(award.downloads.ob2Png);
    expect(idat(ob2).equals(idat(mine))).toBe(true);
    expect(pngTexts(ob2, 'openbadges')).toEqual([award.downloads.ob2Assertion]);
    const svg = await (await fetch(award.downloads.svg)).text();
    expect(svgCredential(svg)).toBe(jwt);
    expect(svg).toContain(`href="data:image/png;base64,${mine.toString('base64')}"`);
  });

  it('bakes it into the uploaded SVG, and renders that SVG as the PNG (resvg)', async () => {
    const answer = await upload(GOOD_SVG);
    expect(answer).toMatchObject({ status: 200, body: { imageType: 'image/svg+xml' } });
    const jwt = await (await fetch(award.downloads.jwt)).text();
    const svg = await (await fetch(award.downloads.svg)).text();
    expect(svgCredential(svg)).toBe(jwt);
    expect(svg).toContain('<circle id="marque-organisme"');
    const rendered = await bytesOf(answer.body.imageUrl!);
    expect(rendered.subarray(1, 4).toString()).toBe('PNG');
    expect(rendered.readUInt32BE(16)).toBe(512); // the drawing rendered 512 pixels wide
    const baked = await bytesOf(award.downloads.png);
    expect(pngTexts(baked, 'openbadgecredential')).toEqual([jwt]);
    expect(idat(baked).equals(idat(rendered))).toBe(true);
    // Back to the drawn medal.
    const drawn = await api<BadgeDefinition>('DELETE', `/api/badges/${badge.id}/image`, admin);
    expect(drawn).toMatchObject({ status: 200, body: { imageType: null } });
    expect((await bytesOf(badge.imageUrl!)).readUInt32BE(16)).toBe(256);
  });

  it('deletes a badge never issued; an issued one is no longer offered nor awarded, what was issued stays valid', async () => {
    const unused = await api<BadgeDefinition>('POST', '/api/badges', admin, {
      name: 'Jamais délivré',
      description: 'Pour voir.',
      criteria: [{ competency: 'accueil', criterion: 'se_presente' }],
      minCalls: 50,
    });
    expect(await api('DELETE', `/api/badges/${unused.body.id}`, trainer)).toMatchObject({ status: 403 });
    expect(await api('DELETE', `/api/badges/${unused.body.id}`, admin)).toMatchObject({
      status: 200,
      body: { ok: true, issued: 0, kept: false },
    });
    expect((await fetch(unused.body.url)).status).toBe(404);

    expect(await api('DELETE', `/api/badges/${badge.id}`, admin)).toMatchObject({
      status: 200,
      body: { ok: true, issued: 1, kept: true },
    });
    // Not offered any more, not editable, deleted once only.
    expect((await api<{ badges: BadgeDefinition[] }>('GET', '/api/badges', admin)).body.badges).toEqual([]);
    const again = {
      name: 'x',
      description: 'x',
      criteria: [{ competency: 'accueil', criterion: 'se_presente' }],
      minCalls: 1,
    };
    expect(await api('PUT', `/api/badges/${badge.id}`, admin, again)).toMatchObject({ status: 404 });
    expect(await api('DELETE', `/api/badges/${badge.id}`, admin)).toMatchObject({ status: 404 });
    // What was issued: listed, verified (OB 3.0 and 2.0), its documents and picture served.
    const awards = (await api<{ awards: AwardedBadge[] }>('GET', '/api/badges/awards', trainer)).body.awards;
    expect(awards).toEqual([
      expect.objectContaining({ id: award.id, badgeName: 'Accueillir un appel', revoked: false }),
    ]);
    const jwt = await (await fetch(award.downloads.jwt)).text();
    expect((await verifyOb3(jwt, fetcher)).errors).toEqual([]);
    expect((await verifyOb2Hosted(award.downloads.ob2Assertion, fetcher)).errors).toEqual([]);
    expect(pngTexts(await bytesOf(award.downloads.png), 'openbadgecredential')).toEqual([jwt]);
    const summary = await api<Record<string, unknown>>(
      'GET',
      `/api/badges/credentials/${award.id}/verification`,
      null,
    );
    expect(summary.body).toMatchObject({
      badgeName: 'Accueillir un appel',
      signatureValid: true,
      revoked: false,
    });
    // A learner meeting its criteria now earns nothing.
    expect(await playCall('Lou')).toEqual([]);
  }, 60_000);
});
