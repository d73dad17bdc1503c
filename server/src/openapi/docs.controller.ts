// GET /api/docs: the OpenAPI document (`openapi.json`) and a page to read it, Swagger UI from the
// `swagger-ui-dist` package served by this server (no CDN; its validator badge, which would call
// validator.swagger.io, is off).
import { createRequire } from 'node:module';
import path from 'node:path';
import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { buildOpenApiDocument } from './openapi-document.js';

const swaggerUiDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** The only files served from swagger-ui-dist. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

const PAGE = `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Écoute — API REST</title>
    <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css" />
  </head>
  <body>
    <main id="api">
      <noscript><p>Le document OpenAPI : <a href="/api/docs/openapi.json">/api/docs/openapi.json</a></p></noscript>
    </main>
    <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
    <script src="/api/docs/assets/docs.js"></script>
  </body>
</html>
`;

const START = `window.ui = SwaggerUIBundle({
  url: '/api/docs/openapi.json',
  dom_id: '#api',
  validatorUrl: null,
  deepLinking: true,
});
`;

@Controller('api/docs')
export class DocsController {
  /** Built on the first request, not at boot (≈ 50 ms of schema conversion). */
  private document: Record<string, unknown> | undefined;

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(): string {
    return PAGE;
  }

  @Get('openapi.json')
  openapi(): Record<string, unknown> {
    this.document ??= buildOpenApiDocument();
    return this.document;
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() response: Response): void {
    if (file === 'docs.js') {
      response.type('text/javascript; charset=utf-8').send(START);
      return;
    }
    const type = ASSETS[file];
    if (!type) throw new NotFoundException();
    response.setHeader('Content-Type', type);
    response.setHeader('Cache-Control', 'public, max-age=3600');
    // The package sits under node_modules/.pnpm: a dot folder, which send() refuses by default.
    response.sendFile(path.join(swaggerUiDir, file), { dotfiles: 'allow' });
  }
}
