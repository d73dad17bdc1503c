// A debrief link's lanes in its HTML: when `GET /debrief/<id>` carries the cookie of an account
// that may read that debrief (the same rule as its REST answer: `AccessService.memberMay`,
// `debrief.read`), the page the server sends holds the lanes' opening window already drawn
// (`DebriefService.openingLanes`, SVG), so they paint with the document, before any script ran.
// React's first render replaces `#root`'s content with its own lanes at the same box (the
// drawing's frame reserves their place: classes of the client's `debrief.css`, `lanes-early*`).
// A visit without that cookie (a learner's or trainer's link alone: its `#k=` token never reaches
// the server) gets the page unchanged, and so does an account without access: nothing of the
// debrief goes into the HTML for them.
import type { Request } from 'express';
import type { AccessService } from '../auth/access.service.js';
import type { DebriefService, DrawnLanes } from './debrief.service.js';
import { EncodedAnswer } from './encoded-answer.js';

const DEBRIEF_PAGE = /^\/debrief\/([^/]+)\/?$/;

/**
 * The frame the drawing sits in: the page's blocks above React's lanes, empty, with their classes
 * (the client's stylesheets give them the height they reserve for their content: debrief.css,
 * « reserved place »), then the lanes' labels column and the picture in the scroller's border.
 */
export function earlyLanesHtml(svg: string): string {
  return (
    `<div class="lanes-early" data-lanes-painted="server" aria-hidden="true">` +
    `<div class="app-header lanes-early__app-header"></div>` +
    `<div class="app-main"><div class="debrief"><div class="debrief__header"></div>` +
    `<div class="panel debrief__timeline"><div class="lanes-early__heading"></div>` +
    `<div class="playback"></div><div class="lanes"><div class="lanes__toolbar"></div>` +
    `<div class="lanes__body"><div class="lanes__labels"></div>` +
    `<div class="lanes-early__picture">${svg}</div></div></div></div></div></div></div>`
  );
}

/**
 * The page's HTML with the drawing in its (empty) `#root`, and its `<body>` marked `lanes-drawn`:
 * only such a page keeps the blocks' reserved place (debrief.css), a visit without the drawing
 * keeps the page's own heights. Unchanged when it has no `#root` or no plain `<body>`.
 */
export function withEarlyLanes(html: string, drawing: string): string {
  const root = '<div id="root"></div>';
  const body = '<body>';
  const at = html.indexOf(root);
  const bodyAt = html.indexOf(body);
  if (at < 0 || bodyAt < 0 || bodyAt > at) return html;
  return (
    `${html.slice(0, bodyAt)}<body class="lanes-drawn">${html.slice(bodyAt + body.length, at)}` +
    `<div id="root">${drawing}</div>${html.slice(at + root.length)}`
  );
}

const pages = new WeakMap<DrawnLanes, EncodedAnswer>();

/**
 * The page with the drawing in, as kept bytes compressed once per encoding (`EncodedAnswer`):
 * kept while the drawing is (as long as the debrief's answer is).
 */
export function drawnPage(html: string, drawn: DrawnLanes): EncodedAnswer {
  let page = pages.get(drawn);
  if (!page) {
    page = new EncodedAnswer(Buffer.from(withEarlyLanes(html, earlyLanesHtml(drawn.svg))));
    pages.set(drawn, page);
  }
  return page;
}

/**
 * The drawing for this request of a debrief link's page, or null (no such page, no account's
 * cookie, no access, no debrief). Never throws: the page is then sent as it is.
 */
export async function earlyLanesFor(
  req: Request,
  access: AccessService,
  debriefs: DebriefService,
): Promise<DrawnLanes | null> {
  const match = DEBRIEF_PAGE.exec(req.path);
  if (!match?.[1]) return null;
  if (!(req.headers.cookie ?? '').includes('ecoute.session_token')) return null;
  try {
    const sessionId = decodeURIComponent(match[1]);
    if (!(await access.memberMay(req, 'debrief.read', sessionId))) return null;
    return await debriefs.openingLanes(sessionId);
  } catch {
    return null;
  }
}
