// The OpenAPI document on the real app (port 0): every route the app registers is described
// (a new route without a description fails here), nothing described is missing from the app, the
// request schemas are the protocol's zod schemas, and the reading page is served locally.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { z } from 'zod';
import { createSessionSchema, sessionExportSchema } from '@ecoute/protocol';
import { openApiPath } from '../src/openapi/openapi-document.js';
import { startServer } from './utils.js';
import type { TestServer } from './utils.js';

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

type Document = {
  openapi: string;
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, unknown> };
};

describe('/api/docs', () => {
  let server: TestServer;
  let document: Document;

  /** Every (method, path) the Express router holds: the routes Nest registered. */
  function registeredRoutes(): { method: string; path: string }[] {
    const express = server.app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } };
    return express.router.stack.flatMap((layer) => {
      // Nest's own not-found handler: every method on `{/*splat}`, not a route of the API.
      if (!layer.route || layer.route.path === '{/*splat}') return [];
      // better-auth's handler (every method; its routes are its own, see the policy table).
      if (layer.route.path === '/api/auth/*splat') return [];
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      return paths.flatMap((path) =>
        Object.keys(layer.route!.methods)
          .filter((m) => m !== '_all')
          .map((method) => ({ method, path })),
      );
    });
  }

  beforeAll(async () => {
    server = await startServer();
    const response = await fetch(`${server.url}/api/docs/openapi.json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as Document;
  }, 30_000);
  afterAll(async () => {
    await server.close();
  });

  it('describes every route the app registers, and only those', () => {
    const routes = registeredRoutes();
    expect(routes.length).toBeGreaterThan(15);
    const missing = routes.filter((r) => document.paths[openApiPath(r.path)]?.[r.method] === undefined);
    expect(missing).toEqual([]);
    const described = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path}`),
    );
    const registered = new Set(routes.map((r) => `${r.method} ${openApiPath(r.path)}`));
    expect(described.filter((d) => !registered.has(d))).toEqual([]);
    for (const operations of Object.values(document.paths))
      for (const operation of Object.values(operations))
        expect(operation.summary).toEqual(expect.any(String));
  });

  it('takes its schemas from the protocol’s zod schemas', () => {
    expect(document.openapi).toBe('3.1.0');
    const create = document.paths['/api/sessions']?.post as {
      requestBody: { content: { 'application/json': { schema: Record<string, unknown> } } };
    };
    const { $schema: _dialect, ...expected } = z.toJSONSchema(createSessionSchema, { io: 'input' });
    expect(create.requestBody.content['application/json'].schema).toEqual(expected);
    const exported = document.paths['/api/sessions/{sessionId}/export/json']?.get as {
      responses: Record<string, { content: { 'application/json': { schema: { properties: object } } } }>;
    };
    expect(Object.keys(exported.responses['200']!.content['application/json'].schema.properties)).toEqual(
      Object.keys(sessionExportSchema.shape),
    );
    const list = document.paths['/api/sessions']?.get as { parameters: { name: string; in: string }[] };
    expect(list.parameters.map((p) => p.name)).toEqual(['scenario', 'learner', 'from', 'to', 'outcome']);
  });

  it('names « not your session » on the routes a trainer may use on their own sessions only, from the policy', () => {
    const refusals = (path: string, method: string) =>
      (document.paths[path]?.[method] as { responses: { default?: { description: string } } } | undefined)
        ?.responses.default?.description ?? '';
    // `own` rules (policy.ts): the debrief, the links, the deletion, the exports.
    for (const [path, method] of [
      ['/api/sessions/{sessionId}/debrief', 'get'],
      ['/api/sessions/{sessionId}/links', 'get'],
      ['/api/sessions/{sessionId}', 'delete'],
      ['/api/sessions/{sessionId}/export/json', 'get'],
    ] as const)
      expect({ path, method, named: refusals(path, method).includes('auth/not_session_owner') }).toEqual({
        path,
        method,
        named: true,
      });
    // The organisation's list and the creation are every trainer's: no such refusal.
    expect(refusals('/api/sessions', 'get')).not.toContain('auth/not_session_owner');
    expect(refusals('/api/sessions', 'post')).not.toContain('auth/not_session_owner');
  });

  it('holds JSON Schemas that compile (2020-12, the dialect of OpenAPI 3.1)', () => {
    const ajv = new Ajv2020({ strict: false });
    const schemas: unknown[] = [document.components.schemas.Failure];
    for (const operations of Object.values(document.paths)) {
      for (const operation of Object.values(operations)) {
        const op = operation as {
          parameters?: { schema: unknown }[];
          requestBody?: { content: Record<string, { schema: unknown }> };
        };
        for (const p of op.parameters ?? []) schemas.push(p.schema);
        for (const c of Object.values(op.requestBody?.content ?? {})) schemas.push(c.schema);
      }
    }
    expect(schemas.length).toBeGreaterThan(20);
    for (const schema of schemas) expect(() => ajv.compile(schema as object)).not.toThrow();
  });

  it('writes its French with the straight apostrophe only, as the UI catalogues do', () => {
    // Every text of the document (summaries, descriptions, the zod schemas' `.describe`), by place.
    const curly: string[] = [];
    const visit = (value: unknown, where: string): void => {
      if (typeof value === 'string') {
        if (value.includes('\u2019')) curly.push(`${where}: ${value}`);
      } else if (value && typeof value === 'object')
        for (const [key, inner] of Object.entries(value)) visit(inner, `${where}/${key}`);
    };
    visit(document, '');
    expect(curly).toEqual([]);
  });

  it('serves a readable page with its assets from this server, no CDN', async () => {
    const page = await fetch(`${server.url}/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThanOrEqual(3);
    for (const ref of refs) {
      expect(ref.startsWith('/')).toBe(true);
      const asset = await fetch(`${server.url}${ref}`);
      expect(asset.status).toBe(200);
      expect((await asset.text()).length).toBeGreaterThan(10);
    }
    const start = await (await fetch(`${server.url}/api/docs/assets/docs.js`)).text();
    expect(start).toContain("url: '/api/docs/openapi.json'");
    expect(start).toContain('validatorUrl: null');
    expect((await fetch(`${server.url}/api/docs/assets/package.json`)).status).toBe(404);
  });
});
